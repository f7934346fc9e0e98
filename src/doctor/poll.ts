/**
 * Waiting for a read to show a write. NOTES.md, "Still unknown": nothing published promises
 * read-your-writes, so the write probe polls the read plan makes, on the clock doctor was given.
 */
import type { Clock } from '../core/clock.js';

/** How long the probe waits for its writes to show, and how often it looks. */
export const VISIBLE_WITHIN_MS = 10_000;
export const POLL_EVERY_MS = 500;

export interface Polled<T> {
  /** The last answer read. */
  last: T;
  /** Milliseconds from the first read to the read that showed it, or undefined when none did. */
  afterMs: number | undefined;
  reads: number;
}

/** Reads until `shows(answer)` holds, for up to VISIBLE_WITHIN_MS; an abort ends it early. */
export async function pollUntil<T>(
  clock: Clock,
  read: () => Promise<T>,
  shows: (answer: T) => boolean,
  signal?: AbortSignal,
): Promise<Polled<T>> {
  const start = clock.now();
  let reads = 0;
  for (;;) {
    const last = await read();
    reads += 1;
    const elapsed = clock.now() - start;
    if (shows(last)) return { last, afterMs: elapsed, reads };
    if (elapsed >= VISIBLE_WITHIN_MS || signal?.aborted) return { last, afterMs: undefined, reads };
    await clock.sleep(Math.min(POLL_EVERY_MS, VISIBLE_WITHIN_MS - elapsed), signal);
  }
}
