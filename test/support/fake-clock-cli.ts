/**
 * The CLI under a fake clock, for runs the published rate limits would make minutes long (300
 * PUTs at 10 writes per 10 s) and for retries after 429s and 5xx, which would otherwise wait out
 * real `retry-after`s and backoffs. Only `setTimeout` and `Date` are faked (the in-process simulator
 * sees the same time); whenever the client says it waits, for the rate limit or before retrying, the
 * clock jumps by that wait, so the limiter's and the retry policy's own bookkeeping is what is
 * exercised, in real order, and no test waits on the wall clock. A jump is far shorter than a
 * request's timeout, so a request in flight while the clock jumps is not cut short.
 */
import { vi } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { CliResult, CliRunOptions } from './cli.js';

/** Where the last run left the fake clock: the next starts there, so time never runs backwards. */
let lastEnd = 0;

export async function cliOnFakeClock(argv: string[], options: CliRunOptions = {}): Promise<CliResult> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Math.max(Date.now(), lastEnd) });
  let stdout = '';
  let stderr = '';
  let jump = 0;
  try {
    const run = runCli(argv, {
      stdout: (text) => void (stdout += text),
      stderr: (text) => {
        stderr += text;
        const wait = /^waiting (\d+) s (?:for the API rate limit|before retrying)/.exec(text);
        if (wait) jump += Number(wait[1]) * 1000;
      },
      env: { NO_COLOR: '1', ...(options.env as Record<string, string | undefined> | undefined) },
      cwd: options.cwd ?? process.cwd(),
      stdoutIsTty: false,
      stdinIsTty: false,
      readLine: () => Promise.resolve(''),
    });
    let done = false;
    const code = run.finally(() => (done = true));
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      // Short timers (sockets, deferrals) still need the clock to move: a millisecond a turn, far
      // below any request timeout even if a reply takes thousands of turns.
      const ms = Math.max(jump, 1);
      jump = 0;
      await vi.advanceTimersByTimeAsync(ms);
    }
    return { code: await code, stdout, stderr };
  } finally {
    lastEnd = Date.now();
    vi.useRealTimers();
  }
}
