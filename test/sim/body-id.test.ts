import { describe, expect, it } from 'vitest';
import { apiFor, startSim, type Obj } from './helpers.js';

describe('a PUT body that repeats an id', () => {
  it('may repeat the path id, and no other id or shape', async () => {
    const sim = await startSim({ seed: { userPortals: [{ name: 'Eng' }] } });
    const api = await apiFor(sim);
    const portal = sim.snapshot().userPortals[0]?.id ?? '';
    const created = await api.call('POST', '/userPortalLink', {
      name: 'Wiki',
      link: 'wiki.example.com',
      userPortals: [{ id: portal }],
    });
    const id = String((created.json as Obj)['id']);
    const body = { name: 'Wiki', link: 'wiki.example.com', userPortals: [{ id: portal }] };

    expect((await api.call('PUT', `/userPortalLink/${id}`, { ...body, id })).status).toBe(204);
    const other = await api.call('PUT', `/userPortalLink/${id}`, { ...body, id: `${id}1` });
    expect(other.status).toBe(400);
    expect((other.json as Obj)['reason']).toBe(`The body's id ${id}1 does not match the path's ${id}`);
    // A list holding the id is not the id, though it stringifies to it.
    for (const [path, sent] of [
      [`/userPortalLink/${id}`, { ...body, id: [id] }],
      [`/userPortal/${portal}`, { name: 'Eng', id: [portal] }],
    ] as const) {
      const reply = await api.call('PUT', path, sent);
      expect(reply.status).toBe(400);
      expect((reply.json as Obj)['reason']).toMatch(/^The body's id \["\d+"\] does not match the path's \d+$/);
    }
  });
});
