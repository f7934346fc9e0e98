/**
 * Time as a parameter. The client's rate limiter and token cache and the simulator's rate windows,
 * tokens and held replies read the time and wait through a Clock, so tests can drive them with a
 * manual clock instead of sleeping (and never depend on how fast the machine is).
 */
export interface Clock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number;
  /** Resolves once `ms` milliseconds have passed on this clock. */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms))),
});
