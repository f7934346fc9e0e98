export const PUBLISHED_RATE_LIMITS = Object.freeze({ get: 20, write: 10, windowMs: 10_000 });
export class RateLimiter {
    limits;
    windows = new Map();
    constructor(limits) {
        this.limits = limits;
    }
    configure(limits) {
        this.limits = limits;
        this.windows.clear();
    }
    get current() {
        return this.limits;
    }
    check(method, nowMs) {
        if (this.limits === false)
            return { allowed: true };
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
    reset() {
        this.windows.clear();
    }
}
/** The recorded 429: `retry-after: 13s` (seconds with an `s`) and this body. */
export function tooManyRequests(retryAfterSeconds) {
    return {
        status: 429,
        headers: { 'retry-after': `${retryAfterSeconds}s` },
        body: { id: 'invalid.toomanyrequests', reason: 'Exceeded the number of requests allowed.' },
    };
}
