/**
 * plan and apply through the CLI against the simulator answering each way the vendor's page and SDKs
 * disagree on: bulk create only on v1, only on v2, or on both; client settings as an
 * array, one object, or a `{list}` envelope. Every run converges, with no duplicate and no call
 * beyond the first missing-route replies.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PUBLISHED_RATE_LIMITS, startSimulator, type ApiReadings, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';
import { apiWrites } from '../support/sim.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ rateLimits: PUBLISHED_RATE_LIMITS });
});
afterAll(() => sim.close());
afterEach(() => removeWorkspaces());
beforeEach(() => sim.reset());

const writes = () => apiWrites(sim);
const bulk = (version: 'v1' | 'v2') =>
  sim.requests.filter((r) => r.method === 'POST' && r.path.includes(`/${version}/`) && r.path.endsWith('/bulk'));

async function planIsEmpty(dir: string): Promise<void> {
  const again = await cli(['plan', '.', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
  expect(again.stdout).toContain('No changes.');
  expect(again.code).toBe(0);
}

/** Three portals, two new links on each: three bulk creates, run side by side (parallelism 4). */
function threePortalSets(): string {
  sim.seed({ userPortals: [{ name: 'Eng' }, { name: 'Ops' }, { name: 'Sales' }] });
  const two = (p: string) => [
    { name: `${p}-1`, link: `${p}-1.example.com` },
    { name: `${p}-2`, link: `${p}-2.example.com` },
  ];
  return workspace(portalManifests({ Eng: two('eng'), Ops: two('ops'), Sales: two('sales') }));
}

const ALL_LINKS = ['eng-1', 'eng-2', 'ops-1', 'ops-2', 'sales-1', 'sales-2'];

async function applyLinks(readings: Partial<ApiReadings>, extra: string[] = []): Promise<string> {
  const dir = threePortalSets();
  sim.setReadings(readings);
  sim.clearRequests();
  const result = await cli(['apply', '--auto-approve', ...extra], { cwd: dir, env: sim.env() });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const names = sim.snapshot().userPortalLinks.map((l) => l.name);
  expect(names.sort()).toEqual(ALL_LINKS); // each exactly once: no duplicate
  return dir;
}

describe('multi-link creates, wherever bulk create is served', () => {
  it('bulk on v2 only: three v2 bulk calls, nothing else', async () => {
    const dir = await applyLinks({ bulkCreate: 'v2' });
    expect(bulk('v2').map((r) => r.status)).toEqual([201, 201, 201]);
    expect(bulk('v1')).toEqual([]);
    expect(writes()).toHaveLength(3);
    await planIsEmpty(dir);
  });

  it('bulk on both: v2 is sent, v1 never', async () => {
    const dir = await applyLinks({ bulkCreate: 'both' });
    expect(bulk('v2').map((r) => r.status)).toEqual([201, 201, 201]);
    expect(bulk('v1')).toEqual([]);
    expect(writes()).toHaveLength(3);
    await planIsEmpty(dir);
  });

  it('bulk on v1 only: the only extra calls are the first 404s, at most one per call in flight', async () => {
    const dir = await applyLinks({ bulkCreate: 'v1' });
    const missed = bulk('v2');
    expect(missed.every((r) => r.status === 404)).toBe(true);
    expect(missed.length).toBeGreaterThanOrEqual(1);
    expect(missed.length).toBeLessThanOrEqual(3); // three bulk calls, all may be in flight together
    expect(bulk('v1').map((r) => r.status)).toEqual([201, 201, 201]);
    expect(writes()).toHaveLength(3 + missed.length);
    await planIsEmpty(dir);
  });

  it('bulk on v1 only, one call at a time: exactly one 404, none once v1 has worked', async () => {
    const dir = await applyLinks({ bulkCreate: 'v1' }, ['--parallelism', '1']);
    expect(writes().map((r) => `${r.path.includes('/v2/') ? 'v2' : 'v1'} ${r.status}`)).toEqual([
      'v2 404',
      'v1 201',
      'v1 201',
      'v1 201',
    ]);
    await planIsEmpty(dir);
  });
});

describe('client settings, whichever shape /clientSetting/all has', () => {
  it.each(['array', 'list'] as const)('as %s: creates, updates and deletes, then converges', async (shape) => {
    sim.seed({
      clientSettings: [
        { clientCertificateType: 'ZAPP_CLIENT', enrollmentCert: 'Connector' },
        { clientCertificateType: 'APP_PROTECTION', enrollmentCert: 'Client' },
      ],
    });
    sim.setReadings({ clientSettings: shape });
    const dir = workspace({
      'settings.yaml': {
        clientSettings: {
          ZAPP_CLIENT: { enrollmentCert: 'Client' },
          ISOLATION_CLIENT: { enrollmentCert: 'Isolation Client' },
          APP_PROTECTION: 'absent',
        },
      },
    });
    const plan = await cli(['plan', '.', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
    expect(plan.code).toBe(2);
    sim.clearRequests();
    const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(
      writes()
        .map((r) => r.method)
        .sort(),
    ).toEqual(['DELETE', 'POST', 'POST']);
    const settings = sim.snapshot().clientSettings.map((s) => `${s.clientCertificateType} ${s.enrollmentCertName}`);
    expect(settings.sort()).toEqual(['ISOLATION_CLIENT Isolation Client', 'ZAPP_CLIENT Client']);
    await planIsEmpty(dir);
  });

  it('as one object (the Go SDK): updates the setting it shows, then converges', async () => {
    sim.seed({ clientSettings: [{ clientCertificateType: 'ZAPP_CLIENT', enrollmentCert: 'Connector' }] });
    sim.setReadings({ clientSettings: 'object' });
    const dir = workspace({ 'settings.yaml': { clientSettings: { ZAPP_CLIENT: { enrollmentCert: 'Client' } } } });
    const plan = await cli(['plan', '.', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/ZAPP_CLIENT/);
    sim.clearRequests();
    const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(0);
    expect(writes().map((r) => `${r.method} ${r.status}`)).toEqual(['POST 204']);
    expect(sim.snapshot().clientSettings.map((s) => s.enrollmentCertName)).toEqual(['Client']);
    await planIsEmpty(dir);
  });

  it('as one object on a tenant without settings (`{}`): creates, then converges', async () => {
    sim.seed({});
    sim.setReadings({ clientSettings: 'object' });
    const dir = workspace({ 'settings.yaml': { clientSettings: { ZAPP_CLIENT: { enrollmentCert: 'Client' } } } });
    const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(0);
    expect(sim.snapshot().clientSettings.map((s) => s.clientCertificateType)).toEqual(['ZAPP_CLIENT']);
    await planIsEmpty(dir);
  });

  it('an unknown shape stops the plan before any write, naming the endpoint', async () => {
    sim.seed({});
    const dir = workspace({ 'settings.yaml': { clientSettings: { ZAPP_CLIENT: { enrollmentCert: 'Client' } } } });
    sim.injectFault({ method: 'GET', path: /\/clientSetting\/all$/, status: 200, body: { settings: [] } });
    sim.clearRequests();
    const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('GET /clientSetting/all: reply is not the expected shape');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(writes()).toEqual([]);
  });
});
