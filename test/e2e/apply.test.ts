/** `apply` through the CLI against the simulator with the published limits enforced. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PUBLISHED_RATE_LIMITS, startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { cliOnFakeClock } from '../support/fake-clock-cli.js';
import { apiWrites, isAuthPath, spreadLinks, tenantSeed } from '../support/sim.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ rateLimits: PUBLISHED_RATE_LIMITS });
});
afterAll(() => sim.close());
afterEach(() => removeWorkspaces());

const writes = () => apiWrites(sim);
const tooMany = () => sim.requests.filter((r) => r.status === 429).length;
const linkNames = () =>
  sim
    .snapshot()
    .userPortalLinks.map((l) => l.name)
    .sort();

/** `run`: cliOnFakeClock after a run on the fake clock, so time never runs backwards within a test. */
async function planIsEmpty(dir: string, run: typeof cli = cli): Promise<void> {
  const again = await run(['plan', '.', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
  expect(again.stdout).toContain('No changes.');
  expect(again.code).toBe(0);
}

/** A tenant where every kind of change is due: the lower bound on writes is 8. */
function mixedTenant() {
  sim.seed({
    userPortals: [{ name: 'Eng' }, { name: 'Ops' }, { name: 'Other' }],
    clientSettings: [
      { clientCertificateType: 'ZAPP_CLIENT', enrollmentCert: 'Connector' },
      { clientCertificateType: 'APP_PROTECTION', enrollmentCert: 'Client' },
    ],
    userPortalLinks: [
      { name: 'keep', link: 'keep.example.com', portals: ['Eng'] },
      {
        name: 'drifted',
        link: 'drifted.example.com',
        description: 'old',
        applicationId: '145283994705999001',
        portals: ['Eng'],
      },
      { name: 'detach-me', link: 'd.example.com', portals: ['Eng', 'Other'] },
      { name: 'delete-me', link: 'x.example.com', portals: ['Ops'] },
    ],
  });
  return workspace({
    'settings.yaml': { clientSettings: { ZAPP_CLIENT: { enrollmentCert: 'Client' }, APP_PROTECTION: 'absent' } },
    ...portalManifests({
      Eng: [
        { name: 'keep', link: 'keep.example.com' },
        { name: 'drifted', link: 'drifted.example.com', description: 'new' },
        { name: 'new-1', link: 'n1.example.com' },
        { name: 'new-2', link: 'n2.example.com' },
      ],
      Ops: [{ name: 'new-ops', link: 'o.example.com' }],
    }),
  });
}

// A fresh rate-limit window per test, as a separate CI run would have.
beforeEach(() => sim.reset());

describe('apply', () => {
  it('converges creates, updates, detaches, deletes and client settings in the fewest writes', async () => {
    const dir = mixedTenant();
    sim.clearRequests();
    const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Apply complete: 3 created, 3 updated, 2 deleted in [\d.]+ s \(\d+ API calls\)\./);
    // 1 upsert + 1 client-setting delete + 1 bulk (new-1, new-2 on Eng) + 1 single create (new-ops)
    // + 1 PUT (drifted) + 1 PUT (detach-me) + 1 DELETE (delete-me) = 7: the lower bound.
    const calls = writes().map(
      (r) => `${r.method} ${r.path.replace(/.*\/customers\/\d+/, '').replace(/\/\d{6,}$/, '/{id}')}`,
    );
    expect(calls.sort()).toEqual([
      'DELETE /clientSetting',
      'DELETE /userPortalLink/{id}',
      'POST /clientSetting',
      'POST /userPortalLink',
      'POST /userPortalLink/bulk',
      'PUT /userPortalLink/{id}',
      'PUT /userPortalLink/{id}',
    ]);
    expect(writes()).toHaveLength(7);
    const drifted = sim.snapshot().userPortalLinks.find((l) => l.name === 'drifted');
    expect(drifted).toMatchObject({ description: 'new', applicationId: '145283994705999001' });
    expect(linkNames()).toEqual(['detach-me', 'drifted', 'keep', 'new-1', 'new-2', 'new-ops']);
    expect(tooMany()).toBe(0);
    await planIsEmpty(dir);
  });

  it('creates 1,000 new links on 10 portals in 10 writes', async () => {
    const { manifests } = spreadLinks(1000, 10);
    sim.seed(tenantSeed(10));
    const dir = workspace(portalManifests(manifests));
    sim.clearRequests();
    const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(0);
    expect(writes()).toHaveLength(10);
    expect(writes().every((r) => r.path.endsWith('/userPortalLink/bulk'))).toBe(true);
    expect(sim.snapshot().userPortalLinks).toHaveLength(1000);
    expect(tooMany()).toBe(0);
    await planIsEmpty(dir);
  });

  it('refuses without a terminal and without --auto-approve, writing nothing', async () => {
    const dir = mixedTenant();
    sim.clearRequests();
    const result = await cli(['apply'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--auto-approve/);
    expect(writes()).toEqual([]);
  });

  it('asks on a terminal and applies only on "yes"', async () => {
    const dir = mixedTenant();
    const no = await cli(['apply'], { cwd: dir, env: sim.env(), tty: true, answer: 'no' });
    expect(no.code).toBe(1);
    expect(writes()).toEqual([]);
    const yes = await cli(['apply'], { cwd: dir, env: sim.env(), tty: true, answer: 'yes' });
    expect(yes.code).toBe(0);
    expect(yes.stdout).toContain("Only 'yes' will be accepted");
    await planIsEmpty(dir);
  });

  it('exits 0 at once when there is nothing to do', async () => {
    const dir = mixedTenant();
    await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    sim.clearRequests();
    const result = await cli(['apply'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(0);
    expect(writes()).toEqual([]);
  });

  it('applies a saved plan exactly, and refuses it once the tenant has changed', async () => {
    // Five runs make more GETs than one 10 s window allows: on the fake clock the 429's retry-after
    // is waited out in the client's own bookkeeping, not in real time.
    const dir = mixedTenant();
    expect((await cliOnFakeClock(['plan', '--out', 'plan.json'], { cwd: dir, env: sim.env() })).code).toBe(0);
    const drifted = sim.snapshot().userPortalLinks.find((l) => l.name === 'drifted');
    sim.seed({
      ...sim.snapshot(),
      userPortalLinks: sim
        .snapshot()
        .userPortalLinks.map((l) => (l.name === 'drifted' ? { ...l, description: 'edited in the console' } : l)),
    });
    sim.clearRequests();
    const stale = await cliOnFakeClock(['apply', '--plan', 'plan.json'], { cwd: dir, env: sim.env() });
    expect(stale.code).toBe(3);
    expect(stale.stderr).toContain('Saved plan is stale: link "drifted" changed. Run plan again.');
    expect(writes()).toEqual([]);
    expect(drifted).toBeDefined();

    expect((await cliOnFakeClock(['plan', '--out', 'plan.json'], { cwd: dir, env: sim.env() })).code).toBe(0);
    const fresh = await cliOnFakeClock(['apply', '--plan', 'plan.json'], { cwd: dir, env: sim.env() });
    expect(fresh.code).toBe(0);
    await planIsEmpty(dir, cliOnFakeClock);
  });

  it('refuses a saved plan made for another customer', async () => {
    const dir = mixedTenant();
    await cli(['plan', '--out', 'plan.json'], { cwd: dir, env: sim.env() });
    const result = await cli(['apply', '--plan', 'plan.json'], {
      cwd: dir,
      env: { ...sim.env(), ZPA_CUSTOMER_ID: '216196257331281999' },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/Saved plan was made for another target \(customerId/);
    expect(writes()).toEqual([]);
  });

  it('refuses an unsafe plan unless --allow-unsafe', async () => {
    // 8 prunes of 12: unsafe, and within one window of writes (10 per 10 s), so no rate-limit wait.
    const { seed, manifests } = spreadLinks(12, 1);
    sim.seed(tenantSeed(1, seed));
    const dir = workspace(portalManifests({ 'portal-000': manifests['portal-000']!.slice(0, 4) }));
    sim.clearRequests();
    const refused = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'Plan is unsafe: pruning would remove 8 of 12 live links on managed portals (67 %',
    );
    expect(writes()).toEqual([]);
    const allowed = await cli(['apply', '--auto-approve', '--allow-unsafe'], { cwd: dir, env: sim.env() });
    expect(allowed.code).toBe(0);
    expect(sim.snapshot().userPortalLinks).toHaveLength(4);
  });

  it('reports a partial failure as done / failed / not attempted, then a second run converges', async () => {
    const dir = mixedTenant();
    sim.injectFault({
      method: 'PUT',
      status: 400,
      body: { id: 'invalid.input', reason: 'Link is not valid' },
      times: 1,
    });
    const first = await cli(['apply', '--auto-approve', '--parallelism', '1'], { cwd: dir, env: sim.env() });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/Apply failed: .* 1 failed, \d+ not attempted\./);
    expect(first.stdout).toMatch(/failed: update link "[^"]+" \[invalid\.input\]: Link is not valid/);
    expect(first.stdout).toMatch(/not attempted: delete/);
    const second = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(second.code).toBe(0);
    await planIsEmpty(dir);
  });

  it('never creates a link twice when the connection drops after a create was applied', async () => {
    const dir = mixedTenant();
    sim.injectFault({ method: 'POST', path: /userPortalLink\/bulk$/, resetAfterApply: true });
    const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(0);
    expect(linkNames().filter((n) => n === 'new-1')).toHaveLength(1);
    expect(sim.requests.filter((r) => r.path.endsWith('/userPortalLink/bulk'))).toHaveLength(1);
    await planIsEmpty(dir);
  });

  it('finishes a bulk create the server applied only in part, without duplicates', async () => {
    // The links the server dropped never show, so apply re-reads for its whole read patience (on
    // the fake clock) before it creates them again.
    const dir = mixedTenant();
    sim.injectFault({ method: 'POST', path: /userPortalLink\/bulk$/, partialBulk: 1 });
    const result = await cliOnFakeClock(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(0);
    expect(linkNames()).toEqual(['detach-me', 'drifted', 'keep', 'new-1', 'new-2', 'new-ops']);
    await planIsEmpty(dir, cliOnFakeClock);
  });

  it('waits out 429 bursts and retries 5xx on PUT and DELETE', async () => {
    const dir = mixedTenant();
    sim.injectFault({
      method: 'POST',
      path: /userPortalLink/,
      status: 429,
      headers: { 'retry-after': '2s' },
      body: { id: 'invalid.toomanyrequests', reason: 'Exceeded the number of requests allowed.' },
      times: 2,
    });
    sim.injectFault({ method: 'PUT', status: 503, times: 1 });
    sim.injectFault({ method: 'DELETE', status: 502, times: 1 });
    const result = await cliOnFakeClock(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/waiting \d+ s for the API rate limit/);
    await planIsEmpty(dir);
  });

  it('renews a token that expires mid-apply', async () => {
    const short = await startSimulator({ tokenLifetimeSeconds: 1 });
    try {
      short.seed(tenantSeed(3));
      const { manifests } = spreadLinks(6, 3);
      const dir = workspace(portalManifests(manifests));
      // Hold the first reply past the token's lifetime, so the next calls need a new token.
      short.injectFault({ method: 'POST', delayMs: 1500 });
      const result = await cliOnFakeClock(['apply', '--auto-approve', '--parallelism', '1'], {
        cwd: dir,
        env: short.env(),
      });
      expect(result.code).toBe(0);
      expect(short.requests.filter((r) => isAuthPath(r.path)).length).toBeGreaterThan(1);
      expect(short.snapshot().userPortalLinks).toHaveLength(6);
    } finally {
      await short.close();
    }
  });

  it('prints a machine-readable report with --format json', async () => {
    const dir = mixedTenant();
    const result = await cli(['apply', '--auto-approve', '--format', 'json'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { counts: Record<string, number>; changes: unknown[] };
    expect(report.counts).toEqual({ done: 8, failed: 0, 'not-attempted': 0 });
    expect(report.changes).toHaveLength(8);
  });
});
