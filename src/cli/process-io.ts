/** The real process behind CliIo: its streams, the `yes` prompt and the signal trap. */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { exitCode, interruptedOutcome } from './exit-codes.js';
import { PromptCancelledError, type CliIo, type InterruptSignal } from './io.js';

/**
 * One line from `input`. Ctrl-C (readline's SIGINT on a terminal) and Ctrl-D or a closed stdin
 * reject with PromptCancelledError, so the caller can say that nothing was changed.
 */
export function readLineFrom(input: Readable, output: Writable, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input, output, terminal: (input as { isTTY?: boolean }).isTTY === true });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      rl.close();
    };
    rl.on('SIGINT', () => settle(() => reject(new PromptCancelledError('interrupt'))));
    rl.on('close', () => settle(() => reject(new PromptCancelledError('end-of-input'))));
    rl.question(prompt, (answer) => settle(() => resolve(answer)));
  });
}

/** The first SIGINT/SIGTERM goes to `onFirst`; a second one ends the process at once. */
function trapProcessInterrupts(onFirst: (signal: InterruptSignal) => void): () => void {
  let seen = false;
  const handler = (signal: InterruptSignal) => {
    if (seen) {
      process.stderr.write(`\n${signal} again: exiting at once. Run plan to see what is left.\n`);
      process.exit(exitCode(interruptedOutcome(signal)));
    }
    seen = true;
    onFirst(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

export function processIo(): CliIo {
  return {
    stdout: (text: string) => void process.stdout.write(text),
    stderr: (text: string) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTty: process.stdout.isTTY === true,
    stdinIsTty: process.stdin.isTTY === true,
    readLine: (prompt: string) => readLineFrom(process.stdin, process.stdout, prompt),
    trapInterrupts: trapProcessInterrupts,
  };
}
