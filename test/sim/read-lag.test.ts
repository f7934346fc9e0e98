/** The read-lag setting: reads answer from the tenant as it was a moment ago, on the simulator's clock. */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../support/manual-clock.js';
import { apiFor, listOf, request, startSim, type Obj } from './helpers.js';

const names = (list: Obj[]) => list.map((l) => l['name']).sort();

describe('read lag', () => {
  it('answers reads from the state of `ms` ago; writes and the control surface see the present', async () => {
    const clock = new ManualClock();
    const sim = await startSim({ clock, readLagMs: 2000, seed: { userPortals: [{ name: 'Eng' }] } });
    const api = await apiFor(sim);
    const portal = sim.snapshot().userPortals[0]?.id;
    const created = await api.call('POST', '/userPortalLink', {
      name: 'Wiki',
      link: 'wiki.example.com',
      userPortals: [{ id: portal }],
    });
    expect(created.status).toBe(201);
    const id = String((created.json as Obj)['id']);
    const list = () => api.call('GET', '/userPortalLink?page=1&pagesize=500');
    expect(listOf(await list())).toEqual([]);
    expect((await api.call('GET', `/userPortalLink/${id}`)).status).not.toBe(200);
    expect(sim.snapshot().userPortalLinks.map((l) => l.name)).toEqual(['Wiki']);
    await clock.advance(1999);
    expect(listOf(await list())).toEqual([]);
    // A second write 1999 ms after the first: the first shows at 2000 ms, the second at 3999 ms.
    await api.call('PUT', `/userPortalLink/${id}`, {
      name: 'Wiki',
      link: 'w2.example.com',
      userPortals: [{ id: portal }],
    });
    await clock.advance(1);
    expect(listOf(await list()).map((l) => l['link'])).toEqual(['wiki.example.com']);
    await clock.advance(1999);
    expect(listOf(await list()).map((l) => l['link'])).toEqual(['w2.example.com']);
  });

  it('is set and read through /__sim/read-lag; a seed is seen at once; 0 turns it off', async () => {
    const clock = new ManualClock();
    const sim = await startSim({ clock });
    expect((await request(`${sim.url}/__sim/read-lag`)).json).toEqual({ ms: 0 });
    const put = (body: unknown) => request(`${sim.url}/__sim/read-lag`, { method: 'PUT', body: JSON.stringify(body) });
    expect((await put({ ms: 1500 })).json).toEqual({ ms: 1500 });
    expect((await put({ ms: -1 })).status).toBe(400);
    sim.seed({
      userPortals: [{ name: 'Eng' }],
      userPortalLinks: [{ name: 'Seeded', link: 's.example.com', portals: ['Eng'] }],
    });
    const api = await apiFor(sim);
    const list = async () => names(listOf(await api.call('GET', '/userPortalLink?page=1&pagesize=500')));
    expect(await list()).toEqual(['Seeded']);
    const id = sim.snapshot().userPortalLinks[0]?.id;
    expect((await api.call('DELETE', `/userPortalLink/${id}`)).status).toBe(204);
    expect(await list()).toEqual(['Seeded']);
    sim.setReadLag(0);
    expect(await list()).toEqual([]);
  });
});
