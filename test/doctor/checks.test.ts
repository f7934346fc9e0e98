/** The pure parts of doctor: skew from `Date` headers, rate-limit headers, token lifetime sources. */
import { describe, expect, it } from 'vitest';
import { RepliesSeen } from '../../src/doctor/replies-seen.js';
import { clockCheck, rateLimitCheck } from '../../src/doctor/tenant-checks.js';
import { tokenLifetime } from '../../src/zpa/index.js';
import { ManualClock } from '../support/manual-clock.js';
import { stringContaining } from '../support/matchers.js';

const SERVER_TIME = Date.parse('2026-03-01T12:00:00Z');

/** Replies with the server's `Date`, each arriving when the manual clock reads the next of `localTimes`. */
async function seenAt(localTimes: number[], headers: Record<string, string> = {}): Promise<RepliesSeen> {
  const clock = new ManualClock(localTimes[0]);
  const seen = new RepliesSeen(clock);
  for (const at of localTimes) {
    await clock.advanceTo(at);
    seen.observe({
      method: 'GET',
      displayPath: '/userPortal',
      status: 200,
      headers: { date: new Date(SERVER_TIME).toUTCString(), ...headers },
    });
  }
  return seen;
}

describe('clockCheck', () => {
  it.each([
    { name: 'in step', local: [SERVER_TIME, SERVER_TIME + 400, SERVER_TIME + 900], ok: true, skew: 0 },
    {
      name: 'one slow reply among good ones',
      local: [SERVER_TIME, SERVER_TIME + 200, SERVER_TIME + 90_000],
      ok: true,
      skew: 0,
    },
    { name: '2 minutes ahead', local: [SERVER_TIME + 120_000, SERVER_TIME + 120_500], ok: false, skew: -120 },
    { name: '5 minutes behind', local: [SERVER_TIME - 300_000], ok: false, skew: 300 },
    { name: 'exactly the tolerance', local: [SERVER_TIME + 60_000], ok: true, skew: -60 },
  ])('$name', async ({ local, ok, skew }) => {
    const check = clockCheck(await seenAt(local));
    expect(check.ok).toBe(ok);
    expect(check.facts?.['skewSeconds']).toBe(skew);
  });

  it('passes, saying so, when no reply carried a Date header', () => {
    const seen = new RepliesSeen(new ManualClock(SERVER_TIME));
    seen.observe({ method: 'GET', displayPath: '/x', status: 200, headers: {} });
    expect(clockCheck(seen)).toMatchObject({ ok: true, summary: stringContaining('not measured') });
  });
});

describe('rateLimitCheck', () => {
  it('keeps the last value of each rate-limit header, and counts 429s met', async () => {
    const seen = await seenAt([SERVER_TIME, SERVER_TIME], { 'RateLimit-Remaining': '7', 'x-other': 'no' });
    const check = rateLimitCheck(seen, 2, 'legacy');
    expect(check.summary).toBe(
      'rate-limit headers: ratelimit-remaining: 7; 2 replies were 429 (waited for, as plan would)',
    );
    expect(check.facts?.['headers']).toEqual({ 'ratelimit-remaining': '7' });
  });

  it("labels OneAPI's x-ratelimit-* headers as the gateway's limit, not ZPA's", async () => {
    const headers = { 'x-ratelimit-limit': '5000, 5000;w=60', 'x-ratelimit-remaining': '4990' };
    const seen = await seenAt([SERVER_TIME], headers);
    expect(rateLimitCheck(seen, 0, 'oneapi').summary).toBe(
      "rate-limit headers: x-ratelimit-limit: 5000, 5000;w=60, x-ratelimit-remaining: 4990 (the OneAPI gateway's limit, 5,000 per minute recorded; ZPA's own 20 GETs and 10 writes per 10 s apply beneath it)",
    );
    // The legacy API is not behind that gateway: the same names are shown unlabelled.
    expect(rateLimitCheck(seen, 0, 'legacy').summary).not.toContain('gateway');
  });
});

describe('tokenLifetime source (shown by doctor)', () => {
  const jwtExpiringAt = (seconds: number): string =>
    `x.${Buffer.from(JSON.stringify({ exp: seconds })).toString('base64url')}.y`;
  const issuedAt = 1_000_000_000_000;
  it.each([
    { name: 'expires_in alone', token: 'opaque', expiresIn: '3600', source: 'expires_in', lifetime: 3_600_000 },
    {
      name: 'a sooner JWT exp',
      token: jwtExpiringAt(issuedAt / 1000 + 600),
      expiresIn: 3600,
      source: 'jwt-exp',
      lifetime: 600_000,
    },
    { name: 'neither', token: 'opaque', expiresIn: undefined, source: 'fallback', lifetime: 600_000 },
  ])('$name', ({ token, expiresIn, source, lifetime }) => {
    const got = tokenLifetime(token, expiresIn, issuedAt);
    expect(got.source).toBe(source);
    expect(got.expiresAt - issuedAt).toBe(lifetime);
  });
});
