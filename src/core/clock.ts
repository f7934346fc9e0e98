/**
 * Time as a parameter. The client's rate limiter and token cache and the simulator's rate windows,
 * tokens and held replies read the time and wait through a Clock, so tests can drive them with a
 * manual clock instead of sleeping (and never depend on how fast the machine is).
 */
export interface Clock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number;
  /**
   * Resolves once `ms` milliseconds have passed on this clock, or at once when `signal` aborts (so
   * an interrupted run is not held open by a timer nobody waits for any more).
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  sleep: (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    }),
});
