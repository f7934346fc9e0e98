/** `zpa-gitops doctor` (read-only) driven through the CLI against the simulator over HTTP. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { cliOnFakeClock } from '../support/fake-clock-cli.js';
import { spreadLinks, tenantSeed } from '../support/sim.js';
import { apiCalls, checkLines, failedLines, writesSeen } from './support.js';

const SECRET = 'Doctor-Secret-Value-3b7e55';
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;
const MICROTENANT_ID = '283011111111111111';
let sim: Simulator;

beforeAll(async () => {
  const { seed } = spreadLinks(1200, 3);
  sim = await startSimulator({
    clientSecret: SECRET,
    seed: {
      ...tenantSeed(3, seed),
      microtenants: [{ id: MICROTENANT_ID, name: 'Contractors' }],
      clientSettings: [{ clientCertificateType: 'ZAPP_CLIENT', enrollmentCert: 'Client' }],
    },
  });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('doctor on a healthy tenant', () => {
  it('passes every check, with counts, paged as plan pages, and exits 0 without writing', async () => {
    const result = await cli(['doctor'], { env: sim.env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(failedLines(result)).toEqual([]);
    const lines = checkLines(result);
    expect(lines).toEqual([
      expect.stringMatching(
        /^✓ environment: legacy API key, cloud URL \(127\.0\.0\.1:\d+\), customer \d+; set: ZPA_CLIENT_ID, ZPA_CLIENT_SECRET, ZPA_CLOUD, ZPA_CUSTOMER_ID$/,
      ),
      '✓ sign-in: token valid for 3600 s (from expires_in)',
      `✓ customer ${sim.customerId} answers (6 of 6 reads succeeded)`,
      '✓ microtenants: 2 read in 1 page',
      '✓ user portals: 3 read in 1 page',
      '✓ user portal links: 1200 read in 3 pages',
      '✓ client settings: 1 read in 2 pages',
      '✓ enrollment certificates: 5 read in 1 page',
      '✓ Browser Access certificates: 0 read in 1 page',
      '✓ microtenant: Default (0), the default, ZPA_MICROTENANT_ID is unset',
      '✓ client settings scope: the same 1 with microtenantId=0 and without it, so whether they are scoped does not matter here',
      '✓ rate-limit headers: none in 11 replies (the published limits apply: 20 GETs and 10 writes per 10 s)',
      expect.stringMatching(/^✓ clock: within 1 s of the server's Date header$/),
    ]);
    expect(result.stdout).toMatch(/Everything plan needs works\.\n$/);
    // The calls plan makes for the same collections (page size 500, link pages 1 to 3), and client
    // settings read once more the other way (with the microtenant), nothing else.
    expect(apiCalls(sim)).toEqual([
      'GET v1/microtenants/summary',
      'GET v1/userPortal?microtenantId=0&page=1&pagesize=500',
      'GET v1/userPortalLink?microtenantId=0&page=1&pagesize=500',
      'GET v1/userPortalLink?microtenantId=0&page=2&pagesize=500',
      'GET v1/userPortalLink?microtenantId=0&page=3&pagesize=500',
      'GET v1/clientSetting',
      'GET v1/clientSetting/all',
      'GET v2/enrollmentCert?page=1&pagesize=500',
      'GET v2/clientlessCertificate/issued?page=1&pagesize=500',
      'GET v1/clientSetting?microtenantId=0',
      'GET v1/clientSetting/all?microtenantId=0',
    ]);
    expect(writesSeen(sim)).toEqual([]);
  });

  it('says which mode and cloud OneAPI variables select, and reads with the microtenant selected', async () => {
    const env = { ...sim.oneApiEnv(), ZPA_MICROTENANT_ID: MICROTENANT_ID, ZPA_CLIENT_ID: 'left-over' };
    const result = await cli(['doctor'], { env });
    expect(result.code).toBe(0);
    const lines = checkLines(result);
    expect(lines[0]).toMatch(
      /^✓ environment: OneAPI \(ZIdentity\), cloud URL \(127\.0\.0\.1:\d+\), customer \d+; set: ZPA_CLIENT_ID, ZSCALER_CLIENT_ID, ZSCALER_CLIENT_SECRET, ZSCALER_VANITY_DOMAIN, ZSCALER_CLOUD, ZPA_CUSTOMER_ID, ZPA_MICROTENANT_ID; ZPA_CLIENT_ID ignored in this mode$/,
    );
    expect(lines).toContain(`✓ microtenant: Contractors (${MICROTENANT_ID}), selected by ZPA_MICROTENANT_ID`);
    expect(lines).toContain('✓ user portal links: 0 read in 1 page');
    expect(apiCalls(sim)).toContain(`GET v1/userPortalLink?microtenantId=${MICROTENANT_ID}&page=1&pagesize=500`);
  });

  it.each(['array', 'object', 'list'] as const)(
    'reads client settings as plan does when the API answers with %s',
    async (reading) => {
      sim.setReadings({ clientSettings: reading });
      try {
        const result = await cli(['doctor'], { env: sim.env() });
        expect(result.code).toBe(0);
        expect(checkLines(result)).toContain('✓ client settings: 1 read in 2 pages');
      } finally {
        sim.setReadings({ clientSettings: 'array' });
      }
    },
  );

  it('reports rate-limit headers when the replies carry them', async () => {
    sim.injectFault({
      method: 'GET',
      path: /microtenants\/summary$/,
      status: 200,
      body: [{ id: '0', name: 'Default', enabled: true }],
      headers: { 'x-ratelimit-remaining': '19', 'x-ratelimit-limit': '20' },
    });
    const result = await cli(['doctor'], { env: sim.env() });
    expect(result.code).toBe(0);
    expect(checkLines(result)).toContain('✓ rate-limit headers: x-ratelimit-limit: 20, x-ratelimit-remaining: 19');
  });
});

describe('doctor on a broken set-up', () => {
  it.each([
    {
      name: 'a wrong secret',
      env: () => ({ ...sim.env(), ZPA_CLIENT_SECRET: `${SECRET}-wrong` }),
      fault: undefined,
      line: /^✗ sign-in: Sign-in refused \(HTTP 401: Invalid client id or client secret\) → check ZPA_CLIENT_ID and ZPA_CLIENT_SECRET/,
    },
    {
      name: 'a wrong customer id',
      env: () => ({ ...sim.env(), ZPA_CUSTOMER_ID: '216196257331281999' }),
      fault: undefined,
      line: /^✗ customer 216196257331281999 is not reachable with this key: every read was refused \(.*HTTP 403 customer\.mismatch.*\) → check ZPA_CUSTOMER_ID/,
    },
    {
      name: 'a 403 on user portals',
      env: () => sim.env(),
      fault: {
        method: 'GET',
        path: /userPortal$/,
        status: 403,
        body: { id: 'authz.denied', reason: 'Forbidden' },
      },
      line: /^✗ user portals: GET \/userPortal failed \(HTTP 403 authz\.denied\): Forbidden → likely missing permission: the role of this API key .* needs at least View access to User Portals; plan needs to read it, or set ZPA_MICROTENANT_ID if this key belongs to a microtenant$/,
    },
    {
      name: 'an unknown microtenant',
      env: () => ({ ...sim.env(), ZPA_MICROTENANT_ID: '999' }),
      fault: undefined,
      line: new RegExp(
        `^✗ microtenant: ZPA_MICROTENANT_ID 999 is not a microtenant of this tenant; it has: Default \\(0\\), Contractors \\(${MICROTENANT_ID}\\) → set ZPA_MICROTENANT_ID to one of those ids`,
      ),
    },
    {
      name: 'a list reply of the wrong shape',
      env: () => sim.env(),
      fault: { method: 'GET', path: /userPortalLink$/, status: 200, body: { totalPages: '1', list: 'oops' } },
      line: /^✗ user portal links: GET \/userPortalLink: page 1: reply is not the expected shape: `list` is a string; expected an array of objects → the reply is not what the API documents/,
    },
    {
      name: 'a list reply that is not JSON',
      env: () => sim.env(),
      fault: { method: 'GET', path: /userPortal$/, malformedJson: true },
      line: /^✗ user portals: GET \/userPortal: reply is not valid JSON → the reply is not what the API documents/,
    },
    {
      name: 'a link without an id (refused by the reply check, as plan refuses it)',
      env: () => sim.env(),
      fault: {
        method: 'GET',
        path: /userPortalLink$/,
        status: 200,
        body: { totalPages: '1', list: [{ name: 'no-id' }] },
      },
      line: /^✗ user portal links: GET \/userPortalLink: page 1: reply is not the expected shape: `list\[0\]\.id` is missing → /,
    },
  ])('$name gives its ✗ line and exit 1', async ({ env, fault, line }) => {
    if (fault) sim.injectFault(fault);
    const result = await cli(['doctor'], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(
      failedLines(result).find((l) => line.test(l)),
      failedLines(result).join('\n'),
    ).toBeDefined();
    expect(result.stdout).toMatch(
      /\d+ checks? failed( \(\d+ not run\))?\. For a report to attach to an issue: zpa-gitops doctor --format json\n$/,
    );
    expect(writesSeen(sim)).toEqual([]);
  });

  it('names a missing variable without calling anything', async () => {
    const { ZPA_CLIENT_SECRET: _unused, ...env } = sim.env();
    const result = await cli(['doctor'], { env });
    expect(result.code).toBe(1);
    expect(failedLines(result)[0]).toMatch(
      /^✗ environment: ZPA_CLIENT_SECRET is not set \(set: ZPA_CLIENT_ID, ZPA_CLOUD, ZPA_CUSTOMER_ID\) → set ZPA_CLIENT_SECRET/,
    );
    expect(sim.requests).toEqual([]);
  });

  it('refuses unknown formats as usage errors, and manifests that cannot be read, without a call', async () => {
    expect((await cli(['doctor', '--format', 'xml'], { env: sim.env() })).stderr).toMatch(
      /--format must be one of text, json/,
    );
    const missing = await cli(['doctor', 'no-such-manifests'], { env: sim.env() });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no-such-manifests/);
    expect(missing.stdout).toBe('');
    expect(sim.requests).toEqual([]);
  });
});

describe('the JSON report', () => {
  it('holds every check with ids and counts, and neither the secret nor a token in any run', async () => {
    const healthy = await cli(['doctor', '--format', 'json'], { env: { ...sim.env(), ZPA_GITOPS_DEBUG: '1' } });
    expect(healthy.code).toBe(0);
    const report = JSON.parse(healthy.stdout) as {
      ok: boolean;
      target: { customerId: string; microtenantId: string };
      checks: { id: string; ok: boolean; facts?: Record<string, unknown> }[];
    };
    expect(report.ok).toBe(true);
    expect(report.target).toMatchObject({ customerId: sim.customerId, microtenantId: '0', authMode: 'legacy' });
    expect(report.checks.map((c) => c.id)).toEqual([
      'environment',
      'sign-in',
      'customer',
      'collection:microtenants',
      'collection:userPortals',
      'collection:userPortalLinks',
      'collection:clientSettings',
      'collection:enrollmentCerts',
      'collection:baCertificates',
      'microtenant',
      'client-settings-scope',
      'rate-limits',
      'clock',
    ]);
    expect(report.checks.find((c) => c.id === 'collection:userPortalLinks')?.facts).toEqual({ count: 1200, pages: 3 });

    sim.injectFault({
      method: 'GET',
      path: /userPortal$/,
      status: 403,
      body: { id: 'x', reason: `echo ${SECRET}` },
    });
    const runs = [
      healthy,
      await cli(['doctor', '--format', 'json'], { env: sim.env() }),
      await cli(['doctor'], { env: { ...sim.env(), ZPA_CLIENT_SECRET: `${SECRET}-wrong`, ZPA_GITOPS_DEBUG: '1' } }),
      await cli(['doctor', '--format', 'json'], { env: { ...sim.env(), ZPA_CUSTOMER_ID: '1' } }),
      // The probe's read-backs pass the 20 GETs per 10 s this run may make: on the fake clock the
      // limiter's wait for the next window is its own bookkeeping, not ten seconds of real time.
      await cliOnFakeClock(['doctor', '--write-probe', 'portal-000'], { env: { ...sim.env(), ZPA_GITOPS_DEBUG: '1' } }),
    ];
    expect(runs.map((r) => r.code)).toEqual([0, 1, 1, 1, 0]);
    expect(runs[0]?.stderr).toContain('debug:');
    for (const text of runs.flatMap((r) => [r.stdout, r.stderr])) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toMatch(JWT);
    }
  });
});
