/**
 * Bulk create over HTTP against the simulator, whichever version serves it: v2 first (both vendor
 * SDKs), v1 once on a 404/405 (the vendor page), the working version kept for the run.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/errors.js';
import type { Simulator } from '../../src/sim/index.js';
import { bulkCreateLinks } from '../support/write-calls.js';
import { clientFor, CUSTOMER_ID, harness, rejectionOf } from './sim-helpers.js';

const PORTAL = '145283994705985838';
const BRANCH_PORTAL = '145283994705986838';
const seed = {
  microtenants: [{ id: '145283994705986001', name: 'Branch' }],
  userPortals: [
    { id: PORTAL, name: 'Portal A' },
    { id: BRANCH_PORTAL, name: 'Portal B', microtenant: 'Branch' },
  ],
};
const v1 = `/mgmtconfig/v1/admin/customers/${CUSTOMER_ID}/userPortalLink/bulk`;
const v2 = `/mgmtconfig/v2/admin/customers/${CUSTOMER_ID}/userPortalLink/bulk`;

/** Two new links per call, named after the call so duplicates would show. */
function links(call: string) {
  return [
    { name: `${call}-a`, link: `${call}-a.example.com` },
    { name: `${call}-b`, link: `${call}-b.example.com` },
  ];
}

/** `v1 201`, `v2 404`, ... for every bulk POST, in the order the simulator answered them. */
function bulkCalls(sim: Simulator): string[] {
  return sim.requests
    .filter((r) => r.path === v1 || r.path === v2)
    .map((r) => `${r.path === v1 ? 'v1' : 'v2'} ${r.status}`);
}

function linkNames(sim: Simulator): string[] {
  return sim
    .snapshot()
    .userPortalLinks.map((l) => l.name)
    .sort();
}

