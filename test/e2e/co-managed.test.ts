/**
 * Sharing a tenant through the CLI against the simulator: `ignore` patterns, `ignoreChanges`, and
 * the update guard, with the request log showing exactly what was written.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { cliOnFakeClock } from '../support/fake-clock-cli.js';
import { apiWrites, spreadLinks, tenantSeed } from '../support/sim.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => removeWorkspaces());

const writes = () => apiWrites(sim);
const short = (path: string) => path.replace(/^.*\/customers\/\d+/, '');
const linkOf = (name: string) => sim.snapshot().userPortalLinks.find((l) => l.name === name);
const portalIdOf = (name: string) => sim.snapshot().userPortals.find((p) => p.name === name)?.id ?? 'missing';

describe('ignoreChanges', () => {
  it('leaves a link disabled in the console alone, and a PUT of another field keeps it disabled', async () => {
    sim.seed({
      userPortals: [{ name: 'Ops' }],
      userPortalLinks: [
        { name: 'pager', link: 'pager.example.com', description: 'On call', enabled: false, portals: ['Ops'] },
      ],
    });
    const manifest = (description: string) => ({
      'ops.yaml': {
        userPortals: {
          Ops: {
            links: [
              { name: 'pager', link: 'pager.example.com', description, ignoreChanges: ['enabled'] },
              // A create still sends the manifest's value.
              { name: 'status', link: 'status.example.com', enabled: false, ignoreChanges: ['enabled'] },
            ],
          },
        },
      },
    });
    const dir = workspace(manifest('On call'));
    sim.clearRequests();
    const plan = await cli(['plan', '--show-unchanged'], { cwd: dir, env: sim.env() });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('= unchanged link "pager"');
    expect(plan.stdout).toContain('Plan: 1 to create, 0 to update, 0 to delete.');

    const next = workspace(manifest('Who is on call'));
    sim.clearRequests();
    const apply = await cli(['apply', '--auto-approve'], { cwd: next, env: sim.env() });
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('description: "On call" → "Who is on call"');
    expect(apply.stdout).not.toContain('enabled: false → true');
    const put = writes().find((r) => r.method === 'PUT');
    expect(put?.body).toMatchObject({ name: 'pager', description: 'Who is on call', enabled: false });
    const post = writes().find((r) => r.method === 'POST');
    expect(post?.body).toMatchObject({ name: 'status', enabled: false });
    expect(linkOf('pager')?.enabled).toBe(false);
    const again = await cli(['plan', '--detailed-exitcode'], { cwd: next, env: sim.env() });
    expect(again.code).toBe(0);
  });

  it('on a portal applies to all its links; an unknown field is a located error with a did-you-mean', async () => {
    sim.seed({
      userPortals: [{ name: 'Ops' }],
      userPortalLinks: [{ name: 'pager', link: 'pager.example.com', description: 'console text', portals: ['Ops'] }],
    });
    const dir = workspace({
      'ops.yaml': {
        userPortals: { Ops: { ignoreChanges: ['description'], links: [{ name: 'pager', link: 'pager.example.com' }] } },
      },
    });
    const plan = await cli(['plan', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);

    const bad = workspace({
      'ops.yaml': {
        userPortals: { Ops: { links: [{ name: 'pager', link: 'p.example.com', ignoreChanges: ['enabeld'] }] } },
      },
    });
    sim.clearRequests();
    const result = await cli(['plan'], { cwd: bad, env: sim.env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^ops\.yaml:\d+:\d+ error ignoreChanges in link "pager" names the unknown field "enabeld" — did you mean "enabled"\?$/m,
    );
    expect(sim.requests).toEqual([]);
  });
});

describe('ignore', () => {
  function coManaged(): string {
    sim.seed({
      userPortals: [{ name: 'Eng' }, { name: 'Ops' }],
      userPortalLinks: [
        { name: 'runbook', link: 'runbook.example.com', portals: ['Ops'] },
        { name: 'console-grafana', link: 'g.example.com', portals: ['Ops'] },
        { name: 'console-kibana', link: 'k.example.com', portals: ['Ops', 'Eng'] },
        { name: 'tmp-1', link: 't1.example.com', portals: ['Ops'] },
        { name: 'tmp-10', link: 't10.example.com', portals: ['Ops'] },
      ],
    });
    return workspace({
      'ops.yaml': {
        userPortals: {
          Ops: { ignore: ['console-*', 'tmp-?'], links: [{ name: 'runbook', link: 'runbook.example.com' }] },
          Eng: { links: [] },
        },
      },
    });
  }

  it('keeps matching live links through a prune, and says how many it left alone', async () => {
    const dir = coManaged();
    const ids = { kibana: linkOf('console-kibana')?.id, tmp10: linkOf('tmp-10')?.id };
    sim.clearRequests();
    const apply = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('Ignored 3 live links on portal "Ops" (ignore patterns).');
    // tmp-10 has two characters after "tmp-": `?` is one, so it is pruned; Eng (no ignore) drops kibana.
    expect(
      writes()
        .map((r) => `${r.method} ${short(r.path)}`)
        .sort(),
    ).toEqual([`DELETE /userPortalLink/${ids.tmp10}`, `PUT /userPortalLink/${ids.kibana}`].sort());
    expect(linkOf('console-kibana')?.userPortalIds).toEqual([portalIdOf('Ops')]);
    expect(linkOf('console-grafana')).toBeDefined();
    expect(linkOf('tmp-1')).toBeDefined();

    sim.clearRequests();
    const again = await cli(['plan', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Ignored 3 live links on portal "Ops" (ignore patterns).');
    expect(writes()).toEqual([]);
  });

  it('a link both listed and ignored is a located error, from validate and from plan, before any API call', async () => {
    const dir = workspace({
      'ops.yaml': {
        userPortals: { Ops: { ignore: ['console-*'], links: [{ name: 'console-grafana', link: 'g.example.com' }] } },
      },
    });
    const validate = await cli(['validate'], { cwd: dir });
    expect(validate.code).toBe(1);
    expect(validate.stderr).toMatch(
      /^ops\.yaml:\d+:\d+ error link "console-grafana" is listed, but portal "Ops" ignores it \(pattern "console-\*" at ops\.yaml:\d+:\d+\)/m,
    );
    sim.clearRequests();
    const plan = await cli(['plan'], { cwd: dir, env: sim.env() });
    expect(plan.code).toBe(1);
    expect(sim.requests).toEqual([]);
  });

  it('validate checks the patterns themselves', async () => {
    const dir = workspace({ 'ops.yaml': { userPortals: { Ops: { ignore: ['  ', 'a*', 'a*'], links: [] } } } });
    const validate = await cli(['validate'], { cwd: dir });
    expect(validate.code).toBe(1);
    expect(validate.stderr).toMatch(/^ops\.yaml:\d+:\d+ error .*ignore.*must not be empty or only spaces/m);
    expect(validate.stderr).toMatch(/^ops\.yaml:\d+:\d+ warning portal "Ops" ignores "a\*" twice/m);
  });
});

describe('the update guard', () => {
  // Three plans of 600 links and 300 PUTs: generous room on a loaded machine, no wall-clock assertion.
  it(
    'marks 300 of 600 links updated as unsafe; apply refuses it, and applies it with --allow-unsafe',
    { timeout: 120_000 },
    async () => {
      const { seed, manifests } = spreadLinks(600, 2);
      sim.seed(tenantSeed(2, seed));
      // Round-robin over two portals: the first holds exactly half of the 600.
      const renamed = manifests['portal-000'] ?? [];
      expect(renamed).toHaveLength(300);
      for (const link of renamed) link.description = 'Renamed';
      const dir = workspace(portalManifests(manifests));
      const reason = 'updating would change 300 of 600 live links on managed portals (50 %, above the 30 % threshold)';

      const plan = await cli(['plan'], { cwd: dir, env: sim.env() });
      expect(plan.stdout).toContain(`Unsafe plan: ${reason}. apply needs --allow-unsafe.`);
      const relaxed = await cli(['plan', '--update-threshold', '60'], { cwd: dir, env: sim.env() });
      expect(relaxed.stdout).not.toContain('Unsafe plan');

      sim.clearRequests();
      const refused = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(reason);
      expect(writes()).toEqual([]);

      sim.clearRequests();
      const apply = await cliOnFakeClock(['apply', '--auto-approve', '--allow-unsafe', '--parallelism', '1'], {
        cwd: dir,
        env: sim.env(),
      });
      expect(apply.code).toBe(0);
      // The client kept to the published 10 writes per 10 s: it waited between every ten.
      expect(apply.stderr.match(/waiting \d+ s for the API rate limit/g)?.length).toBeGreaterThanOrEqual(29);
      expect(writes().filter((r) => r.method === 'PUT')).toHaveLength(300);
      expect(writes()).toHaveLength(300);
      expect(sim.snapshot().userPortalLinks.filter((l) => l.description === 'Renamed')).toHaveLength(300);
    },
  );
});
