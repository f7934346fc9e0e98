/**
 * Where a real tenant may answer differently from the page, against the simulator answering each
 * way (shared/zpa-api/NOTES.md): client settings read from both endpoints, a setting of an unknown
 * type, the Default microtenant sent as `0`, and links of another microtenant in a read.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_READINGS, startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { apiWrites } from '../support/sim.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => removeWorkspaces());
beforeEach(() => {
  sim.setReadings(DEFAULT_READINGS);
  sim.reset();
});

const writes = () => apiWrites(sim);
const apiCalls = () => sim.requests.filter((r) => r.path.includes('/mgmtconfig/'));
const settingsManifest = (settings: Record<string, unknown>) => ({ 'settings.yaml': { clientSettings: settings } });

async function planIsEmpty(dir: string, env = sim.env()): Promise<string> {
  const again = await cli(['plan', '.', '--detailed-exitcode'], { cwd: dir, env });
  expect(again.stdout).toContain('No changes.');
  expect(again.code).toBe(0);
  return again.stdout + again.stderr;
}

describe('client settings are read from /clientSetting and /clientSetting/all', () => {
  it.each(['every-type', 'without-default'] as const)(
    'with /all holding %s: a declared ZAPP_CLIENT setting converges',
    async (reading) => {
      sim.setReadings({ clientSettingsAll: reading });
      sim.seed({});
      const dir = workspace(settingsManifest({ ZAPP_CLIENT: { enrollmentCert: 'Client' } }));
      const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(sim.snapshot().clientSettings.map((s) => s.clientCertificateType)).toEqual(['ZAPP_CLIENT']);
      sim.clearRequests();
      await planIsEmpty(dir);
      const reads = apiCalls().map((r) => r.path.replace(/^.*\/customers\/\d+/, ''));
      expect(reads).toContain('/clientSetting');
      expect(reads).toContain('/clientSetting/all');
    },
  );

  it('with /all leaving out the default: `ZAPP_CLIENT: absent` deletes it, then converges', async () => {
    sim.setReadings({ clientSettingsAll: 'without-default' });
    sim.seed({
      clientSettings: [
        { clientCertificateType: 'ZAPP_CLIENT', enrollmentCert: 'Connector' },
        { clientCertificateType: 'ISOLATION_CLIENT', enrollmentCert: 'Isolation Client' },
      ],
    });
    const dir = workspace(settingsManifest({ ZAPP_CLIENT: 'absent', ISOLATION_CLIENT: { enrollmentCert: 'Client' } }));
    sim.clearRequests();
    const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(0);
    expect(
      writes()
        .map((r) => `${r.method} ${r.query['type'] ?? ''}`.trim())
        .sort(),
    ).toEqual(['DELETE ZAPP_CLIENT', 'POST']);
    const left = sim.snapshot().clientSettings.map((s) => `${s.clientCertificateType} ${s.enrollmentCertName}`);
    expect(left).toEqual(['ISOLATION_CLIENT Client']);
    await planIsEmpty(dir);
  });

  it('two different ids for one type are refused, naming both, before any write', async () => {
    sim.seed({ clientSettings: [{ clientCertificateType: 'ZAPP_CLIENT', enrollmentCert: 'Connector' }] });
    const other = { id: '145283994705985838', clientCertificateType: 'ZAPP_CLIENT', name: 'Other' };
    sim.injectFault({
      method: 'GET',
      path: /\/clientSetting\/all$/,
      patchReply: [{ op: 'add', path: '/-', value: other }],
    });
    const ownId = sim.snapshot().clientSettings[0]?.id ?? 'missing';
    const dir = workspace(settingsManifest({ ZAPP_CLIENT: { enrollmentCert: 'Client' } }));
    sim.clearRequests();
    const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('settings.yaml:');
    expect(result.stderr).toContain(ownId);
    expect(result.stderr).toContain('145283994705985838');
    expect(writes()).toEqual([]);
  });
});

describe('a client setting of a type zpa-gitops does not know', () => {
  it('is a warning naming the type, never written, and the known ones are still planned', async () => {
    sim.seed({ clientSettings: [{ clientCertificateType: 'ZAPP_CLIENT', enrollmentCert: 'Connector' }] });
    const unknown = { id: '77', clientCertificateType: 'CLIENT_CONNECTOR', name: 'Legacy', enrollmentCertId: '1' };
    sim.injectFault({
      method: 'GET',
      path: /\/clientSetting\/all$/,
      times: 10,
      patchReply: [{ op: 'add', path: '/-', value: unknown }],
    });
    const dir = workspace(settingsManifest({ ZAPP_CLIENT: { enrollmentCert: 'Client' }, APP_PROTECTION: 'absent' }));
    sim.clearRequests();
    const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/type "CLIENT_CONNECTOR" is not one zpa-gitops knows/);
    expect(writes().map((r) => `${r.method} ${JSON.stringify(r.body ?? r.query)}`)).toEqual([
      expect.stringContaining('"clientCertificateType":"ZAPP_CLIENT"'),
    ]);
    expect(JSON.stringify(writes())).not.toContain('CLIENT_CONNECTOR');
  });
});

describe('microtenants', () => {
  it('every portal and link call carries microtenantId=0 for Default; client settings carry none', async () => {
    sim.seed({
      userPortals: [{ name: 'Eng' }],
      userPortalLinks: [{ name: 'old', link: 'old.example.com', portals: ['Eng'] }],
    });
    const dir = workspace({
      ...portalManifests({
        Eng: [
          { name: 'a', link: 'a.example.com' },
          { name: 'b', link: 'b.example.com' },
        ],
      }),
      ...settingsManifest({ ZAPP_CLIENT: { enrollmentCert: 'Client' } }),
    });
    sim.clearRequests();
    const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(0);
    const linkCalls = apiCalls().filter((r) => /\/userPortal/.test(r.path));
    expect(linkCalls.map((r) => r.method)).toEqual(expect.arrayContaining(['GET', 'POST', 'DELETE']));
    for (const call of linkCalls) expect(call.query['microtenantId'], `${call.method} ${call.path}`).toBe('0');
    const settingCalls = apiCalls().filter((r) => r.path.includes('/clientSetting'));
    expect(settingCalls.length).toBeGreaterThan(0);
    for (const call of settingCalls) expect(call.query['microtenantId']).toBeUndefined();
  });

  it('outside Default, client settings carry the microtenant id and the plan says so', async () => {
    sim.seed({ microtenants: [{ id: '145283994705985999', name: 'Team' }] });
    const dir = workspace(settingsManifest({ ZAPP_CLIENT: { enrollmentCert: 'Client' } }));
    const env = { ...sim.env(), ZPA_MICROTENANT_ID: '145283994705985999' };
    sim.clearRequests();
    const plan = await cli(['plan', '.'], { cwd: dir, env });
    expect(plan.code).toBe(0);
    expect(plan.stdout + plan.stderr).toContain(
      'client settings are read and written with microtenantId=145283994705985999',
    );
    const settingCalls = apiCalls().filter((r) => r.path.includes('/clientSetting'));
    expect(settingCalls.length).toBe(2);
    for (const call of settingCalls) expect(call.query['microtenantId']).toBe('145283994705985999');
  });

  it('a link of another microtenant in the read is neither renamed nor pruned, and is warned about', async () => {
    sim.seed({
      microtenants: [{ id: '145283994705985999', name: 'Team' }],
      userPortals: [{ name: 'Eng' }, { name: 'Eng', microtenant: 'Team' }],
      userPortalLinks: [
        { name: 'keep', link: 'keep.example.com', portals: ['Eng'] },
        { name: 'theirs', link: 'theirs.example.com', portals: ['Eng'], microtenant: 'Team' },
        { name: 'shared-name', link: 'team.example.com', portals: ['Eng'], microtenant: 'Team' },
      ],
    });
    sim.setReadings({ microtenantReads: 'every-microtenant' });
    const dir = workspace(
      portalManifests({
        Eng: [
          { name: 'keep', link: 'keep.example.com' },
          { name: 'shared-name', link: 'ours.example.com' },
        ],
      }),
    );
    sim.clearRequests();
    const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.stdout + result.stderr).toContain('belong to microtenant 145283994705985999');
    expect(result.code).toBe(0);
    // One create in Default; nothing written to the other microtenant's links.
    expect(writes().map((r) => `${r.method} ${r.path.replace(/^.*\/customers\/\d+/, '')}`)).toEqual([
      'POST /userPortalLink',
    ]);
    const team = sim
      .snapshot()
      .userPortalLinks.filter((l) => l.microtenantId === '145283994705985999')
      .map((l) => `${l.name} ${l.link}`);
    expect(team.sort()).toEqual(['shared-name team.example.com', 'theirs theirs.example.com']);
  });
});
