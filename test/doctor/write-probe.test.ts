/**
 * `doctor --write-probe PORTAL` against the simulator: one bulk create, a read back, an update and
 * two deletes, and no probe link left behind whichever step fails.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { tenantSeed } from '../support/sim.js';
import { PROBE_HOST } from '../../src/doctor/write-probe.js';
import { checkLines, failedLines, writesSeen } from './support.js';
import { stringMatching } from '../support/matchers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({
    seed: tenantSeed(2, [{ name: 'kept', link: 'kept.example.com', portals: ['portal-000'] }]),
  });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  sim.setReadings({ bulkCreate: 'both' });
});

const probesLeft = (): string[] =>
  sim
    .snapshot()
    .userPortalLinks.map((l) => l.name)
    .filter((n) => n.startsWith('zpa-gitops-probe-'));
const probeLines = (stdout: string): string[] => stdout.split('\n').filter((l) => /^[✓!✗-] write probe/.test(l));

describe('doctor --write-probe', () => {
  it('creates two links in one bulk call, reads, updates and deletes them, and reports what it learnt', async () => {
    const before = sim.snapshot().userPortalLinks;
    const result = await cli(['doctor', '--write-probe', 'portal-000'], { env: sim.env() });
    expect(result.code).toBe(0);
    expect(failedLines(result)).toEqual([]);
    expect(probeLines(result.stdout)).toEqual([
      '✓ write probe: one bulk create on v2 made 2 links on "portal-000"',
      '✓ write probe: both links were in the list read at once (the first list read after the create)',
      '✓ write probe: both links read back as sent',
      '✓ write probe: a PUT cleared the omitted description (it replaces the whole object, as zpa-gitops assumes)',
      '✓ write probe: deleted 2 probe links; none is left',
    ]);
    const writes = writesSeen(sim);
    expect(writes).toEqual([
      'POST v2/userPortalLink/bulk?microtenantId=0',
      expect.stringMatching(/^PUT v1\/userPortalLink\/\d+\?microtenantId=0$/),
      expect.stringMatching(/^DELETE v1\/userPortalLink\/\d+\?microtenantId=0$/),
      expect.stringMatching(/^DELETE v1\/userPortalLink\/\d+\?microtenantId=0$/),
    ]);
    const bulk = sim.requests.find((r) => r.method === 'POST' && r.path.endsWith('/bulk'));
    expect(bulk?.body).toMatchObject({
      // RFC 2606 reserves example.com: the probe can never point anywhere real.
      userPortalLinks: [
        { name: stringMatching(/^zpa-gitops-probe-[0-9a-f]{8}-1$/), link: PROBE_HOST, enabled: false },
        { name: stringMatching(/^zpa-gitops-probe-[0-9a-f]{8}-2$/), link: PROBE_HOST, enabled: false },
      ],
      userPortals: [{ id: sim.snapshot().userPortals[0]?.id }],
    });
    expect(sim.snapshot().userPortalLinks).toEqual(before);
  });

  it('accepts the portal id too, and the JSON report keeps the probe ids and the findings', async () => {
    const portalId = sim.snapshot().userPortals[1]?.id ?? '';
    const result = await cli(['doctor', '--write-probe', portalId, '--format', 'json'], { env: sim.env() });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { checks: { id: string; facts?: Record<string, unknown> }[] };
    const facts = (id: string) => report.checks.find((c) => c.id === id)?.facts;
    expect(facts('write-probe:bulk-create')).toMatchObject({ version: 'v2', fellBack: false, portalId });
    expect(facts('write-probe:update')).toMatchObject({ applied: true, putClearsOmittedFields: true });
    expect(facts('write-probe:cleanup')).toMatchObject({ undeleted: [] });
    expect(probesLeft()).toEqual([]);
  });

  it.each([
    {
      reading: 'v1' as const,
      line: '✓ write probe: one bulk create on v1 (v2 answered that the route does not exist) made 2 links on "portal-000"',
      posts: ['POST v2/userPortalLink/bulk 404', 'POST v1/userPortalLink/bulk 201'],
    },
    {
      reading: 'v2' as const,
      line: '✓ write probe: one bulk create on v2 made 2 links on "portal-000"',
      posts: ['POST v2/userPortalLink/bulk 201'],
    },
  ])('reports the bulk version when the API serves bulk create on $reading only', async ({ reading, line, posts }) => {
    sim.setReadings({ bulkCreate: reading });
    const result = await cli(['doctor', '--write-probe', 'portal-000', '--format', 'json'], { env: sim.env() });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { checks: { id: string; summary: string; facts?: object }[] };
    const bulk = report.checks.find((c) => c.id === 'write-probe:bulk-create');
    expect(bulk?.summary).toBe(line.slice(2));
    expect(bulk?.facts).toMatchObject({ version: reading, fellBack: reading === 'v1' });
    const bulkPosts = sim.requests
      .filter((r) => r.method === 'POST' && r.path.endsWith('/bulk'))
      .map((r) => `POST ${/\/(v\d)\//.exec(r.path)?.[1]}/userPortalLink/bulk ${r.status}`);
    expect(bulkPosts).toEqual(posts);
    expect(probesLeft()).toEqual([]);
  });

  it('still deletes both probes when the update fails, and words a 400 invalid.* as refused input', async () => {
    sim.injectFault({
      method: 'PUT',
      path: /userPortalLink\/\d+$/,
      status: 400,
      body: { id: 'invalid.input', reason: 'linkPath is not valid' },
    });
    const result = await cli(['doctor', '--write-probe', 'portal-000'], { env: sim.env() });
    expect(result.code).toBe(1);
    expect(probeLines(result.stdout)).toEqual([
      '✓ write probe: one bulk create on v2 made 2 links on "portal-000"',
      '✓ write probe: both links were in the list read at once (the first list read after the create)',
      '✓ write probe: both links read back as sent',
      expect.stringMatching(
        /^✗ write probe: updating probe \d+ failed: the API refused the probe's input: linkPath is not valid → attach this report to an issue: the probe sends what apply sends for a link \(PUT \/userPortalLink\/\d+ failed \(HTTP 400 invalid\.input\): linkPath is not valid\)$/,
      ),
      '✓ write probe: deleted 2 probe links; none is left',
    ]);
    expect(writesSeen(sim).filter((w) => w.startsWith('DELETE'))).toHaveLength(2);
    expect(probesLeft()).toEqual([]);
  });

  it('finds and deletes what a bulk create that failed half-way left behind', async () => {
    sim.injectFault({ method: 'POST', path: /bulk$/, partialBulk: 1 });
    const result = await cli(['doctor', '--write-probe', 'portal-000'], { env: sim.env() });
    expect(result.code).toBe(1);
    expect(probeLines(result.stdout)).toEqual([
      expect.stringMatching(
        /^✗ write probe: the bulk create failed \(tried v2, then v1\): POST \/userPortalLink\/bulk failed \(HTTP 500/,
      ),
      '✓ write probe: deleted 1 probe link; none is left',
    ]);
    expect(probesLeft()).toEqual([]);
  });

  it('says which probes it could not delete, and how to remove them', async () => {
    sim.injectFault({
      method: 'DELETE',
      path: /userPortalLink\/\d+$/,
      status: 403,
      times: 2,
      body: { id: 'no', reason: 'no' },
    });
    const result = await cli(['doctor', '--write-probe', 'portal-000'], { env: sim.env() });
    expect(result.code).toBe(1);
    const line = probeLines(result.stdout).at(-1);
    expect(line).toMatch(
      /^✗ write probe: could not delete 2 probe links: \d+ \(zpa-gitops-probe-[0-9a-f]{8}-1: .*HTTP 403.*\); \d+ .* → delete the links named zpa-gitops-probe-[0-9a-f]{8}-\* in the ZPA Admin Portal/,
    );
    expect(probesLeft()).toHaveLength(2);
  });

  it('writes nothing when the portal is unknown', async () => {
    const result = await cli(['doctor', '--write-probe', 'no-such-portal'], { env: sim.env() });
    expect(result.code).toBe(1);
    expect(failedLines(result)).toEqual([
      expect.stringMatching(/^✗ write probe: not run, no user portal is named or numbered "no-such-portal"/),
    ]);
    expect(writesSeen(sim)).toEqual([]);
    expect(checkLines(result).length).toBeGreaterThan(5);
  });
});
