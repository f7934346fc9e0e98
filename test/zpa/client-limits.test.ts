import { describe, expect, it } from 'vitest';
import { windowMarginMs } from '../../src/zpa/index.js';
import { driveClock, ManualClock } from '../support/manual-clock.js';
import { createLink } from '../support/write-calls.js';
import { harness } from './sim-helpers.js';
import { PORTALS_READ } from '../support/read-calls.js';
import { anyNumber } from '../support/matchers.js';

const limits = { get: 5, write: 3, windowMs: 1000 };
const seed = { userPortals: [{ id: '145283994705985838', name: 'Portal A' }] };

describe('rate limits', () => {
  it('keeps under enforced limits: 20 calls, zero 429s', async () => {
    // Client and simulator share one clock, moved only while no call is on the wire: what the server
    // counts is then exactly what the client's limiter allowed, however slow the machine is.
    const clock = new ManualClock();
    const { sim, client } = await harness({ rateLimits: limits, seed, clock }, { rateLimits: limits, clock });
    const reads = Array.from({ length: 12 }, () => client.read(PORTALS_READ));
    const writes = Array.from({ length: 8 }, (_, i) =>
      createLink(client, { name: `Link ${i}`, link: `l${i}.example.com` }, ['145283994705985838']),
    );
    const arrived = (): number => sim.requests.filter((r) => r.path !== '/signin').length;
    await driveClock(
      clock,
      Promise.all([...reads, ...writes]),
      () => arrived() === client.stats.gets + client.stats.writes,
    );
    expect(sim.requests.filter((r) => r.status === 429)).toHaveLength(0);
    expect(client.stats.rateLimited).toBe(0);
    expect(client.stats.gets).toBe(12);
    expect(client.stats.writes).toBe(8);
    expect(client.stats.waitedMs).toBeGreaterThan(0);
    // The server saw no more than the budget in any window.
    const gets = sim.requests.filter((r) => r.method === 'GET').map((r) => r.at);
    for (const t of gets)
      expect(gets.filter((u) => u >= t && u < t + limits.windowMs).length).toBeLessThanOrEqual(limits.get);
  });

  // The retry-after is waited out on the client's clock, shared with the simulator and moved only
  // while no call is on the wire: the client's own 1 s waits, for a GET and for a POST.
  it('honours an injected 429 with retry-after: 1s, for a GET and for a POST', async () => {
    const clock = new ManualClock();
    const { sim, client, waits } = await harness({ seed, clock }, { clock });
    const quiet = () =>
      sim.requests.filter((r) => r.path !== '/signin').length === client.stats.gets + client.stats.writes;
    await client.read(PORTALS_READ);
    const tooMany = { id: 'invalid.toomanyrequests', reason: 'Exceeded the number of requests allowed.' };
    sim.injectFault({
      method: 'GET',
      path: /\/userPortal$/,
      status: 429,
      headers: { 'retry-after': '1s' },
      body: tooMany,
    });
    await driveClock(clock, client.read(PORTALS_READ), quiet);
    expect(waits).toEqual([{ ms: anyNumber(), reason: 'retry-after' }]);
    sim.injectFault({
      method: 'POST',
      path: /\/userPortalLink$/,
      status: 429,
      headers: { 'retry-after': '1s' },
      body: tooMany,
    });
    const started = clock.now();
    await driveClock(
      clock,
      createLink(client, { name: 'After 429', link: 'x.example.com' }, ['145283994705985838']),
      quiet,
    );
    expect(clock.now() - started).toBeGreaterThanOrEqual(1000);
    expect(sim.count({ method: 'POST', path: /\/userPortalLink$/ })).toBe(2);
    expect(sim.snapshot().userPortalLinks.filter((l) => l.name === 'After 429')).toHaveLength(1);
    expect(client.stats.rateLimited).toBe(2);
    expect(client.stats.retries).toBe(2);
    expect(waits.filter((w) => w.reason === 'retry-after').length).toBe(2);
    expect(waits.every((w) => w.ms >= 1000)).toBe(true);
  });

  it('reports a limiter wait longer than a second through onWait', async () => {
    const slow = { get: 1, write: 1, windowMs: 1500 };
    const clock = new ManualClock();
    const { sim, client, waits } = await harness({ rateLimits: slow, clock }, { rateLimits: slow, clock });
    const arrived = (): number => sim.requests.filter((r) => r.path !== '/signin').length;
    await driveClock(
      clock,
      Promise.all([client.read(PORTALS_READ), client.read(PORTALS_READ)]),
      () => arrived() === client.stats.gets,
    );
    // The window, counted from the first reply (the manual clock stood still), plus the small margin.
    expect(waits).toEqual([{ ms: 1500 + windowMarginMs(1500), reason: 'rate-limit' }]);
    expect(client.stats.rateLimited).toBe(0);
  });
});
