import { describe, expect, it } from 'vitest';
import {
  jwtExpiry,
  parseRateLimits,
  SlidingWindowLimiter,
  tokenLifetime,
  windowMarginMs,
} from '../../src/zpa/index.js';
import { ConfigError } from '../../src/core/errors.js';
import { flushMicrotasks, MANUAL_EPOCH, ManualClock } from '../support/manual-clock.js';

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.sig`;
}

describe('SlidingWindowLimiter', () => {
  it('stops waiting when its signal aborts: the wait rejects, takes no slot and leaves no timer', async () => {
    const clock = new ManualClock();
    const limiter = new SlidingWindowLimiter(1, 10_000, clock);
    (await limiter.acquire()).release();
    const stop = new AbortController();
    const waiting = limiter.acquire(undefined, stop.signal);
    const settled = waiting.then(
      () => 'took a slot',
      () => 'rejected',
    );
    await flushMicrotasks();
    expect(clock.pending).toBe(1);
    stop.abort();
    expect(await settled).toBe('rejected');
    expect(clock.pending).toBe(0);
    // The window is as it was: the next call still waits for the first one's window to end.
    const next = limiter.acquire();
    await flushMicrotasks();
    expect(clock.nextWake).toBe(MANUAL_EPOCH + 10_000);
    await clock.advance(10_000);
    (await next).release();
  });

  it('lets N calls through at once, then holds the next until the oldest leaves the window', async () => {
    const clock = new ManualClock();
    const limiter = new SlidingWindowLimiter(3, 300, clock);
    const waits: number[] = [];
    const sends: number[] = [];
    const all = Promise.all(
      Array.from({ length: 7 }, () =>
        limiter
          .acquire((ms) => waits.push(ms))
          .then((slot) => {
            sends.push(clock.now() - MANUAL_EPOCH);
            slot.release(); // a reply at once: the window counts from the send
          }),
      ),
    );
    await flushMicrotasks();
    expect(sends).toEqual([0, 0, 0]);
    await clock.advance(299);
    expect(sends).toHaveLength(3);
    await clock.advance(1);
    expect(sends).toEqual([0, 0, 0, 300, 300, 300]);
    await clock.advance(300);
    await all;
    expect(sends).toEqual([0, 0, 0, 300, 300, 300, 600]);
    // Any 300 ms window holds at most 3 sends.
    for (const t of sends) expect(sends.filter((u) => u >= t && u < t + 300).length).toBeLessThanOrEqual(3);
    expect(waits).toEqual([300, 300]);
  });

  it('holds a slot while its call is in flight and counts the window from the reply', async () => {
    const clock = new ManualClock();
    const limiter = new SlidingWindowLimiter(2, 300, clock);
    const first = await limiter.acquire();
    const second = await limiter.acquire();
    let third: number | undefined;
    const next = limiter.acquire().then((slot) => {
      third = clock.now() - MANUAL_EPOCH;
      slot.release();
    });
    // Long after a window, both calls still in flight: nothing may be sent.
    await clock.advance(1000);
    expect(third).toBeUndefined();
    first.release(); // its reply at 1000 ms: the server counted it at most then
    first.release(); // a second release changes nothing
    await flushMicrotasks();
    expect(third).toBeUndefined();
    await clock.advance(299);
    expect(third).toBeUndefined();
    await clock.advance(1);
    await next;
    expect(third).toBe(1300);
    second.release();
  });

  it('rejects nonsense limits', () => {
    expect(() => new SlidingWindowLimiter(0, 1000)).toThrow(RangeError);
    expect(() => new SlidingWindowLimiter(1, 0)).toThrow(RangeError);
  });
});

describe('ZPA_GITOPS_RATE_LIMITS', () => {
  it.each([
    ['get=20/10s,write=10/10s', { get: 20, write: 10, windowMs: 10_000 }],
    ['get=20/1s, write=10/1s', { get: 20, write: 10, windowMs: 1_000 }],
    ['write=5/500ms,get=7/500ms', { get: 7, write: 5, windowMs: 500 }],
    ['get=40/0.5m', { get: 40, write: 10, windowMs: 30_000 }],
  ])('reads %s', (text, limits) => {
    expect(parseRateLimits(text)).toEqual(limits);
  });

  it.each([
    ['get=20', 'is not name=count/window'],
    ['get=20/10s,get=30/10s', 'given twice'],
    ['get=20/10s,write=10/1s', 'share one window'],
    ['get=0/10s', 'at least 1 call'],
    ['read=20/10s', 'is not name=count/window'],
  ])('refuses %s in one line naming the variable', (text, problem) => {
    expect(() => parseRateLimits(text)).toThrow(ConfigError);
    expect(() => parseRateLimits(text)).toThrow(new RegExp(`^ZPA_GITOPS_RATE_LIMITS: .*${problem}`));
  });

  it('scales the clock margin with the window', () => {
    expect(windowMarginMs(10_000)).toBe(50);
    expect(windowMarginMs(1_000)).toBe(5);
    expect(windowMarginMs(1)).toBe(1);
  });
});

describe('token lifetime', () => {
  const now = 1_700_000_000_000;

  it('reads a JWT exp', () => {
    expect(jwtExpiry(jwt({ exp: 1_700_000_600 }))).toBe(1_700_000_600_000);
    expect(jwtExpiry('not-a-jwt')).toBeUndefined();
    expect(jwtExpiry('a.!!!.c')).toBeUndefined();
  });

  it.each([
    ['exp only', jwt({ exp: now / 1000 + 3600 }), undefined, now + 3600_000 - 60_000],
    ['expires_in as a string', 'opaque', '3600', now + 3600_000 - 60_000],
    ['expires_in as a number', 'opaque', 3600, now + 3600_000 - 60_000],
    ['the earlier of both', jwt({ exp: now / 1000 + 600 }), '3600', now + 600_000 - 60_000],
    ['an exp in the past (clock skew) is ignored', jwt({ exp: now / 1000 - 10 }), 3600, now + 3600_000 - 60_000],
    ['a short token is refreshed halfway', 'opaque', '2', now + 1000],
    ['neither: ten minutes', 'opaque', 'soon', now + 600_000 - 60_000],
  ])('%s', (_name, token, expiresIn, refreshAt) => {
    expect(tokenLifetime(token, expiresIn, now).refreshAt).toBe(refreshAt);
  });
});
