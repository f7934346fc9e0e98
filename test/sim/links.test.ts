import { describe, expect, it } from 'vitest';
import { generatedSeed, type SimSeed } from '../../src/sim/index.js';
import { apiFor, listOf, startSim, type Api, type Obj } from './helpers.js';
import { anyString, stringContaining, stringMatching } from '../support/matchers.js';

const seed: SimSeed = { userPortals: [{ name: 'Eng' }, { name: 'Ops' }] };

async function setUp(
  s: SimSeed = seed,
): Promise<{ api: Api; portals: Record<string, string>; sim: Awaited<ReturnType<typeof startSim>> }> {
  const sim = await startSim({ seed: s });
  const portals = Object.fromEntries(sim.snapshot().userPortals.map((p) => [p.name, p.id]));
  return { sim, api: await apiFor(sim), portals };
}

const OPTIONAL_KEYS = ['description', 'linkPath', 'iconText', 'logoFileName', 'protocol', 'applicationId'];

describe('user portal links', () => {
  it('creates one link (201 with the object) and reads it without empty optional fields', async () => {
    const { api, portals } = await setUp();
    const created = await api.call('POST', '/userPortalLink', {
      name: 'Wiki',
      link: 'wiki.example.com',
      description: '',
      linkPath: null,
      userPortals: [{ id: portals['Eng'] }],
    });
    expect(created.status).toBe(201);
    const id = String((created.json as Obj)['id']);
    expect(created.json).toMatchObject({
      id,
      name: 'Wiki',
      link: 'wiki.example.com',
      enabled: true,
      creationTime: stringMatching(/^\d+$/),
    });
    const read = (await api.call('GET', `/userPortalLink/${id}`)).json as Obj;
    for (const key of OPTIONAL_KEYS) expect(read).not.toHaveProperty(key);
    expect(read).toMatchObject({ modifiedBy: stringMatching(/^\d+$/), microtenantName: 'Default' });
    // Portals on reads are whole objects.
    expect(read['userPortals']).toEqual([
      expect.objectContaining({
        id: portals['Eng'],
        name: 'Eng',
        enabled: true,
        domain: stringContaining('.'),
        microtenantName: 'Default',
      }),
    ]);
  });

  it("accepts the page's userPortalId field, but never an id that lost digits as a number", async () => {
    const { api, portals } = await setUp();
    const ok = await api.call('POST', '/userPortalLink', {
      name: 'A',
      link: 'a.example.com',
      userPortalId: portals['Ops'],
    });
    expect(ok.status).toBe(201);
    const lossy = `{"name":"B","link":"b.example.com","userPortalId":${String(portals['Ops'])}}`;
    const refused = await api.call('POST', '/userPortalLink', lossy);
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ id: 'invalid.input', reason: stringContaining('2^53') });
  });

  it('PUT replaces the whole object: an omitted description is cleared, portals come from the body', async () => {
    const { sim, api, portals } = await setUp({
      ...seed,
      userPortalLinks: [
        { name: 'Docs', link: 'docs.example.com', description: 'old', protocol: 'https://', portals: ['Eng'] },
      ],
    });
    const id = sim.snapshot().userPortalLinks[0]?.id ?? '';
    const put = await api.call('PUT', `/userPortalLink/${id}`, {
      id,
      name: 'Docs',
      link: 'docs.example.com',
      userPortals: [{ id: portals['Ops'] }],
    });
    expect(put.status).toBe(204);
    expect(put.text).toBe('');
    const read = (await api.call('GET', `/userPortalLink/${id}`)).json as Obj;
    expect(read).not.toHaveProperty('description');
    expect(read).not.toHaveProperty('protocol');
    expect((read['userPortals'] as Obj[]).map((p) => p['id'])).toEqual([portals['Ops']]);
    const noPortals = await api.call('PUT', `/userPortalLink/${id}`, { name: 'Docs', link: 'docs.example.com' });
    expect(noPortals.status).toBe(400);
  });

  it('DELETE answers 204; the link is then not found (400 resource.not.found)', async () => {
    const { sim, api } = await setUp({
      ...seed,
      userPortalLinks: [{ name: 'X', link: 'x.example.com', portals: ['Eng'] }],
    });
    const id = sim.snapshot().userPortalLinks[0]?.id ?? '';
    expect((await api.call('DELETE', `/userPortalLink/${id}`)).status).toBe(204);
    for (const [method, body] of [['GET'], ['DELETE'], ['PUT', { name: 'X', link: 'x' }]] as const) {
      const reply = await api.call(method, `/userPortalLink/${id}`, body);
      expect(reply.status).toBe(400);
      expect(reply.json).toMatchObject({ id: 'resource.not.found', reason: anyString() });
    }
  });

  it.each([
    ['no link', { name: 'N' }, 'link'],
    ['a blank name', { name: '  ', link: 'n.example.com' }, 'name'],
    ['an unknown protocol', { name: 'N', link: 'n.example.com', protocol: 'ftp://' }, 'protocol'],
    ['enabled as a string', { name: 'N', link: 'n.example.com', enabled: 'yes' }, 'enabled'],
  ])('refuses a link with %s', async (_label, fields, param) => {
    const { sim, api, portals } = await setUp();
    const reply = await api.call('POST', '/userPortalLink', { ...fields, userPortals: [{ id: portals['Eng'] }] });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ id: 'invalid.input', params: [param] });
    expect(sim.snapshot().userPortalLinks).toEqual([]);
  });

  it('refuses a link on no portal or an unknown portal, and a body that is not JSON', async () => {
    const { api } = await setUp();
    const none = await api.call('POST', '/userPortalLink', { name: 'N', link: 'n.example.com', userPortals: [] });
    expect(none.json).toMatchObject({ id: 'invalid.input', params: ['userPortals'] });
    const unknown = await api.call('POST', '/userPortalLink', {
      name: 'N',
      link: 'n.example.com',
      userPortals: [{ id: '145283994705999999' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ id: 'resource.not.found' });
    const broken = await api.call('POST', '/userPortalLink', '{"name": "N",');
    expect(broken.status).toBe(400);
    expect(broken.json).toMatchObject({ id: 'malformed.json' });
  });

  it('a portal holds at most 500 links', async () => {
    const { api, sim } = await setUp(generatedSeed({ links: 500, portals: 1 }));
    const portal = sim.snapshot().userPortals[0]?.id ?? '';
    const reply = await api.call('POST', '/userPortalLink', {
      name: 'one more',
      link: 'x.example.com',
      userPortals: [{ id: portal }],
    });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ reason: stringContaining('500') });
  });
});

