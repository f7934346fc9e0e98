import { describe, expect, it } from 'vitest';
import { generatedSeed, SimInputError, type SimSeed } from '../../src/sim/index.js';
import { ManualClock, waitUntil } from '../support/manual-clock.js';
import { apiFor, listOf, request, startSim, type Obj } from './helpers.js';
import { anyString, stringContaining } from '../support/matchers.js';

const seed: SimSeed = {
  userPortals: [{ name: 'Eng' }],
  userPortalLinks: [{ name: 'Wiki', link: 'wiki.example.com', portals: ['Eng'] }],
};

async function setUp(s: SimSeed = seed, clock?: ManualClock) {
  const sim = await startSim({ seed: s, ...(clock ? { clock } : {}) });
  const portal = sim.snapshot().userPortals[0]?.id ?? '';
  return { sim, api: await apiFor(sim), portal };
}

const newLink = (portal: string, name = 'New') => ({
  name,
  link: `${name.toLowerCase()}.example.com`,
  userPortals: [{ id: portal }],
});

describe('faults', () => {
  it('status: answers with the given error instead of processing, for `times` matching requests', async () => {
    const { sim, api, portal } = await setUp();
    sim.injectFault({
      method: 'POST',
      path: /\/userPortalLink$/,
      status: 503,
      body: { id: 'service.unavailable', reason: 'later' },
      headers: { 'x-why': 'test' },
      times: 2,
    });
    const first = await api.call('POST', '/userPortalLink', newLink(portal));
    expect(first.status).toBe(503);
    expect(first.json).toEqual({ id: 'service.unavailable', reason: 'later' });
    expect(first.headers.get('x-why')).toBe('test');
    // A GET does not match the fault and is not consumed by it.
    expect((await api.call('GET', '/userPortalLink')).status).toBe(200);
    expect((await api.call('POST', '/userPortalLink', newLink(portal))).status).toBe(503);
    expect(sim.snapshot().userPortalLinks).toHaveLength(1);
    expect((await api.call('POST', '/userPortalLink', newLink(portal))).status).toBe(201);
    expect(sim.requests.map((r) => r.fault ?? '-').slice(1)).toEqual(['status', '-', 'status', '-']);
    expect(sim.counters().faultsApplied).toBe(2);
  });

  it('status without a body gets an error body; an injected 429 gets the recorded body and retry-after', async () => {
    const { sim, api } = await setUp();
    sim.injectFault({ path: 'userPortal$', status: 500 });
    expect((await api.call('GET', '/userPortal')).json).toMatchObject({
      id: anyString(),
      reason: stringContaining('500'),
    });
    sim.injectFault({ status: 429 });
    const limited = await api.call('GET', '/userPortal');
    expect(limited.headers.get('retry-after')).toBe('1s');
    expect(limited.json).toMatchObject({ id: 'invalid.toomanyrequests' });
  });

  it('delayMs: holds the reply back, but the write has already landed', async () => {
    const clock = new ManualClock();
    const { sim, api, portal } = await setUp(seed, clock);
    sim.injectFault({ method: 'POST', delayMs: 400 });
    let replied = false;
    const pending = api.call('POST', '/userPortalLink', newLink(portal, 'Slow')).then((reply) => {
      replied = true;
      return reply;
    });
    // The simulator logs the call before holding its reply back.
    await waitUntil(() => sim.count({ method: 'POST', path: /userPortalLink$/ }) === 1);
    expect(sim.snapshot().userPortalLinks.map((l) => l.name)).toContain('Slow');
    expect(sim.count({ method: 'POST', status: 201 })).toBe(1);
    await clock.advance(399);
    expect(replied).toBe(false);
    await clock.advance(1);
    expect((await pending).status).toBe(201);
  });

  it('resetBeforeApply: the connection drops and nothing changes', async () => {
    const { sim, api, portal } = await setUp();
    sim.injectFault({ method: 'POST', path: /userPortalLink$/, resetBeforeApply: true });
    await expect(api.call('POST', '/userPortalLink', newLink(portal))).rejects.toThrow();
    expect(sim.snapshot().userPortalLinks).toHaveLength(1);
    expect(sim.requests.at(-1)).toMatchObject({ method: 'POST', status: 0, fault: 'resetBeforeApply' });
  });

  it('resetAfterApply: the connection drops after the change was made', async () => {
    const { sim, api, portal } = await setUp();
    sim.injectFault({ method: 'POST', resetAfterApply: true });
    await expect(api.call('POST', '/userPortalLink', newLink(portal, 'Landed'))).rejects.toThrow();
    expect(sim.snapshot().userPortalLinks.map((l) => l.name)).toEqual(['Wiki', 'Landed']);
    expect(sim.requests.at(-1)?.status).toBe(0);
  });

  it('malformedJson: processes, then answers 200 with JSON cut short', async () => {
    const { sim, api, portal } = await setUp();
    sim.injectFault({ method: 'POST', malformedJson: true });
    const response = await fetch(`${api.base}/userPortalLink`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(newLink(portal, 'Garbled')),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    expect(() => {
      JSON.parse(text);
    }).toThrow();
    expect(sim.snapshot().userPortalLinks.map((l) => l.name)).toContain('Garbled');
    sim.injectFault({ method: 'DELETE', malformedJson: true });
    const deleted = await request(`${api.base}/clientSetting?type=NONE`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${api.token}` },
    }).catch((e: unknown) => e);
    expect(deleted).toBeInstanceOf(SyntaxError);
  });

  it('lieTotalPages: one page more than there is, and that page has no list; only paged GETs take it', async () => {
    const { sim, api } = await setUp(generatedSeed({ links: 600, portals: 2 }));
    sim.injectFault({ lieTotalPages: true, times: 2 });
    // Not paged: the fault waits for a paged GET.
    expect((await api.call('GET', '/clientSetting/all')).status).toBe(200);
    const first = await api.call('GET', '/userPortalLink?page=1&pagesize=500');
    expect(first.json).toMatchObject({ totalPages: '3', totalCount: '600' });
    const extra = await api.call('GET', '/userPortalLink?page=3&pagesize=500');
    expect(extra.status).toBe(200);
    expect(extra.json).toEqual({ totalPages: '3', totalCount: '600' });
    expect(listOf(await api.call('GET', '/userPortalLink?page=2&pagesize=500'))).toHaveLength(100);
    expect((await api.call('GET', '/userPortalLink?page=1&pagesize=500')).json).toMatchObject({ totalPages: '2' });
  });

  it('partialBulk: applies the first n links of a bulk create, then answers 500', async () => {
    const { sim, api, portal } = await setUp();
    sim.injectFault({ partialBulk: 2 });
    const names = ['A', 'B', 'C', 'D', 'E'];
    const reply = await api.call('POST', '/userPortalLink/bulk', {
      userPortalLinks: names.map((name) => ({ name, link: `${name}.example.com` })),
      userPortals: [{ id: portal }],
    });
    expect(reply.status).toBe(500);
    expect(reply.json).toMatchObject({ id: anyString(), reason: stringContaining('2 of 5') });
    expect(sim.snapshot().userPortalLinks.map((l) => l.name)).toEqual(['Wiki', 'A', 'B']);
  });

  it('faults can be injected over HTTP with the path as a string, and listed and cleared', async () => {
    const { sim, api } = await setUp();
    const added = await request(`${sim.url}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify([
        { method: 'GET', path: '/userPortal$', status: 502, times: 3 },
        { method: 'PUT', status: 409 },
      ]),
    });
    expect(added.json).toEqual({ ok: true, pending: 2 });
    expect((await api.call('GET', '/userPortal')).status).toBe(502);
    expect(((await request(`${sim.url}/__sim/faults`)).json as Obj[])[0]).toMatchObject({
      path: '/userPortal$',
      remaining: 2,
    });
    await request(`${sim.url}/__sim/faults`, { method: 'DELETE' });
    expect((await api.call('GET', '/userPortal')).status).toBe(200);
    const bad = await request(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ method: 'GET' }) });
    expect(bad.status).toBe(400);
  });

  it('refuses a fault without an effect or with a bad count', async () => {
    const sim = await startSim();
    expect(() => sim.injectFault({ method: 'GET' })).toThrow(SimInputError);
    expect(() => sim.injectFault({ status: 500, times: 0 })).toThrow(/times/);
    expect(() => sim.injectFault({ path: '(', status: 500 })).toThrow(/regular expression/);
  });
});
