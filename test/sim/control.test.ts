/** The control surface, in process and over HTTP under /__sim, and the request log. */
import { describe, expect, it } from 'vitest';
import { demoSeed, type SimCounters, type SimSnapshot } from '../../src/sim/index.js';
import { MANUAL_EPOCH, ManualClock } from '../support/manual-clock.js';
import { apiFor, request, startSim, type Obj } from './helpers.js';
import { anyNumber } from '../support/matchers.js';

describe('request log and counters', () => {
  it('logs every API and sign-in request with method, path, query, status, time and body', async () => {
    const clock = new ManualClock();
    const sim = await startSim({ seed: { userPortals: [{ name: 'Eng' }] }, clock });
    const api = await apiFor(sim);
    const portal = sim.snapshot().userPortals[0]?.id ?? '';
    await clock.advance(1_000);
    await api.call('GET', '/userPortalLink?page=1&pagesize=500&microtenantId=0');
    await api.call('POST', '/userPortalLink', { name: 'A', link: 'a.example.com', userPortals: [{ id: portal }] });
    await request(`${sim.url}/__sim/state`);
    const [signIn, get, post] = sim.requests;
    expect(sim.requests).toHaveLength(3);
    expect(signIn).toMatchObject({ method: 'POST', path: '/signin', status: 200 });
    expect(get).toEqual({
      method: 'GET',
      path: `${api.base.replace(sim.url, '')}/userPortalLink`,
      query: { page: '1', pagesize: '500', microtenantId: '0' },
      status: 200,
      at: anyNumber(),
    });
    expect(get?.at).toBe(MANUAL_EPOCH + 1_000);
    expect(post).toMatchObject({ method: 'POST', status: 201, body: { name: 'A', userPortals: [{ id: portal }] } });
    expect(sim.count()).toBe(3);
    expect(sim.count({ method: 'post' })).toBe(2);
    expect(sim.count({ path: /\/userPortalLink$/ })).toBe(2);
    expect(sim.count({ path: 'signin', status: 200 })).toBe(1);
    const counters: SimCounters = sim.counters();
    expect(counters).toMatchObject({
      requests: 3,
      byMethod: { GET: 1, POST: 2 },
      byStatus: { '200': 2, '201': 1 },
      tokensIssued: 1,
    });
    sim.clearRequests();
    expect(sim.requests).toEqual([]);
    expect(sim.counters().requests).toBe(3);
    sim.clearCounters();
    expect(sim.counters().requests).toBe(0);
  });

  it('calls onRequest for each logged request', async () => {
    const seen: string[] = [];
    const sim = await startSim({ onRequest: (entry) => seen.push(`${entry.method} ${entry.path} ${entry.status}`) });
    await apiFor(sim);
    await request(`${sim.url}/__sim/counters`);
    expect(seen).toEqual(['POST /signin 200']);
  });
});

describe('control over HTTP', () => {
  it('reads and replaces state, seeds, reads and clears the log, counts, revokes tokens and resets', async () => {
    const sim = await startSim({ seed: demoSeed() });
    const api = await apiFor(sim);
    const state = (await request(`${sim.url}/__sim/state`)).json as SimSnapshot;
    expect(state.userPortals.map((p) => p.name)).toEqual(['Engineering', 'Ops', 'Sales']);

    const seeded = await request(`${sim.url}/__sim/seed`, {
      method: 'POST',
      body: JSON.stringify({ userPortals: [{ name: 'Only' }] }),
    });
    expect(seeded.json).toEqual({ ok: true });
    expect(sim.snapshot().userPortals.map((p) => p.name)).toEqual(['Only']);
    expect(
      (await request(`${sim.url}/__sim/seed`, { method: 'POST', body: '{"userPortalLinks": [{"name": "x"}]}' })).status,
    ).toBe(400);

    const replaced = await request(`${sim.url}/__sim/state`, { method: 'PUT', body: JSON.stringify(state) });
    expect(replaced.status).toBe(200);
    expect(sim.snapshot()).toEqual(state);

    const log = (await request(`${sim.url}/__sim/requests`)).json as Obj[];
    expect(log.map((r) => r['path'])).toEqual(['/signin']);
    await request(`${sim.url}/__sim/requests`, { method: 'DELETE' });
    expect(sim.requests).toEqual([]);
    expect((await request(`${sim.url}/__sim/counters`)).json).toMatchObject({ requests: 1, tokensIssued: 1 });

    await request(`${sim.url}/__sim/revoke-tokens`, { method: 'POST' });
    expect((await api.call('GET', '/userPortal')).status).toBe(401);

    sim.injectFault({ status: 500 });
    await request(`${sim.url}/__sim/reset`, { method: 'POST' });
    expect(sim.requests).toEqual([]);
    expect(sim.pendingFaults()).toEqual([]);
    expect(sim.snapshot().userPortalLinks.map((l) => l.name)).toEqual(demoSeed().userPortalLinks?.map((l) => l.name));

    const env = (await request(`${sim.url}/__sim/env`)).json as Obj;
    expect(env).toEqual({ legacy: sim.env(), oneApi: sim.oneApiEnv() });
    expect((await request(`${sim.url}/__sim/nothing`)).status).toBe(404);
  });

  it('changes rate limits at run time', async () => {
    const sim = await startSim();
    const api = await apiFor(sim);
    await request(`${sim.url}/__sim/rate-limits`, {
      method: 'PUT',
      body: JSON.stringify({ get: 1, write: 1, windowMs: 60_000 }),
    });
    expect((await api.call('GET', '/userPortal')).status).toBe(200);
    expect((await api.call('GET', '/userPortal')).status).toBe(429);
    await request(`${sim.url}/__sim/rate-limits`, { method: 'PUT', body: 'false' });
    expect((await api.call('GET', '/userPortal')).status).toBe(200);
  });
});

describe('in-process handle', () => {
  it('env() and oneApiEnv() point zpa-gitops at the simulator', async () => {
    const sim = await startSim({ customerId: '145283994705985536', clientId: 'id-1', clientSecret: 'secret-1' });
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.env()).toEqual({
      ZPA_CLIENT_ID: 'id-1',
      ZPA_CLIENT_SECRET: 'secret-1',
      ZPA_CUSTOMER_ID: '145283994705985536',
      ZPA_CLOUD: sim.url,
    });
    expect(sim.oneApiEnv()).toEqual({
      ZSCALER_CLIENT_ID: 'id-1',
      ZSCALER_CLIENT_SECRET: 'secret-1',
      ZSCALER_VANITY_DOMAIN: 'sim',
      ZSCALER_CLOUD: sim.url,
      ZPA_CUSTOMER_ID: '145283994705985536',
    });
  });

  it('seed() takes a snapshot too, so a test can edit the live tenant', async () => {
    const sim = await startSim({ seed: demoSeed() });
    const snapshot = sim.snapshot();
    const edited = {
      ...snapshot,
      userPortalLinks: snapshot.userPortalLinks.map((l) => (l.name === 'CRM' ? { ...l, description: 'edited' } : l)),
    };
    sim.seed(edited);
    expect(sim.snapshot()).toEqual(edited);
  });

  it('a closed simulator refuses connections', async () => {
    const sim = await startSim();
    await apiFor(sim);
    await sim.close();
    await expect(fetch(`${sim.url}/signin`, { method: 'POST' })).rejects.toThrow();
  });
});
