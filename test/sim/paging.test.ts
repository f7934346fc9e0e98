import { describe, expect, it } from 'vitest';
import { generatedSeed } from '../../src/sim/index.js';
import { apiFor, listOf, startSim } from './helpers.js';

const TWO_TO_53 = 2n ** 53n;

describe('paging', () => {
  it('serves 1,234 links in 3 pages of 500, counts as strings, ids above 2^53 exact', async () => {
    const sim = await startSim({ seed: generatedSeed({ links: 1234, portals: 3 }) });
    const api = await apiFor(sim);
    const pages = [];
    for (let page = 1; page <= 3; page++)
      pages.push(await api.call('GET', `/userPortalLink?page=${page}&pagesize=500`));
    for (const page of pages) expect(page.json).toMatchObject({ totalPages: '3', totalCount: '1234' });
    expect(pages.map((p) => listOf(p).length)).toEqual([500, 500, 234]);
    const ids = pages.flatMap((p) => listOf(p).map((link) => link['id']));
    expect(ids.every((id) => typeof id === 'string' && /^\d{18}$/.test(id) && BigInt(id) > TWO_TO_53)).toBe(true);
    // The wire carries ids as quoted strings, digit for digit what the state holds.
    expect(ids).toEqual(sim.snapshot().userPortalLinks.map((l) => l.id));
    expect(pages[0]?.text).toContain(`"id":"${String(ids[0])}"`);
    expect(new Set(ids).size).toBe(1234);
  });

  it('defaults to pages of 20', async () => {
    const sim = await startSim({ seed: generatedSeed({ links: 45, portals: 1 }) });
    const api = await apiFor(sim);
    const reply = await api.call('GET', '/userPortalLink');
    expect(reply.json).toMatchObject({ totalPages: '3', totalCount: '45' });
    expect(listOf(reply)).toHaveLength(20);
  });

  it('refuses pagesize 501 and a page below 1', async () => {
    const sim = await startSim();
    const api = await apiFor(sim);
    const tooBig = await api.call('GET', '/userPortalLink?page=1&pagesize=501');
    expect(tooBig.status).toBe(400);
    expect(tooBig.json).toMatchObject({ id: 'invalid.input', params: ['pagesize'] });
    expect((await api.call('GET', '/userPortalLink?page=0')).status).toBe(400);
  });

  it('omits list for an empty collection and for a page past the end', async () => {
    const sim = await startSim({ seed: generatedSeed({ links: 3, portals: 1 }) });
    const api = await apiFor(sim);
    const past = await api.call('GET', '/userPortalLink?page=2&pagesize=500');
    expect(past.status).toBe(200);
    expect(past.json).toEqual({ totalPages: '1', totalCount: '3' });
    sim.seed({});
    const none = await api.call('GET', '/userPortalLink?page=1&pagesize=500');
    expect(none.json).toEqual({ totalPages: '0', totalCount: '0' });
  });

  it('pages the links of one portal', async () => {
    const sim = await startSim({ seed: generatedSeed({ links: 30, portals: 3 }) });
    const api = await apiFor(sim);
    const portal = sim.snapshot().userPortals[1];
    const reply = await api.call('GET', `/userPortalLink/userPortal/${String(portal?.id)}?page=1&pagesize=500`);
    expect(reply.json).toMatchObject({ totalPages: '1', totalCount: '10' });
    expect(listOf(reply).map((l) => l['name'])).toEqual(Array.from({ length: 10 }, (_, i) => `link-${i * 3 + 1}`));
    expect((await api.call('GET', '/userPortalLink/userPortal/145283994705999999')).json).toMatchObject({
      id: 'resource.not.found',
    });
  });

  it('reads 10,000 links in 20 pages of 500', async () => {
    const sim = await startSim({ seed: generatedSeed({ links: 10_000, portals: 20 }) });
    const api = await apiFor(sim);
    let count = 0;
    for (let page = 1; page <= 20; page++)
      count += listOf(await api.call('GET', `/userPortalLink?page=${page}&pagesize=500`)).length;
    expect(count).toBe(10_000);
    expect(sim.count({ method: 'GET', path: /userPortalLink$/ })).toBe(20);
  });
});
