import { describe, expect, it } from 'vitest';
import { generatedSeed } from '../../src/sim/index.js';
import { ManualClock } from '../support/manual-clock.js';
import { CUSTOMER_ID, harness } from './sim-helpers.js';
import {
  bulkCreateLinks,
  createLink,
  deleteClientSetting,
  deleteLink,
  updateLink,
  upsertClientSetting,
} from '../support/write-calls.js';
import {
  CLIENT_SETTINGS_READ,
  ENROLLMENT_CERTS_READ,
  LINKS_READ,
  MICROTENANTS_READ,
  PORTALS_READ,
} from '../support/read-calls.js';

const BIG_PORTAL_ID = '145283994705985838'; // above 2^53: a JavaScript number would round it
const BIG_LINK_ID = '145283994705985846';
const base = `/mgmtconfig/v1/admin/customers/${CUSTOMER_ID}`;

const seed = {
  microtenants: [{ id: '145283994705986001', name: 'Branch' }],
  userPortals: [
    { id: BIG_PORTAL_ID, name: 'Portal A' },
    { id: '145283994705985839', name: 'Portal B' },
    { id: '145283994705986002', name: 'Branch portal', microtenant: 'Branch' },
  ],
  userPortalLinks: [{ id: BIG_LINK_ID, name: 'Wiki', link: 'wiki.example.com', portals: ['Portal A'] }],
};

describe('paging', () => {
  it('reads 1,234 links in 3 GETs of 500, looping on totalPages', async () => {
    const { sim, client } = await harness({ seed: generatedSeed({ links: 1234, portals: 3 }) });
    const links = await client.read(LINKS_READ);
    expect(links).toHaveLength(1234);
    expect(new Set(links.map((l) => l.id)).size).toBe(1234);
    const gets = sim.requests.filter((r) => r.method === 'GET' && r.path === `${base}/userPortalLink`);
    // Page 1 first (it says how many there are); pages 2 and 3 go out together, in either order.
    expect(gets[0]?.query.page).toBe('1');
    expect(gets.map((r) => [r.query.page, r.query.pagesize]).sort()).toEqual([
      ['1', '500'],
      ['2', '500'],
      ['3', '500'],
    ]);
  });

  it('asks for the pages after the first at once, without waiting for each reply', async () => {
    // Every page's reply is held on a clock only the test moves: pages 2 and 3 can both arrive
    // while the clock stands still only if the client sent them without waiting for each other.
    const clock = new ManualClock();
    const arrived: string[] = [];
    let onArrival = (): void => undefined;
    const { sim, client } = await harness({
      seed: generatedSeed({ links: 1234, portals: 3 }),
      clock,
      onRequest: (entry) => {
        if (entry.path.endsWith('/userPortalLink')) arrived.push(String(entry.query['page']));
        onArrival();
      },
    });
    const until = (count: number): Promise<void> =>
      new Promise((resolve) => {
        onArrival = () => {
          if (arrived.length >= count) resolve();
        };
        onArrival();
      });
    sim.injectFault({ method: 'GET', path: /\/userPortalLink$/, delayMs: 1_000, times: 3 });
    const read = client.read(LINKS_READ);
    await until(1);
    expect(arrived).toEqual(['1']);
    await clock.advance(1_000); // page 1's reply goes out
    await until(3);
    expect(arrived.slice(1).sort()).toEqual(['2', '3']);
    await clock.advance(1_000);
    expect(await read).toHaveLength(1234);
  });

  it('ends safely when the server claims a page more than there is', async () => {
    const { sim, client } = await harness({ seed: generatedSeed({ links: 600, portals: 2 }) });
    sim.injectFault({ method: 'GET', path: /\/userPortalLink$/, lieTotalPages: true, times: 5 });
    const links = await client.read(LINKS_READ);
    expect(links).toHaveLength(600);
    expect(sim.count({ method: 'GET', path: /\/userPortalLink$/ })).toBeLessThanOrEqual(3);
  });

  it('reads an empty collection in one GET', async () => {
    const { sim, client } = await harness();
    expect(await client.read(LINKS_READ)).toEqual([]);
    expect(sim.count({ method: 'GET', path: /\/userPortalLink$/ })).toBe(1);
  });
});

