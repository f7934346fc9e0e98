/**
 * What doctor fails on: only what plan needs. Reads plan makes only for some manifests are warnings
 * when refused; `doctor PATH` makes exactly the reads plan makes for those manifests; a failure
 * shows the checks it prevented as not run. Over HTTP against the simulator.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { removeWorkspaces, workspace } from '../support/workspace.js';
import { apiCalls, checkLines, failedLines, notRunLines, warningLines, writesSeen } from './support.js';

const MICROTENANT_ID = '283011111111111111';
const forbidden = (path: RegExp) => ({
  method: 'GET',
  path,
  status: 403,
  body: { id: 'authz.denied', reason: 'Forbidden' },
});

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({
    seed: {
      userPortals: [{ name: 'Engineering' }, { name: 'Sales' }],
      userPortalLinks: [{ name: 'kept', link: 'kept.example.com', portals: ['Engineering'] }],
      microtenants: [{ id: MICROTENANT_ID, name: 'Contractors' }],
      clientSettings: [{ clientCertificateType: 'ZAPP_CLIENT', enrollmentCert: 'Client' }],
    },
  });
});
afterAll(async () => {
  removeWorkspaces();
  await sim.close();
});
beforeEach(() => {
  sim.reset();
  sim.setReadings({ clientSettingScope: 'tenant-wide', oneApiGateway: 'quiet' });
});

const portalsOnly = () =>
  workspace({
    'portals/eng.yaml': { userPortals: { Engineering: { links: [{ name: 'kept', link: 'kept.example.com' }] } } },
  });
const withClientSetting = () =>
  workspace({
    'portals/eng.yaml': { userPortals: { Engineering: { links: [{ name: 'kept', link: 'kept.example.com' }] } } },
    'client-settings.yaml': { clientSettings: { ZAPP_CLIENT: { enrollmentCert: 'Client' } } },
  });

describe('reads plan needs only sometimes', () => {
  it.each([
    {
      what: 'client settings',
      path: /clientSetting$/,
      line: /^! client settings: GET \/clientSetting failed \(HTTP 403 authz\.denied\): Forbidden → plan will need it once your manifests declare client settings: likely missing permission: .* Client Connector \(client settings\)/,
    },
    {
      what: 'enrollment certificates',
      path: /enrollmentCert$/,
      line: /^! enrollment certificates: .*HTTP 403.* → plan will need it once your manifests declare client settings: /,
    },
    {
      what: 'the microtenant list',
      path: /microtenants\/summary$/,
      line: /^! microtenants: .*HTTP 403.* → plan will need it once your manifests name a microtenant: /,
    },
  ])('without manifests, a 403 on $what is a warning and doctor exits 0', async ({ path, line }) => {
    sim.injectFault(forbidden(path));
    const result = await cli(['doctor'], { env: sim.env() });
    expect(failedLines(result)).toEqual([]);
    expect(
      warningLines(result).find((l) => line.test(l)),
      warningLines(result).join('\n'),
    ).toBeDefined();
    expect(result.stdout).toMatch(/Everything plan needs works \(1 warning\)\.\n$/);
    expect(result.code).toBe(0);
  });

  it('with manifests that declare a client setting, the same 403 fails doctor', async () => {
    sim.injectFault(forbidden(/clientSetting$/));
    const result = await cli(['doctor', withClientSetting()], { env: sim.env() });
    expect(result.code).toBe(1);
    expect(failedLines(result)).toEqual([
      expect.stringMatching(/^✗ client settings: GET \/clientSetting failed \(HTTP 403 authz\.denied\)/),
    ]);
  });

  it('with manifests of portals only, reads exactly what plan reads for them and says what it left', async () => {
    const dir = portalsOnly();
    sim.injectFault(forbidden(/clientSetting$/));
    const result = await cli(['doctor', dir], { env: sim.env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(notRunLines(result)).toEqual([
      '- microtenants: not read (these manifests do not need it)',
      '- client settings: not read (these manifests do not need it)',
      '- enrollment certificates: not read (these manifests do not need it)',
      '- Browser Access certificates: not read (these manifests do not need it)',
    ]);
    expect(apiCalls(sim)).toEqual([
      'GET v1/userPortal?microtenantId=0&page=1&pagesize=500',
      'GET v1/userPortalLink?microtenantId=0&page=1&pagesize=500',
    ]);
    // The same reads plan makes for these manifests.
    sim.reset();
    expect((await cli(['plan', dir], { env: sim.env() })).code).toBe(0);
    expect(apiCalls(sim).sort()).toEqual([
      'GET v1/userPortal?microtenantId=0&page=1&pagesize=500',
      'GET v1/userPortalLink?microtenantId=0&page=1&pagesize=500',
    ]);
  });

  it('with manifests naming a microtenant, resolves it as plan does and reads in it', async () => {
    const dir = workspace({
      'portals/eng.yaml': { microtenant: 'Contractors', userPortals: { Engineering: { prune: false, links: [] } } },
    });
    const result = await cli(['doctor', dir], { env: sim.env() });
    expect(checkLines(result)).toContain(`✓ microtenant: Contractors (${MICROTENANT_ID}), named by the manifests`);
    expect(apiCalls(sim)).toEqual([
      'GET v1/microtenants/summary',
      `GET v1/userPortal?microtenantId=${MICROTENANT_ID}&page=1&pagesize=500`,
      `GET v1/userPortalLink?microtenantId=${MICROTENANT_ID}&page=1&pagesize=500`,
    ]);
    const json = await cli(['doctor', dir, '--format', 'json'], { env: sim.env() });
    expect((JSON.parse(json.stdout) as { target: { microtenantId: string } }).target.microtenantId).toBe(
      MICROTENANT_ID,
    );
  });

  it('manifests with errors stop doctor before any call', async () => {
    const dir = workspace({ 'portals/eng.yaml': { userPortals: { Engineering: { links: [{ name: 'x' }] } } } });
    const result = await cli(['doctor', dir], { env: sim.env() });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/eng\.yaml/);
    expect(sim.requests).toEqual([]);
  });
});

describe('a 403 on portal or link reads', () => {
  it.each([
    { env: () => sim.env(), hint: ', or set ZPA_MICROTENANT_ID if this key belongs to a microtenant' },
    {
      env: () => ({ ...sim.env(), ZPA_MICROTENANT_ID: MICROTENANT_ID }),
      hint: ', or check that ZPA_MICROTENANT_ID is the microtenant this key belongs to',
    },
  ])('names the microtenant as a cause ($hint)', async ({ env, hint }) => {
    sim.injectFault(forbidden(/userPortalLink$/));
    const result = await cli(['doctor'], { env: env() });
    expect(result.code).toBe(1);
    const [line] = failedLines(result);
    expect(line).toMatch(
      /^✗ user portal links: GET \/userPortalLink(\?microtenantId=\d+)? failed \(HTTP 403 authz\.denied\)/,
    );
    expect(line?.endsWith(`needs at least View access to User Portals (links); plan needs to read it${hint}`)).toBe(
      true,
    );
  });
});

describe('one failure, and what it prevented', () => {
  it('a wrong secret is one failed check; the checks it prevented are not run', async () => {
    const result = await cli(['doctor', '--write-probe', 'Engineering'], {
      env: { ...sim.env(), ZPA_CLIENT_SECRET: 'wrong-secret-value' },
    });
    expect(result.code).toBe(1);
    expect(failedLines(result)).toEqual([expect.stringMatching(/^✗ sign-in: Sign-in refused \(HTTP 401/)]);
    expect(notRunLines(result)).toEqual([
      '- customer: not run (sign-in failed)',
      '- microtenants: not run (sign-in failed)',
      '- user portals: not run (sign-in failed)',
      '- user portal links: not run (sign-in failed)',
      '- client settings: not run (sign-in failed)',
      '- enrollment certificates: not run (sign-in failed)',
      '- Browser Access certificates: not run (sign-in failed)',
      '- microtenant: not run (sign-in failed)',
      '- write probe: not run (sign-in failed)',
    ]);
    expect(result.stdout).toMatch(/\n1 check failed \(9 not run\)\. For a report/);
    const json = await cli(['doctor', '--format', 'json'], {
      env: { ...sim.env(), ZPA_CLIENT_SECRET: 'wrong-secret-value' },
    });
    const report = JSON.parse(json.stdout) as { checks: { id: string; status: string }[] };
    expect(report.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual(['sign-in']);
  });

  it('--write-probe with a name in the wrong case suggests the portal, and writes nothing', async () => {
    const result = await cli(['doctor', '--write-probe', 'engineering'], { env: sim.env() });
    expect(result.code).toBe(1);
    expect(failedLines(result)).toEqual([
      '✗ write probe: not run, no user portal is named or numbered "engineering" in this microtenant; did you mean "Engineering"? → give --write-probe the exact name or the id of one user portal (zpa-gitops export lists them)',
    ]);
    expect(writesSeen(sim)).toEqual([]);
  });
});

describe('client settings with and without the microtenant', () => {
  it.each([
    {
      scope: 'tenant-wide' as const,
      line: `✓ client settings scope: the same 1 with microtenantId=${MICROTENANT_ID} and without it, so whether they are scoped does not matter here`,
    },
    {
      scope: 'per-microtenant' as const,
      line: `! client settings scope: the answers differ: with microtenantId=${MICROTENANT_ID} (as plan reads them): 0 (none); without it: 1 (ZAPP_CLIENT) → client settings are microtenant scoped on this tenant: plan reads them as the first answer says; please attach this report (doctor --format json) to an issue`,
    },
  ])('reads both ways and reports whether they differ ($scope)', async ({ scope, line }) => {
    sim.setReadings({ clientSettingScope: scope });
    const result = await cli(['doctor'], { env: { ...sim.env(), ZPA_MICROTENANT_ID: MICROTENANT_ID } });
    expect(result.code).toBe(0);
    expect(checkLines(result)).toContain(line);
    const settingReads = apiCalls(sim).filter((c) => c.includes('clientSetting'));
    expect(settingReads).toEqual([
      `GET v1/clientSetting?microtenantId=${MICROTENANT_ID}`,
      `GET v1/clientSetting/all?microtenantId=${MICROTENANT_ID}`,
      'GET v1/clientSetting',
      'GET v1/clientSetting/all',
    ]);
  });

  it('says which way answers when one is refused', async () => {
    sim.injectFault({ ...forbidden(/clientSetting$/), path: /clientSetting$/ });
    const result = await cli(['doctor', '--format', 'json'], { env: sim.env() });
    const report = JSON.parse(result.stdout) as { checks: { id: string; summary: string }[] };
    const scope = report.checks.find((c) => c.id === 'client-settings-scope');
    // The fault answered plan's read (without the microtenant); the read with microtenantId=0 answered.
    expect(scope?.summary).toMatch(
      /^client settings scope: without microtenantId \(as plan reads them\): refused \(GET \/clientSetting failed \(HTTP 403 authz\.denied\): Forbidden\); with 0: 1 \(ZAPP_CLIENT\)$/,
    );
  });
});

describe('rate-limit headers on OneAPI', () => {
  it("are labelled as the OneAPI gateway's limit, not ZPA's", async () => {
    sim.setReadings({ oneApiGateway: 'rate-limit-headers' });
    const result = await cli(['doctor'], { env: { ...sim.oneApiEnv() } });
    expect(result.code).toBe(0);
    expect(checkLines(result).find((l) => l.startsWith('✓ rate-limit headers:'))).toMatch(
      /^✓ rate-limit headers: x-ratelimit-limit: 5000, 5000;w=60, x-ratelimit-remaining: \d+, x-ratelimit-reset: \d+ \(the OneAPI gateway's limit, 5,000 per minute recorded; ZPA's own 20 GETs and 10 writes per 10 s apply beneath it\)$/,
    );
  });
});
