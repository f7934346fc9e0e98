/**
 * The OneAPI gateway's own rate-limit counters, as recorded on OneAPI replies (NOTES.md, "Rate
 * limits and errors"): `x-ratelimit-limit: 5000, 5000;w=60`, `x-ratelimit-remaining`,
 * `x-ratelimit-reset` (seconds to the window's end). Counted per minute on the simulator's clock;
 * they only inform (ZPA's own limits are the simulator's rate limiter).
 */
import type { Clock } from '../core/clock.js';

const LIMIT = 5000;
const WINDOW_MS = 60_000;

export class GatewayCounters {
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(private readonly clock: Clock) {}

  /** The headers of one more reply. */
  next(): Record<string, string> {
    const now = this.clock.now();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.used = 0;
    }
    this.used += 1;
    return {
      'x-ratelimit-limit': `${LIMIT}, ${LIMIT};w=${WINDOW_MS / 1000}`,
      'x-ratelimit-remaining': String(Math.max(0, LIMIT - this.used)),
      'x-ratelimit-reset': String(Math.ceil((this.windowStart + WINDOW_MS - now) / 1000)),
    };
  }
}
