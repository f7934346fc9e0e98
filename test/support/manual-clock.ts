/**
 * A clock only the test moves. `sleep` registers a waiter; `advance` moves time forward and wakes, in
 * deadline order, every waiter that is due. Nothing here reads the machine's time, so a test driven by
 * it passes the same way on an idle laptop and on a loaded CI runner.
 */
import type { Clock } from '../../src/core/clock.js';

interface Waiter {
  at: number;
  wake: () => void;
}

/** A fixed, round instant (2026-01-01T00:00:00Z) so stamps and `exp` claims are exact. */
export const MANUAL_EPOCH = Date.UTC(2026, 0, 1);

export class ManualClock implements Clock {
  private current: number;
  private readonly waiters: Waiter[] = [];

  constructor(start = MANUAL_EPOCH) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const waiter: Waiter = { at: this.current + Math.max(0, ms), wake: resolve };
      this.waiters.push(waiter);
      this.waiters.sort((a, b) => a.at - b.at);
      signal?.addEventListener(
        'abort',
        () => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          resolve();
        },
        { once: true },
      );
    });
  }

  /** How many sleeps are waiting. */
  get pending(): number {
    return this.waiters.length;
  }

  /** When the next waiter is due, if any. */
  get nextWake(): number | undefined {
    return this.waiters[0]?.at;
  }

  /** Move time forward by `ms`, waking every waiter due by then; resolves once they have run. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.current + ms);
  }

  async advanceTo(at: number): Promise<void> {
    while (this.waiters.length > 0 && (this.waiters[0]?.at ?? Infinity) <= at) {
      const waiter = this.waiters.shift();
      if (!waiter) break;
      this.current = Math.max(this.current, waiter.at);
      waiter.wake();
      await flushMicrotasks();
    }
    this.current = Math.max(this.current, at);
    await flushMicrotasks();
  }
}

/** Let promise continuations queued so far run (a macrotask turn, so chained `then`s finish too). */
export function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Wait, without a deadline of our own, until `ready()` holds: checked after each turn of the event
 * loop, so it waits for an event (a request logged, a waiter registered) rather than a guessed time.
 * vitest's test timeout is the only limit.
 */
export async function waitUntil(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 2));
}

/**
 * Run `work` to the end, moving the clock to the next sleeper's deadline each time the work is
 * waiting on the clock and `quiet()` says nothing is still on its way.
 */
export async function driveClock<T>(clock: ManualClock, work: Promise<T>, quiet: () => boolean): Promise<T> {
  let settled = false;
  const watched = work.finally(() => {
    settled = true;
  });
  // The caller awaits the rejection once the loop ends; until then it is not unhandled.
  watched.catch(() => undefined);
  while (!settled) {
    await waitUntil(() => settled || (clock.pending > 0 && quiet()));
    const next = clock.nextWake;
    if (!settled && next !== undefined) await clock.advanceTo(next);
  }
  return watched;
}
