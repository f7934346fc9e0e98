import { describe, expect, it } from 'vitest';
import { PUBLISHED_RATE_LIMITS } from '../../src/sim/index.js';
import { ManualClock } from '../support/manual-clock.js';
import { apiFor, signIn, startSim } from './helpers.js';

describe('rate limits', () => {
  it('publishes the vendor limits', () => {
    expect(PUBLISHED_RATE_LIMITS).toEqual({ get: 20, write: 10, windowMs: 10_000 });
  });

  it('answers 429 with retry-after in seconds and the recorded body once a window is spent', async () => {
    const sim = await startSim({ rateLimits: PUBLISHED_RATE_LIMITS, clock: new ManualClock() });
    const api = await apiFor(sim);
    for (let i = 0; i < 20; i++) expect((await api.call('GET', '/userPortal')).status).toBe(200);
    const refused = await api.call('GET', '/userPortal');
    expect(refused.status).toBe(429);
    // Seconds until the 10-second window ends, rounded up, with an `s`.
    expect(refused.headers.get('retry-after')).toBe('10s');
    expect(refused.json).toEqual({ id: 'invalid.toomanyrequests', reason: 'Exceeded the number of requests allowed.' });
    expect(sim.counters().rateLimited).toBe(1);
    expect(sim.count({ status: 429 })).toBe(1);
  });

  it('counts writes apart from GETs, and never counts sign-ins', async () => {
    const sim = await startSim({ rateLimits: { get: 2, write: 1, windowMs: 5_000 } });
    const api = await apiFor(sim);
    for (let i = 0; i < 5; i++) await signIn(sim);
    expect((await api.call('GET', '/clientSetting')).status).toBe(200);
    expect((await api.call('DELETE', '/clientSetting?type=NONE')).status).toBe(400);
    expect((await api.call('DELETE', '/clientSetting?type=NONE')).status).toBe(429);
    expect((await api.call('GET', '/clientSetting')).status).toBe(200);
    expect((await api.call('GET', '/clientSetting')).status).toBe(429);
    expect(sim.counters().rateLimited).toBe(2);
  });

  it('opens a new window at the first request after the last one closed', async () => {
    const clock = new ManualClock();
    const sim = await startSim({ rateLimits: { get: 1, write: 1, windowMs: 10_000 }, clock });
    const api = await apiFor(sim);
    expect((await api.call('GET', '/userPortal')).status).toBe(200);
    await clock.advance(2_500);
    const refused = await api.call('GET', '/userPortal');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('8s');
    await clock.advance(7_499);
    expect((await api.call('GET', '/userPortal')).headers.get('retry-after')).toBe('1s');
    await clock.advance(1);
    expect((await api.call('GET', '/userPortal')).status).toBe(200);
    // The new window was opened by that request, not on a fixed 10-second grid.
    await clock.advance(5_000);
    expect((await api.call('GET', '/userPortal')).headers.get('retry-after')).toBe('5s');
    await clock.advance(5_000);
    expect((await api.call('GET', '/userPortal')).status).toBe(200);
  });

  it('is off by default, and can be turned on and off while running', async () => {
    const sim = await startSim();
    const api = await apiFor(sim);
    const replies = await Promise.all(Array.from({ length: 40 }, () => api.call('GET', '/userPortal')));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    sim.setRateLimits({ get: 1, write: 1, windowMs: 60_000 });
    expect((await api.call('GET', '/userPortal')).status).toBe(200);
    expect((await api.call('GET', '/userPortal')).status).toBe(429);
    sim.setRateLimits(false);
    expect((await api.call('GET', '/userPortal')).status).toBe(200);
    expect(() => sim.setRateLimits({ get: 0, write: 1, windowMs: 1000 })).toThrow(/positive/);
  });
});
