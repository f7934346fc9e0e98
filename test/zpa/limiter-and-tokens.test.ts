import { describe, expect, it } from 'vitest';
import { jwtExpiry, SlidingWindowLimiter, tokenLifetime } from '../../src/zpa/index.js';
import { flushMicrotasks, MANUAL_EPOCH, ManualClock } from '../support/manual-clock.js';

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.sig`;
}

describe('SlidingWindowLimiter', () => {
  it('lets N calls through at once, then holds the next until the oldest leaves the window', async () => {
    const clock = new ManualClock();
    const limiter = new SlidingWindowLimiter(3, 300, clock);
    const waits: number[] = [];
    const sends: number[] = [];
    const all = Promise.all(
      Array.from({ length: 7 }, () =>
        limiter.acquire((ms) => waits.push(ms)).then(() => sends.push(clock.now() - MANUAL_EPOCH)),
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

  it('rejects nonsense limits', () => {
    expect(() => new SlidingWindowLimiter(0, 1000)).toThrow(RangeError);
    expect(() => new SlidingWindowLimiter(1, 0)).toThrow(RangeError);
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
