/** `plan`, `show` and `validate` driven through the CLI against the simulator over HTTP. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { spreadLinks, tenantSeed } from '../support/sim.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => removeWorkspaces());

const apiCalls = () => sim.requests.filter((r) => !/signin|token/.test(r.path));
const writes = () => sim.requests.filter((r) => r.method !== 'GET' && !/signin|token/.test(r.path));

describe('plan', () => {
  it('reads 1,000 links on 10 portals in at most 5 GETs, and never writes', async () => {
    const { seed, manifests } = spreadLinks(1000, 10);
    sim.seed(tenantSeed(10, seed));
    const dir = workspace(portalManifests(manifests));
    sim.clearRequests();
    const result = await cli(['plan', '.', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No changes. The tenant matches the manifests.');
    expect(apiCalls().filter((r) => r.method === 'GET').length).toBeLessThanOrEqual(5);
    expect(writes()).toEqual([]);
  });

  it('shows drift, saves the plan, and show renders it identically in every format', async () => {
    const { seed, manifests } = spreadLinks(30, 3);
    sim.seed(tenantSeed(3, seed));
    manifests['portal-001']![0]!.description = 'New description';
    manifests['portal-002']!.push({ name: 'brand-new', link: 'new.corp.example.com' });
    const dir = workspace(portalManifests(manifests));
    const plan = await cli(['plan', '.', '--out', 'plan.json', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('~ update link "link-00001"');
    expect(plan.stdout).toContain('description: "App 1" → "New description"');
    expect(plan.stdout).toContain('+ create link "brand-new"');
    expect(plan.stdout).toContain('Plan: 1 to create, 1 to update, 0 to delete.');
    const show = await cli(['show', join(dir, 'plan.json')], { cwd: dir });
    expect(plan.stdout.startsWith(show.stdout)).toBe(true);
    for (const format of ['markdown', 'json']) {
      const fromPlan = await cli(['plan', '.', '--format', format], { cwd: dir, env: sim.env() });
      const fromShow = await cli(['show', 'plan.json', '--format', format], { cwd: dir });
      expect(fromShow.stdout).toBe(fromPlan.stdout);
    }
    const schema = JSON.parse(
      readFileSync(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8'),
    ) as object;
    expect(
      new Ajv2020({ strict: false }).validate(schema, JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'))),
    ).toBe(true);
  });

  it('appends the Markdown plan to the GitHub step summary', async () => {
    sim.seed(tenantSeed(1));
    const dir = workspace(portalManifests({ 'portal-000': [{ name: 'a', link: 'a.example.com' }] }));
    const summary = join(dir, 'summary.md');
    const result = await cli(['plan'], {
      cwd: dir,
      env: { ...sim.env(), GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(result.code).toBe(0);
    expect(readFileSync(summary, 'utf8')).toContain('### zpa-gitops plan');
  });

  it('locates an unknown portal name in the manifest, and writes nothing', async () => {
    sim.seed(tenantSeed(2));
    const dir = workspace(portalManifests({ 'portal-009': [{ name: 'a', link: 'a.example.com' }] }));
    sim.clearRequests();
    const result = await cli(['plan'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^portals\/portal-009\.yaml:\d+:\d+ error no user portal is named "portal-009"/m);
    expect(writes()).toEqual([]);
  });

  it('refuses invalid manifests before any API call', async () => {
    const dir = workspace({
      'bad.yaml':
        'apiVersion: zpa-gitops/v1\nuserPortals:\n  Eng:\n    links:\n      - name: x\n        link: https://x.example.com\n',
    });
    sim.clearRequests();
    const result = await cli(['plan'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bad\.yaml:6:\d+ error /m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(sim.requests).toEqual([]);
  });

  it('names a missing setting without a stack trace and without calling the API', async () => {
    const dir = workspace(portalManifests({ 'portal-000': [] }));
    sim.clearRequests();
    const result = await cli(['plan'], {
      cwd: dir,
      env: { ZPA_CLIENT_ID: 'x', ZPA_CUSTOMER_ID: '1', ZPA_CLOUD: sim.url },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ZPA_CLIENT_SECRET');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(sim.requests).toEqual([]);
  });
});
