/**
 * The published limits (NOTES.md): 20 GETs and 10 POST/PUT/DELETE per 10 seconds, "counted from the
 * first call". Read as a fixed window per budget that opens at the first request after the previous
 * window closed. Whether GETs and writes share one window is not published: each has its own here.
 * Refused requests do not count.
 */
import type { RateLimits } from './types.js';

export { PUBLISHED_RATE_LIMITS } from '../core/rate-limits.js';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Window {
  startMs: number;
  count: number;
}

export class FixedWindowLimiter {
  private readonly windows = new Map<'get' | 'write', Window>();

  constructor(private limits: RateLimits | false) {}

  configure(limits: RateLimits | false): void {
    this.limits = limits;
    this.windows.clear();
  }

  get current(): RateLimits | false {
    return this.limits;
  }

  check(method: string, nowMs: number): RateDecision {
    if (this.limits === false) return { allowed: true };
    const budget = method === 'GET' || method === 'HEAD' ? 'get' : 'write';
    const limit = budget === 'get' ? this.limits.get : this.limits.write;
    let window = this.windows.get(budget);
    if (!window || nowMs >= window.startMs + this.limits.windowMs) {
      window = { startMs: nowMs, count: 0 };
      this.windows.set(budget, window);
    }
    if (window.count >= limit) {
      const remainingMs = window.startMs + this.limits.windowMs - nowMs;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) };
    }
    window.count += 1;
    return { allowed: true };
  }

  reset(): void {
    this.windows.clear();
  }
}

/** The recorded 429: `retry-after: 13s` (seconds with an `s`) and this body. */
export function tooManyRequests(retryAfterSeconds: number): {
  status: number;
  headers: Record<string, string>;
  body: unknown;
} {
  return {
    status: 429,
    headers: { 'retry-after': `${retryAfterSeconds}s` },
    body: { id: 'invalid.toomanyrequests', reason: 'Exceeded the number of requests allowed.' },
  };
}
