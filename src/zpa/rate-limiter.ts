/**
 * Client-side rate limiting, so a normal run never provokes a 429.
 *
 * ZPA publishes 20 GET and 10 POST/PUT/DELETE per 10 seconds per IP, "counted from the first call"
 * (NOTES.md). The server counts a call when it arrives, which is somewhere between our send and
 * its reply. So a slot is held from the send until the reply, and then for one window more: any
 * N+1 calls then arrive more than a window apart, whether the server counts fixed windows from the
 * first call, sliding windows or a token bucket, however slow the network is. The cost is one
 * round trip per window, which, unlike a fixed margin, shrinks with the window.
 */

import type { RateLimits } from '../core/rate-limits.js';

export { PUBLISHED_RATE_LIMITS, type RateLimits } from '../core/rate-limits.js';

/**
 * Added to the window for the clocks' resolution only (the reply stamp covers the network):
 * 0.5 % of the window, 50 ms at ZPA's 10 s, at least 1 ms.
 */
export function windowMarginMs(windowMs: number): number {
  return Math.max(1, Math.ceil(windowMs / 200));
}

import { systemClock, type Clock } from '../core/clock.js';

export type WaitListener = (ms: number) => void;

/** One call's place in the window: `release` when its reply (or failure) is in. Idempotent. */
export interface Slot {
  /** Milliseconds the caller waited for it. */
  readonly waitedMs: number;
  release(): void;
}

interface Entry {
  /** When the reply came back; undefined while the call is in flight (it holds the slot). */
  releasedAt: number | undefined;
}

export class SlidingWindowLimiter {
  /** Calls in flight or released within the last window. */
  private entries: Entry[] = [];
  /** Callers take turns in arrival order, so a burst of concurrent calls cannot overtake a waiter. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Wakes the caller waiting for a slot when every slot is held by a call in flight. */
  private onRelease: (() => void) | undefined;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock = systemClock,
  ) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`rate limit must be a positive integer, got ${limit}`);
    if (!(windowMs > 0)) throw new RangeError(`rate window must be positive, got ${windowMs}`);
  }

  /**
   * Resolves when a call may be sent; the slot must be released when the call is over. Rejects,
   * without taking a slot, once `signal` aborts.
   */
  acquire(onWait?: WaitListener, signal?: AbortSignal): Promise<Slot> {
    const turn = this.queue.then(() => this.take(onWait, signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async take(onWait: WaitListener | undefined, signal: AbortSignal | undefined): Promise<Slot> {
    let waited = 0;
    for (;;) {
      if (signal?.aborted) throw new Error('stopped waiting for the rate limit');
      const now = this.clock.now();
      this.entries = this.entries.filter((e) => e.releasedAt === undefined || e.releasedAt > now - this.windowMs);
      if (this.entries.length < this.limit) return this.hold(waited);
      const released = this.entries.flatMap((e) => (e.releasedAt === undefined ? [] : [e.releasedAt]));
      if (released.length === 0) {
        // Every slot is in flight: a release starts its window, so nothing frees before one.
        const start = this.clock.now();
        await new Promise<void>((resolve) => (this.onRelease = resolve));
        waited += this.clock.now() - start;
        continue;
      }
      // A release now would end later than any slot already released, so sleeping is exact.
      const ms = Math.min(...released) + this.windowMs - now;
      onWait?.(ms);
      await this.clock.sleep(ms, signal);
      waited += ms;
    }
  }

  private hold(waitedMs: number): Slot {
    const entry: Entry = { releasedAt: undefined };
    this.entries.push(entry);
    return {
      waitedMs,
      release: () => {
        if (entry.releasedAt !== undefined) return;
        entry.releasedAt = this.clock.now();
        const wake = this.onRelease;
        this.onRelease = undefined;
        wake?.();
      },
    };
  }
}

/** One budget for GET and one for POST/PUT/DELETE, as ZPA counts them. */
export class SlidingLogLimiter {
  readonly reads: SlidingWindowLimiter;
  readonly writes: SlidingWindowLimiter;

  constructor(limits: RateLimits, marginMs = windowMarginMs(limits.windowMs), clock: Clock = systemClock) {
    this.reads = new SlidingWindowLimiter(limits.get, limits.windowMs + marginMs, clock);
    this.writes = new SlidingWindowLimiter(limits.write, limits.windowMs + marginMs, clock);
  }

  acquire(method: string, onWait?: WaitListener, signal?: AbortSignal): Promise<Slot> {
    return (method === 'GET' ? this.reads : this.writes).acquire(onWait, signal);
  }
}