describe('bulk create', () => {
  it('gives every link the same portal set and answers 201 with the created links, under v1 and v2', async () => {
    const { sim, api, portals } = await setUp();
    const userPortals = [{ id: portals['Eng'] }, { id: portals['Ops'] }];
    const body = {
      userPortalLinks: [
        { name: 'One', link: 'one.example.com', enabled: true, linkPath: '', protocol: '' },
        { name: 'Two', link: 'two.example.com', enabled: false, description: 'second' },
      ],
      userPortals,
    };
    const reply = await api.call('POST', '/userPortalLink/bulk', body);
    expect(reply.status).toBe(201);
    const json = reply.json as { userPortalLinks: Obj[]; userPortals: Obj[] };
    expect(json.userPortals).toEqual(userPortals.map((p) => ({ ...p, enabled: true })));
    expect(json.userPortalLinks.map((l) => [l['name'], l['enabled'], l['userPortals']])).toEqual([
      ['One', true, json.userPortals],
      ['Two', false, json.userPortals],
    ]);
    expect(json.userPortalLinks[0]).not.toHaveProperty('linkPath');
    for (const link of sim.snapshot().userPortalLinks)
      expect(link.userPortalIds).toEqual([portals['Eng'], portals['Ops']]);
    const v2 = await api.call(
      'POST',
      '/userPortalLink/bulk',
      { ...body, userPortalLinks: [{ name: 'Three', link: '3.example.com' }] },
      'v2',
    );
    expect(v2.status).toBe(201);
    expect(listOf(await api.call('GET', `/userPortalLink/userPortal/${String(portals['Ops'])}`))).toHaveLength(3);
  });

  it('creates nothing when one link of the call is invalid', async () => {
    const { sim, api, portals } = await setUp();
    const reply = await api.call('POST', '/userPortalLink/bulk', {
      userPortalLinks: [{ name: 'Good', link: 'good.example.com' }, { name: 'Bad' }],
      userPortals: [{ id: portals['Eng'] }],
    });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ reason: stringContaining('userPortalLinks[1].link') });
    expect(sim.snapshot().userPortalLinks).toEqual([]);
  });
});
