/** The published ZPA rate limits, shared by the client's limiter and the simulator's (one definition). */

export interface RateLimits {
  get: number;
  write: number;
  windowMs: number;
}

/** NOTES.md, "Rate limits and errors": 20 GET and 10 POST/PUT/DELETE per 10 seconds per IP. */
export const PUBLISHED_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({ get: 20, write: 10, windowMs: 10_000 });