describe('endpoints', () => {
  it('keeps a 64-bit id exact through create, read, update and delete', async () => {
    const { sim, client } = await harness({ seed });
    const created = await createLink(client, { name: 'Docs', link: 'docs.example.com', enabled: false }, [
      BIG_PORTAL_ID,
    ]);
    const createLog = sim.requests.find((r) => r.method === 'POST' && r.path === `${base}/userPortalLink`);
    expect(createLog?.body).toMatchObject({ name: 'Docs', enabled: false, userPortals: [{ id: BIG_PORTAL_ID }] });
    expect(typeof created.id).toBe('string');
    const id = String(created.id);
    const read = await client.readOne(LINKS_READ, id);
    expect(read?.id).toBe(id);
    expect(read?.userPortals).toEqual([expect.objectContaining({ id: BIG_PORTAL_ID })]);
    const existing = await client.readOne(LINKS_READ, BIG_LINK_ID);
    expect(existing?.id).toBe(BIG_LINK_ID);
    await updateLink(client, BIG_LINK_ID, {
      name: 'Wiki',
      link: 'wiki2.example.com',
      userPortals: [{ id: BIG_PORTAL_ID }],
    });
    expect(sim.snapshot().userPortalLinks.find((l) => l.id === BIG_LINK_ID)?.link).toBe('wiki2.example.com');
    await deleteLink(client, BIG_LINK_ID);
    expect(sim.snapshot().userPortalLinks.some((l) => l.id === BIG_LINK_ID)).toBe(false);
    expect(sim.requests.some((r) => r.path === `${base}/userPortalLink/${BIG_LINK_ID}` && r.method === 'DELETE')).toBe(
      true,
    );
  });

  it('bulk-creates links on a shared portal set and returns them', async () => {
    const { sim, client } = await harness({ seed });
    const created = await bulkCreateLinks(
      client,
      [
        { name: 'One', link: 'one.example.com' },
        { name: 'Two', link: 'two.example.com' },
      ],
      [BIG_PORTAL_ID, '145283994705985839'],
    );
    expect(created.map((l) => l.name)).toEqual(['One', 'Two']);
    // v2 first, as both vendor SDKs send it; the simulator serves both by default, so no fallback.
    const post = sim.requests.find((r) => r.path === `${base.replace('/v1/', '/v2/')}/userPortalLink/bulk`);
    expect(sim.count({ path: /\/v1\/.*\/bulk$/ })).toBe(0);
    expect(post?.body).toMatchObject({ userPortals: [{ id: BIG_PORTAL_ID }, { id: '145283994705985839' }] });
    const onPortalB = (await client.read(LINKS_READ)).filter((l) =>
      (l.userPortals as { id: string }[]).some((p) => p.id === '145283994705985839'),
    );
    expect(onPortalB.map((l) => l.name).sort()).toEqual(['One', 'Two']);
  });

  it('upserts, lists and deletes client settings; always sends the type', async () => {
    const { sim, client } = await harness({ seed });
    const certs = await client.read(ENROLLMENT_CERTS_READ);
    expect(sim.requests.some((r) => r.path === `/mgmtconfig/v2/admin/customers/${CUSTOMER_ID}/enrollmentCert`)).toBe(
      true,
    );
    const cert = certs.find((c) => c.name === 'Client');
    expect(cert).toBeDefined();
    await upsertClientSetting(client, {
      clientCertificateType: 'ZAPP_CLIENT',
      enrollmentCertId: String(cert?.id),
      enrollmentCertName: 'Client',
      name: 'Client',
    });
    const settings = await client.read(CLIENT_SETTINGS_READ);
    expect(settings.map((s) => s.clientCertificateType)).toContain('ZAPP_CLIENT');
    await deleteClientSetting(client, 'ZAPP_CLIENT');
    const del = sim.requests.find((r) => r.method === 'DELETE');
    expect(del?.query).toEqual({ type: 'ZAPP_CLIENT' });
    expect(await client.read(CLIENT_SETTINGS_READ)).not.toContainEqual(
      expect.objectContaining({ clientCertificateType: 'ZAPP_CLIENT' }),
    );
  });

  it('accepts every documented reply to a client-setting upsert: 204, 200 with an object, 201 with an array', async () => {
    const { sim, client } = await harness({ seed });
    const body = {
      clientCertificateType: 'ISOLATION_CLIENT',
      enrollmentCertId: '1',
      enrollmentCertName: 'Isolation Client',
      name: 'Isolation Client',
    };
    const reply = { id: '150207', clientCertificateType: 'ISOLATION_CLIENT', enrollmentCertId: '1' };
    sim.injectFault({ method: 'POST', path: /\/clientSetting$/, status: 204 });
    expect(await upsertClientSetting(client, body)).toBeUndefined();
    sim.injectFault({ method: 'POST', path: /\/clientSetting$/, status: 200, body: reply });
    expect(await upsertClientSetting(client, body)).toEqual(reply);
    sim.injectFault({ method: 'POST', path: /\/clientSetting$/, status: 201, body: [reply] });
    expect(await upsertClientSetting(client, body)).toEqual(reply);
  });

  it('lists microtenants and portals', async () => {
    const { client } = await harness({ seed });
    const microtenants = await client.read(MICROTENANTS_READ);
    expect(microtenants).toContainEqual(expect.objectContaining({ id: '0' }));
    expect(microtenants).toContainEqual(expect.objectContaining({ id: '145283994705986001', name: 'Branch' }));
    const portals = await client.read(PORTALS_READ);
    expect(portals.map((p) => p.name)).toEqual(expect.arrayContaining(['Portal A', 'Portal B']));
  });

  it('sends microtenantId on portal and link calls, 0 for Default; on client-setting calls only outside Default', async () => {
    const { sim, client } = await harness({ seed });
    const branch = client.withMicrotenant('145283994705986001');
    expect(branch.target.microtenantId).toBe('145283994705986001');
    await branch.read(PORTALS_READ);
    await branch.read(LINKS_READ);
    await branch.read(CLIENT_SETTINGS_READ);
    await client.read(CLIENT_SETTINGS_READ);
    await client.read(PORTALS_READ);
    const byPath = sim.requests
      .filter((r) => r.path !== '/signin')
      .map((r) => [r.path.replace(base, ''), r.query.microtenantId]);
    expect(byPath).toEqual([
      ['/userPortal', '145283994705986001'],
      ['/userPortalLink', '145283994705986001'],
      ['/clientSetting', '145283994705986001'],
      ['/clientSetting/all', '145283994705986001'],
      ['/clientSetting', undefined],
      ['/clientSetting/all', undefined],
      ['/userPortal', '0'],
    ]);
    // Shared sign-in and stats.
    expect(client.stats.signIns).toBe(1);
    expect(client.stats.gets).toBe(7);
    expect(() => client.withMicrotenant('Branch')).toThrow(/digits/);
  });
});
