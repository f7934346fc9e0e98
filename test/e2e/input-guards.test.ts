/**
 * Inputs that would surprise: each is one located error and exit 1, before any API call.
 */
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { isAuthPath, spreadLinks, tenantSeed } from '../support/sim.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  removeWorkspaces();
  await sim.close();
});
beforeEach(() => sim.reset());

const apiCalls = () => sim.requests.filter((r) => !isAuthPath(r.path));
const writes = () => apiCalls().filter((r) => r.method !== 'GET');
const manifest = (body: string) => `apiVersion: zpa-gitops/v1\n${body}`;
const LINK = 'userPortals:\n  Eng:\n    links:\n      - name: Grafana\n        link: grafana.example.com\n';

async function refused(argv: string[], dir: string, line: RegExp): Promise<void> {
  for (const command of [['validate'], ['plan'], ['apply', '--auto-approve']]) {
    sim.clearRequests();
    const result = await cli([...command, ...argv], { cwd: dir, env: sim.env() });
    expect(result.stderr, command[0]).toMatch(line);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code, command[0]).toBe(1);
    expect(sim.requests, `${command[0]} made no API call`).toEqual([]);
  }
}

describe('paths and folders', () => {
  it('refuses a path that names nothing', async () => {
    await refused(['renamed'], workspace(), /^error no such file or directory: renamed — /m);
  });

  it('refuses a folder with no files, and one holding only YAML that is not a manifest', async () => {
    const dir = workspace({ 'empty/.keep': '', 'other/compose.yaml': 'services:\n  web:\n    image: nginx\n' });
    await refused(['empty'], dir, /^error no manifests found in empty — .*pass --allow-empty/m);
    await refused(['other'], dir, /^error no manifests found in other — /m);
  });

  it('--allow-empty accepts an empty folder on purpose: validate passes and plan says no changes', async () => {
    const dir = workspace({ 'empty/.keep': '' });
    const validate = await cli(['validate', 'empty', '--allow-empty'], { cwd: dir });
    expect(validate.stderr).toMatch(/^warning no manifests found in empty/m);
    expect(validate.code).toBe(0);
    const plan = await cli(['plan', 'empty', '--allow-empty', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);
  });
});

describe('near-miss manifests are errors naming the file', () => {
  it.each([
    ['apiversion: zpa-gitops/v1\n', /^m\.yaml:1:1 error "apiversion" looks like apiVersion misspelled/m],
    ['APIVERSION: zpa-gitops/v1\n', /^m\.yaml:1:1 error "APIVERSION" looks like apiVersion misspelled/m],
    ['apiVersion: zpagitops/v1\n', /^m\.yaml:1:13 error apiVersion "zpagitops\/v1" is not zpa-gitops\/v1/m],
    ['apiVersion: ZPA-GitOps/v1\n', /^m\.yaml:1:13 error apiVersion "ZPA-GitOps\/v1" is not zpa-gitops\/v1/m],
    ['apiVersion: zpa-gitops/v2\n', /^m\.yaml:1:13 error apiVersion "zpa-gitops\/v2" is not supported/m],
  ])('%j', async (head, line) => {
    const dir = workspace({ 'm.yaml': `${head}${LINK}`, 'ok.yaml': manifest('') });
    await refused(['.'], dir, line);
  });
});

describe('symlinks', () => {
  it('refuses a manifest reached through a symlink that leaves the folder, file or folder', async () => {
    const outside = workspace({ 'real.yaml': manifest(LINK), 'sub/real.yaml': manifest(LINK) });
    const dir = workspace({ 'manifests/ok.yaml': manifest('') });
    symlinkSync(join(outside, 'real.yaml'), join(dir, 'manifests', 'linked.yaml'));
    await refused(
      ['manifests'],
      dir,
      /^manifests\/linked\.yaml:1:1 error manifest is a symlink leading outside manifests/m,
    );
    const dir2 = workspace({ 'manifests/ok.yaml': manifest('') });
    symlinkSync(join(outside, 'sub'), join(dir2, 'manifests', 'sub'));
    await refused(['manifests'], dir2, /^manifests\/sub\/real\.yaml:1:1 error manifest is a symlink leading outside/m);
  });

  it('still reads a symlink that stays inside the folder', async () => {
    const dir = workspace({ 'manifests/source/m.txt': manifest(LINK) });
    symlinkSync(join(dir, 'manifests', 'source', 'm.txt'), join(dir, 'manifests', 'm.yaml'));
    const result = await cli(['validate', 'manifests'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('1 links');
    expect(result.code).toBe(0);
  });
});

describe('lengths and control characters', () => {
  const long = (n: number) => 'a'.repeat(n);
  it.each([
    [
      `      - name: ${long(256)}\n        link: g.example.com\n`,
      /^m\.yaml:5:15 error name in link "a+…" is 256 characters long; at most 255/m,
    ],
    [
      `      - name: G\n        link: ${long(261)}\n`,
      /^m\.yaml:6:15 error link in link "G" is 261 characters long; at most 260/m,
    ],
    [
      `      - name: G\n        link: g.example.com\n        linkPath: /${long(2048)}\n`,
      /^m\.yaml:7:19 error linkPath in link "G" is 2049 characters long; at most 2048/m,
    ],
    [
      `      - name: G\n        link: g.example.com\n        description: ${long(2049)}\n`,
      /^m\.yaml:7:22 error description in link "G" is 2049 characters long; at most 2048/m,
    ],
    [
      '      - name: "Graf\\u0007ana"\n        link: g.example.com\n',
      /^m\.yaml:5:15 error name in link "Graf\\u0007ana" contains a control character \(U\+0007\)/m,
    ],
    [
      '      - name: G\n        link: "g.example.com\\r"\n',
      /^m\.yaml:6:15 error link in link "G" contains a control character \(U\+000D\)/m,
    ],
    [
      '      - name: G\n        link: g.example.com\n        description: "a\\u001bb"\n',
      /^m\.yaml:7:22 error description in link "G" contains a control character \(U\+001B\)/m,
    ],
  ])('%#', async (link, line) => {
    const dir = workspace({ 'm.yaml': manifest(`userPortals:\n  Eng:\n    links:\n${link}`) });
    await refused(['.'], dir, line);
  });

  it('accepts line breaks and tabs in a description', async () => {
    const dir = workspace({
      'm.yaml': manifest(
        'userPortals:\n  Eng:\n    links:\n      - name: G\n        link: g.example.com\n        description: |\n          two\n          lines\tand a tab\n',
      ),
    });
    const result = await cli(['validate'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('refuses a portal name with a control character or over 255 characters', async () => {
    const dir = workspace({ 'm.yaml': manifest(`userPortals:\n  "E\\tng": {}\n  ${long(256)}: {}\n`) });
    await refused(['.'], dir, /^m\.yaml:3:3 error portal name "E\\tng" contains a control character \(U\+0009\)/m);
    await refused(['.'], dir, /^m\.yaml:4:3 error portal name "a+…" is 256 characters long; at most 255/m);
  });
});

describe('at most 500 links per user portal', () => {
  it('validate refuses 501 links on one portal, at the portal', async () => {
    const { manifests } = spreadLinks(501, 1);
    const dir = workspace(portalManifests(manifests));
    await refused(
      ['.'],
      dir,
      /^portals\/portal-000\.yaml:\d+:\d+ error portal "portal-000" lists 501 links; ZPA allows at most 500 per user portal/m,
    );
  });

  it('plan refuses when live links plus creates would pass 500, before any write', async () => {
    // 400 links live on the portal; the manifests keep them (prune: false) and add 101 more.
    const { seed } = spreadLinks(400, 1);
    sim.seed(tenantSeed(1, seed));
    const added = Array.from({ length: 101 }, (_, i) => ({ name: `new-${i}`, link: `n${i}.example.com` }));
    const dir = workspace(portalManifests({ 'portal-000': added }, false));
    for (const command of [['plan'], ['apply', '--auto-approve']]) {
      sim.clearRequests();
      const result = await cli(command, { cwd: dir, env: sim.env() });
      expect(result.stderr).toMatch(/portal "portal-000" would hold 501 links after this plan; ZPA allows at most 500/);
      expect(result.code).toBe(1);
      expect(writes()).toEqual([]);
    }
    // Pruning the old ones makes room: the same 101 creates then fit.
    const pruning = workspace(portalManifests({ 'portal-000': added }));
    const plan = await cli(['plan', '--prune-threshold', '100'], { cwd: pruning, env: sim.env() });
    expect(plan.stderr).toBe('');
    expect(plan.stdout).toContain('Plan: 101 to create, 0 to update, 400 to delete.');
  });
});

describe('apply --plan and ZPA_MICROTENANT_ID', () => {
  it('refuses a saved plan for another microtenant than ZPA_MICROTENANT_ID, like another customer', async () => {
    sim.seed({ userPortals: [{ name: 'Eng' }] });
    const dir = workspace({ 'm.yaml': manifest(LINK) });
    const saved = await cli(['plan', '--out', 'plan.json'], { cwd: dir, env: sim.env() });
    expect(saved.code).toBe(0);
    sim.clearRequests();
    const env = { ...sim.env(), ZPA_MICROTENANT_ID: '145283994705985999' };
    const result = await cli(['apply', '--plan', 'plan.json'], { cwd: dir, env });
    expect(result.stderr).toBe(
      'error: Saved plan was made for another target (microtenantId 0 in the plan, 145283994705985999 in ZPA_MICROTENANT_ID). Run plan again.\n',
    );
    expect(result.code).toBe(3); // plan again and review, like a plan for another customer
    expect(apiCalls()).toEqual([]);
    // The same id as the plan's is fine.
    const same = await cli(['apply', '--plan', 'plan.json'], {
      cwd: dir,
      env: { ...sim.env(), ZPA_MICROTENANT_ID: '0' },
    });
    expect(same.code).toBe(0);
    expect(writes().length).toBe(1);
  });
});
