/** Runs the CLI in-process with captured streams: the same code path as the real binary. */
import { runCli } from '../../src/cli/run.js';
import { PromptCancelledError, type CliIo } from '../../src/cli/io.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** Environment variables (SimEnv is an interface, hence `object`). */
  env?: object;
  cwd?: string;
  tty?: boolean;
  /** Answer to the apply prompt, or how it is cancelled (Ctrl-C, Ctrl-D). */
  answer?: string | PromptCancelledError;
}

export async function cli(argv: string[], options: CliRunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: { NO_COLOR: '1', ...(options.env as Record<string, string | undefined> | undefined) },
    cwd: options.cwd ?? process.cwd(),
    stdoutIsTty: options.tty ?? false,
    stdinIsTty: options.tty ?? false,
    readLine: (prompt) => {
      stdout += prompt;
      if (options.answer instanceof PromptCancelledError) return Promise.reject(options.answer);
      return Promise.resolve(options.answer ?? '');
    },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
