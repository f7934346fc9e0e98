import { ZpaGitopsError } from '../core/errors.js';

/** Everything the CLI touches of its process, so tests can run it in-process too. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Both streams are terminals: colour, prompts. */
  stdoutIsTty: boolean;
  stdinIsTty: boolean;
  /** Reads one line from stdin (the apply confirmation); rejects with PromptCancelledError on Ctrl-C or Ctrl-D. */
  readLine: (prompt: string) => Promise<string>;
  /**
   * Takes over SIGINT and SIGTERM while apply writes: the first calls `onFirst`; a second one exits
   * the process at once. Returns the function that gives the signals back. Absent in-process.
   */
  trapInterrupts?: (onFirst: (signal: InterruptSignal) => void) => () => void;
}

export type InterruptSignal = 'SIGINT' | 'SIGTERM';

/** A signal came while the command was still reading and planning: nothing was written. */
export class InterruptedBeforeWritesError extends ZpaGitopsError {
  constructor(readonly signal: InterruptSignal) {
    super(`${signal} received: interrupted before any write. Nothing was changed.`);
  }
}

/** The confirmation prompt ended without an answer: Ctrl-C (`interrupt`) or Ctrl-D (`end-of-input`). */
export class PromptCancelledError extends Error {
  constructor(readonly how: 'interrupt' | 'end-of-input') {
    super(how === 'interrupt' ? 'prompt interrupted' : 'no answer: end of input');
  }
}
