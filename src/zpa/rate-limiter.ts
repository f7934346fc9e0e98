/**
 * Client-side rate limiting, so a normal run never provokes a 429.
 *
 * ZPA publishes 20 GET and 10 POST/PUT/DELETE per 10 seconds per IP, "counted from the first call"
 * (NOTES.md). A sliding-window log (at most N sends in any window) is safe whether the server counts
 * fixed windows from the first call or refills a token bucket; the margin absorbs network jitter
 * between our clock and the server's.
 */

import { systemClock, type Clock } from '../core/clock.js';
import type { RateLimits } from '../core/rate-limits.js';

export { PUBLISHED_RATE_LIMITS, type RateLimits } from '../core/rate-limits.js';

/** Added to the window so calls that left us inside one window cannot land inside the next. */
export const WINDOW_SAFETY_MARGIN_MS = 250;

export type WaitListener = (ms: number) => void;

export class SlidingWindowLimiter {
  /** Send times of the calls inside the current window, oldest first. */
  private readonly sent: number[] = [];
  /** Callers take turns in arrival order, so a burst of concurrent calls cannot overtake a waiter. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock = systemClock,
  ) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`rate limit must be a positive integer, got ${limit}`);
    if (!(windowMs > 0)) throw new RangeError(`rate window must be positive, got ${windowMs}`);
  }

  /** Resolves when a call may be sent, with the milliseconds it waited. */
  acquire(onWait?: WaitListener): Promise<number> {
    const turn = this.queue.then(() => this.take(onWait));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async take(onWait?: WaitListener): Promise<number> {
    let waited = 0;
    for (;;) {
      const now = this.clock.now();
      while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.windowMs) this.sent.shift();
      if (this.sent.length < this.limit) {
        this.sent.push(now);
        return waited;
      }
      const ms = (this.sent[0] ?? now) + this.windowMs - now;
      onWait?.(ms);
      await this.clock.sleep(ms);
      waited += ms;
    }
  }
}

/** One budget for GET and one for POST/PUT/DELETE, as ZPA counts them. */
export class SlidingLogLimiter {
  readonly reads: SlidingWindowLimiter;
  readonly writes: SlidingWindowLimiter;

  constructor(limits: RateLimits, marginMs = WINDOW_SAFETY_MARGIN_MS, clock: Clock = systemClock) {
    this.reads = new SlidingWindowLimiter(limits.get, limits.windowMs + marginMs, clock);
    this.writes = new SlidingWindowLimiter(limits.write, limits.windowMs + marginMs, clock);
  }

  acquire(method: string, onWait?: WaitListener): Promise<number> {
    return (method === 'GET' ? this.reads : this.writes).acquire(onWait);
  }
}