describe('bulk create: v2 first, v1 once on a missing route', () => {
  it('bulk on both: v2 only, never a fallback', async () => {
    const { sim, client } = await harness({ seed, readings: { bulkCreate: 'both' } });
    await bulkCreateLinks(client, links('one'), [PORTAL]);
    await bulkCreateLinks(client, links('two'), [PORTAL]);
    expect(bulkCalls(sim)).toEqual(['v2 201', 'v2 201']);
    expect(linkNames(sim)).toEqual(['one-a', 'one-b', 'two-a', 'two-b']);
  });

  it('bulk on v2 only: v2 only', async () => {
    const { sim, client } = await harness({ seed, readings: { bulkCreate: 'v2' } });
    const created = await bulkCreateLinks(client, links('one'), [PORTAL]);
    expect(created.map((l) => l.name)).toEqual(['one-a', 'one-b']);
    await bulkCreateLinks(client, links('two'), [PORTAL]);
    expect(bulkCalls(sim)).toEqual(['v2 201', 'v2 201']);
    expect(linkNames(sim)).toEqual(['one-a', 'one-b', 'two-a', 'two-b']);
  });

  it('bulk on v1 only: one 404 on v2, then v1 for the rest of the run', async () => {
    const { sim, client } = await harness({ seed, readings: { bulkCreate: 'v1' } });
    const created = await bulkCreateLinks(client, links('one'), [PORTAL]);
    expect(created.map((l) => l.name)).toEqual(['one-a', 'one-b']);
    await bulkCreateLinks(client, links('two'), [PORTAL]);
    await bulkCreateLinks(client, links('three'), [PORTAL]);
    expect(bulkCalls(sim)).toEqual(['v2 404', 'v1 201', 'v1 201', 'v1 201']);
    expect(linkNames(sim)).toEqual(['one-a', 'one-b', 'three-a', 'three-b', 'two-a', 'two-b']);
    expect(client.stats.retries).toBe(0);
  });

  it('bulk on v1 only, calls in flight together: at most one 404 each, none once v1 has worked', async () => {
    const { sim, client } = await harness({ seed, readings: { bulkCreate: 'v1' } });
    const calls = ['one', 'two', 'three'];
    await Promise.all(calls.map((call) => bulkCreateLinks(client, links(call), [PORTAL])));
    const first = bulkCalls(sim);
    const missed = first.filter((c) => c === 'v2 404').length;
    expect(missed).toBeGreaterThanOrEqual(1);
    expect(missed).toBeLessThanOrEqual(calls.length);
    expect(first.filter((c) => c === 'v1 201')).toHaveLength(calls.length);
    expect(first).toHaveLength(calls.length + missed);
    sim.clearRequests();
    await Promise.all(['four', 'five'].map((call) => bulkCreateLinks(client, links(call), [PORTAL])));
    expect(bulkCalls(sim)).toEqual(['v1 201', 'v1 201']);
    // Every link exactly once.
    const names = linkNames(sim);
    expect(names).toHaveLength(10);
    expect(new Set(names).size).toBe(10);
  });

  it('a client for another microtenant keeps the version already learnt', async () => {
    const { sim, client } = await harness({ seed, readings: { bulkCreate: 'v1' } });
    await bulkCreateLinks(client, links('one'), [PORTAL]);
    await bulkCreateLinks(client.withMicrotenant('145283994705986001'), links('branch'), [BRANCH_PORTAL]);
    expect(bulkCalls(sim)).toEqual(['v2 404', 'v1 201', 'v1 201']);
    expect(sim.requests.at(-1)?.query).toEqual({ microtenantId: '145283994705986001' });
  });

  it('a new run starts from v2 again (nothing persists beyond the client)', async () => {
    const { sim, client } = await harness({ seed, readings: { bulkCreate: 'v1' } });
    await bulkCreateLinks(client, links('one'), [PORTAL]);
    const { client: next } = clientFor(sim);
    await bulkCreateLinks(next, links('two'), [PORTAL]);
    expect(bulkCalls(sim)).toEqual(['v2 404', 'v1 201', 'v2 404', 'v1 201']);
  });

  it('a 405 on v2 falls back the same way', async () => {
    const { sim, client } = await harness({ seed, readings: { bulkCreate: 'both' } });
    sim.injectFault({ method: 'POST', path: /\/v2\/.*\/bulk$/, status: 405 });
    await bulkCreateLinks(client, links('one'), [PORTAL]);
    expect(bulkCalls(sim)).toEqual(['v2 405', 'v1 201']);
    expect(linkNames(sim)).toEqual(['one-a', 'one-b']);
  });

  it('the simulator answers a bulk POST on v1 with 405 when bulk is only on v2', async () => {
    const { sim, client } = await harness({ seed, readings: { bulkCreate: 'v2' } });
    sim.injectFault({ method: 'POST', path: /\/v2\/.*\/bulk$/, status: 404 });
    // v2 said 404 once (injected), v1 is not served: the v2 error is the one reported, not ambiguous.
    const error = await rejectionOf(bulkCreateLinks(client, links('one'), [PORTAL]));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, ambiguous: false, path: '/userPortalLink/bulk' });
    expect(bulkCalls(sim)).toEqual(['v2 404', 'v1 405']);
    expect(linkNames(sim)).toEqual([]);
    // Nothing was learnt from two failures: the next call tries v2 again, and it works.
    await bulkCreateLinks(client, links('two'), [PORTAL]);
    expect(bulkCalls(sim)).toEqual(['v2 404', 'v1 405', 'v2 201']);
  });

  it('never falls back after an ambiguous failure: a 5xx on v2 is one call and an ambiguous error', async () => {
    const { sim, client } = await harness({ seed, readings: { bulkCreate: 'both' } }, { retry: { limit: 3 } });
    sim.injectFault({ method: 'POST', path: /\/bulk$/, status: 503 });
    const error = await rejectionOf(bulkCreateLinks(client, links('one'), [PORTAL]));
    expect(error).toMatchObject({ status: 503, ambiguous: true });
    expect(bulkCalls(sim)).toEqual(['v2 503']);
  });

  it('a 404 once v2 has worked is an answer, not a missing route: no fallback', async () => {
    const { sim, client } = await harness({ seed, readings: { bulkCreate: 'both' } });
    await bulkCreateLinks(client, links('one'), [PORTAL]);
    sim.injectFault({ method: 'POST', path: /\/bulk$/, status: 404 });
    const error = await rejectionOf(bulkCreateLinks(client, links('two'), [PORTAL]));
    expect(error).toMatchObject({ status: 404, ambiguous: false });
    expect(bulkCalls(sim)).toEqual(['v2 201', 'v2 404']);
  });
});
