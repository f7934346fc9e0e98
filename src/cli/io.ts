/** Everything the CLI touches of its process, so tests can run it in-process too. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Both streams are terminals: colour, prompts. */
  stdoutIsTty: boolean;
  stdinIsTty: boolean;
  /** Reads one line from stdin (the apply confirmation). */
  readLine: (prompt: string) => Promise<string>;
}
