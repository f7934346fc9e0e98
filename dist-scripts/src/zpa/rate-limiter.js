/**
 * Client-side rate limiting, so a normal run never provokes a 429.
 *
 * ZPA publishes 20 GET and 10 POST/PUT/DELETE per 10 seconds per IP, "counted from the first call"
 * (NOTES.md). A sliding-window log (at most N sends in any window) is safe whether the server counts
 * fixed windows from the first call or refills a token bucket; the margin absorbs network jitter
 * between our clock and the server's.
 */
/** NOTES.md, "Rate limits and errors". */
export const PUBLISHED_RATE_LIMITS = Object.freeze({ get: 20, write: 10, windowMs: 10_000 });
/** Added to the window so calls that left us inside one window cannot land inside the next. */
export const WINDOW_SAFETY_MARGIN_MS = 250;
import { systemClock } from '../core/clock.js';
export class SlidingWindowLimiter {
    limit;
    windowMs;
    clock;
    /** Send times of the calls inside the current window, oldest first. */
    sent = [];
    /** Callers take turns in arrival order, so a burst of concurrent calls cannot overtake a waiter. */
    queue = Promise.resolve();
    constructor(limit, windowMs, clock = systemClock) {
        this.limit = limit;
        this.windowMs = windowMs;
        this.clock = clock;
        if (!Number.isInteger(limit) || limit < 1)
            throw new RangeError(`rate limit must be a positive integer, got ${limit}`);
        if (!(windowMs > 0))
            throw new RangeError(`rate window must be positive, got ${windowMs}`);
    }
    /** Resolves when a call may be sent, with the milliseconds it waited. */
    acquire(onWait) {
        const turn = this.queue.then(() => this.take(onWait));
        this.queue = turn.catch(() => undefined);
        return turn;
    }
    async take(onWait) {
        let waited = 0;
        for (;;) {
            const now = this.clock.now();
            while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.windowMs)
                this.sent.shift();
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
export class RateLimiter {
    reads;
    writes;
    constructor(limits, marginMs = WINDOW_SAFETY_MARGIN_MS, clock = systemClock) {
        this.reads = new SlidingWindowLimiter(limits.get, limits.windowMs + marginMs, clock);
        this.writes = new SlidingWindowLimiter(limits.write, limits.windowMs + marginMs, clock);
    }
    acquire(method, onWait) {
        return (method === 'GET' ? this.reads : this.writes).acquire(onWait);
    }
}
