import { describe, expect, it } from 'vitest';
import { harness } from './sim-helpers.js';

const limits = { get: 5, write: 3, windowMs: 1000 };
const seed = { userPortals: [{ id: '145283994705985838', name: 'Portal A' }] };

describe('rate limits', () => {
  it('keeps under enforced limits: 20 calls, zero 429s', async () => {
    const { sim, client } = await harness({ rateLimits: limits, seed }, { rateLimits: limits });
    const reads = Array.from({ length: 12 }, () => client.listUserPortals());
    const writes = Array.from({ length: 8 }, (_, i) =>
      client.createUserPortalLink({ name: `Link ${i}`, link: `l${i}.example.com` }, ['145283994705985838']),
    );
    await Promise.all([...reads, ...writes]);
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

  it('honours an injected 429 with retry-after: 1s, for a GET and for a POST', async () => {
    const { sim, client, waits } = await harness({ seed });
    await client.listUserPortals();
    const tooMany = { id: 'invalid.toomanyrequests', reason: 'Exceeded the number of requests allowed.' };
    sim.injectFault({
      method: 'GET',
      path: /\/userPortal$/,
      status: 429,
      headers: { 'retry-after': '1s' },
      body: tooMany,
    });
    const started = Date.now();
    await client.listUserPortals();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    sim.injectFault({
      method: 'POST',
      path: /\/userPortalLink$/,
      status: 429,
      headers: { 'retry-after': '1s' },
      body: tooMany,
    });
    await client.createUserPortalLink({ name: 'After 429', link: 'x.example.com' }, ['145283994705985838']);
    expect(sim.count({ method: 'POST', path: /\/userPortalLink$/ })).toBe(2);
    expect(sim.snapshot().userPortalLinks.filter((l) => l.name === 'After 429')).toHaveLength(1);
    expect(client.stats.rateLimited).toBe(2);
    expect(client.stats.retries).toBe(2);
    expect(waits.filter((w) => w.reason === 'retry-after').length).toBe(2);
    expect(waits.every((w) => w.ms >= 1000)).toBe(true);
  });

  it('reports a limiter wait longer than a second through onWait', async () => {
    const slow = { get: 1, write: 1, windowMs: 1500 };
    const { client, waits } = await harness({ rateLimits: slow }, { rateLimits: slow });
    await Promise.all([client.listUserPortals(), client.listUserPortals()]);
    expect(waits).toContainEqual(expect.objectContaining({ reason: 'rate-limit' }));
    expect(client.stats.rateLimited).toBe(0);
  });
});
