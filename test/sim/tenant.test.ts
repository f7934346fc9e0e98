/** HTML escaping, microtenant scoping and the state file. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSeed, startSimulator, type SimSeed } from '../../src/sim/index.js';
import { apiFor, listOf, startSim, type Obj } from './helpers.js';

describe('HTML escaping', () => {
  it('escapes & in names and descriptions on reads when asked, and stores what was sent', async () => {
    const sim = await startSim({ seed: demoSeed(), htmlEscape: true });
    const api = await apiFor(sim);
    const links = listOf(await api.call('GET', '/userPortalLink?page=1&pagesize=500'));
    const byLink = Object.fromEntries(links.map((l) => [String(l['link']), l]));
    expect(byLink['quotes.corp.example.com']?.['name']).toBe('Pricing &amp; Quotes');
    expect(byLink['crm.corp.example.com']?.['description']).toBe('Accounts &amp; pipeline');
    expect(sim.snapshot().userPortalLinks.find((l) => l.link === 'crm.corp.example.com')?.description).toBe(
      'Accounts & pipeline',
    );
  });

  it('leaves names alone by default', async () => {
    const sim = await startSim({ seed: demoSeed() });
    const api = await apiFor(sim);
    const names = listOf(await api.call('GET', '/userPortalLink?page=1&pagesize=500')).map((l) => l['name']);
    expect(names).toContain('Pricing & Quotes');
  });
});

describe('microtenants', () => {
  const seed: SimSeed = {
    microtenants: [{ name: 'Branch' }],
    userPortals: [{ name: 'Main' }, { name: 'Branch portal', microtenant: 'Branch' }],
    userPortalLinks: [
      { name: 'Main link', link: 'main.example.com', portals: ['Main'] },
      { name: 'Branch link', link: 'branch.example.com', portals: ['Branch portal'], microtenant: 'Branch' },
    ],
  };

  it('scopes links and portals by the microtenantId query parameter; omitted means Default', async () => {
    const sim = await startSim({ seed });
    const api = await apiFor(sim);
    const branch = sim.snapshot().microtenants.find((m) => m.name === 'Branch')?.id ?? '';
    expect((await api.call('GET', '/microtenants/summary')).json).toEqual([
      { id: '0', name: 'Default', enabled: true },
      { id: branch, name: 'Branch', enabled: true },
    ]);
    const defaultLinks = listOf(await api.call('GET', '/userPortalLink'));
    expect(defaultLinks.map((l) => l['name'])).toEqual(['Main link']);
    expect(defaultLinks[0]).toMatchObject({ microtenantName: 'Default' });
    expect(listOf(await api.call('GET', '/userPortalLink?microtenantId=0')).map((l) => l['name'])).toEqual([
      'Main link',
    ]);
    const branchLinks = listOf(await api.call('GET', `/userPortalLink?microtenantId=${branch}`));
    expect(branchLinks.map((l) => [l['name'], l['microtenantId'], l['microtenantName']])).toEqual([
      ['Branch link', branch, 'Branch'],
    ]);
    expect(listOf(await api.call('GET', `/userPortal?microtenantId=${branch}`)).map((p) => p['name'])).toEqual([
      'Branch portal',
    ]);
    // Another microtenant's link is not found without its microtenantId.
    const branchLinkId = String(branchLinks[0]?.['id']);
    expect((await api.call('GET', `/userPortalLink/${branchLinkId}`)).json).toMatchObject({ id: 'resource.not.found' });
    expect((await api.call('GET', `/userPortalLink/${branchLinkId}?microtenantId=${branch}`)).status).toBe(200);
    expect((await api.call('GET', '/userPortalLink?microtenantId=145283994705999999')).status).toBe(400);
  });

  it('creates in the microtenant of the query, on that microtenant’s portals only', async () => {
    const sim = await startSim({ seed });
    const api = await apiFor(sim);
    const snapshot = sim.snapshot();
    const branch = snapshot.microtenants.find((m) => m.name === 'Branch')?.id ?? '';
    const portal = (name: string): string => snapshot.userPortals.find((p) => p.name === name)?.id ?? '';
    const wrong = await api.call('POST', `/userPortalLink?microtenantId=${branch}`, {
      name: 'X',
      link: 'x.example.com',
      userPortals: [{ id: portal('Main') }],
    });
    expect(wrong.status).toBe(400);
    const right = await api.call('POST', `/userPortalLink?microtenantId=${branch}`, {
      name: 'X',
      link: 'x.example.com',
      userPortals: [{ id: portal('Branch portal') }],
    });
    expect(right.status).toBe(201);
    expect(sim.snapshot().userPortalLinks.find((l) => l.name === 'X')?.microtenantId).toBe(branch);
  });
});

describe('state file', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('saves after every write and loads on the next start, ids never reused', async () => {
    dir = mkdtempSync(join(tmpdir(), 'zpa-sim-'));
    const stateFile = join(dir, 'state.json');
    const first = await startSimulator({ seed: { userPortals: [{ name: 'Eng' }] }, stateFile });
    const api = await apiFor(first);
    const portal = first.snapshot().userPortals[0]?.id ?? '';
    const created = await api.call('POST', '/userPortalLink', {
      name: 'Kept',
      link: 'kept.example.com',
      userPortals: [{ id: portal }],
    });
    const keptId = String((created.json as Obj)['id']);
    const doomed = await api.call('POST', '/userPortalLink', {
      name: 'Doomed',
      link: 'd.example.com',
      userPortals: [{ id: portal }],
    });
    const doomedId = String((doomed.json as Obj)['id']);
    await api.call('DELETE', `/userPortalLink/${doomedId}`);
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({
      userPortalLinks: [{ id: keptId, name: 'Kept' }],
    });
    await first.close();

    // A different seed is ignored: the file wins.
    const second = await startSim({ seed: { userPortals: [{ name: 'Other' }] }, stateFile });
    expect(second.snapshot().userPortals.map((p) => p.name)).toEqual(['Eng']);
    expect(second.snapshot().userPortalLinks.map((l) => [l.id, l.name])).toEqual([[keptId, 'Kept']]);
    const again = await (
      await apiFor(second)
    ).call('POST', '/userPortalLink', { name: 'Next', link: 'n.example.com', userPortals: [{ id: portal }] });
    expect(BigInt(String((again.json as Obj)['id']))).toBeGreaterThan(BigInt(doomedId));
  });

  it('refuses to start from a file that is not a state file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'zpa-sim-'));
    const stateFile = join(dir, 'state.json');
    writeFileSync(stateFile, '{"userPortals": [{"name": 3}]}');
    await expect(startSimulator({ stateFile })).rejects.toThrow(/userPortals\[0\]\.id/);
  });
});
