/** Export from a live tenant, then plan the exported files: nothing to change. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeed, startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { removeWorkspaces, workspace } from '../support/workspace.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: demoSeed(), htmlEscape: true });
});
afterAll(async () => {
  removeWorkspaces();
  await sim.close();
});

describe('export', () => {
  it('round-trips: the exported manifests plan to no changes', async () => {
    const dir = workspace();
    const exported = await cli(['export', '--out', 'zpa'], { cwd: dir, env: sim.env() });
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(existsSync(join(dir, 'zpa', 'client-settings.yaml'))).toBe(true);
    const plan = await cli(['plan', 'zpa', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
    expect(plan.stderr).not.toMatch(/ error /); // the seed's http:// link earns a warning, no more
    expect(plan.stdout).toContain('No changes. The tenant matches the manifests.');
    expect(plan.code).toBe(0);
  });

  it('writes a link shared by several portals once, and by name elsewhere', async () => {
    const dir = workspace();
    await cli(['export', '--out', '.'], { cwd: dir, env: sim.env() });
    const shared = sim.snapshot().userPortalLinks.find((l) => l.userPortalIds.length > 1);
    expect(shared).toBeDefined();
    const texts = sim
      .snapshot()
      .userPortals.map((p) =>
        readFileSync(join(dir, 'portals', `${p.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.yaml`), 'utf8'),
      );
    const full = texts.filter((t) => t.includes(`name: ${shared!.name}\n        link:`));
    expect(full).toHaveLength(1);
  });

  it('keeps existing files unless --force', async () => {
    const dir = workspace();
    expect((await cli(['export'], { cwd: dir, env: sim.env() })).code).toBe(0);
    const again = await cli(['export'], { cwd: dir, env: sim.env() });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/would overwrite .*--force/);
    expect((await cli(['export', '--force'], { cwd: dir, env: sim.env() })).code).toBe(0);
  });

  it('--target narrows the export, --portal still works with a notice, and neither writes ignore keys', async () => {
    const dir = workspace();
    const targeted = await cli(['export', '--target', 'portal:Ops', '--target', 'client-setting:ZAPP_CLIENT'], {
      cwd: dir,
      env: sim.env(),
    });
    expect(targeted.stderr).toBe('');
    expect(targeted.code).toBe(0);
    expect(existsSync(join(dir, 'portals', 'ops.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'portals', 'engineering.yaml'))).toBe(false);
    expect(readFileSync(join(dir, 'client-settings.yaml'), 'utf8')).toContain('ZAPP_CLIENT');
    // Only the type asked for: the tenant has no ISOLATION_CLIENT setting, so the file is empty.
    const other = workspace();
    await cli(['export', '--target', 'client-setting:ISOLATION_CLIENT'], { cwd: other, env: sim.env() });
    const none = readFileSync(join(other, 'client-settings.yaml'), 'utf8');
    expect(none).toContain('apiVersion: zpa-gitops/v1');
    expect(none).not.toContain('ZAPP_CLIENT');
    expect(readFileSync(join(dir, 'portals', 'ops.yaml'), 'utf8')).not.toMatch(/ignore/);

    // A client-settings target alone exports client settings alone: no portal, no link, no icon.
    for (const target of ['client-settings', 'client-setting:ZAPP_CLIENT']) {
      const settingsOnly = workspace();
      const only = await cli(['export', '--target', target], { cwd: settingsOnly, env: sim.env() });
      expect(only.code).toBe(0);
      expect(only.stdout).toBe('Exported 1 file to .: client-settings.yaml\n');
      expect(readdirSync(settingsOnly).filter((name) => name !== '.git')).toEqual(['client-settings.yaml']);
    }

    const old = workspace();
    const alias = await cli(['export', '--portal', 'Sales'], { cwd: old, env: sim.env() });
    expect(alias.code).toBe(0);
    expect(alias.stderr).toBe(
      'notice: export --portal NAME is deprecated and will go in the next release; use --target portal:NAME\n',
    );
    expect(existsSync(join(old, 'portals', 'sales.yaml'))).toBe(true);
    expect(existsSync(join(old, 'client-settings.yaml'))).toBe(false);

    const link = await cli(['export', '--target', 'link:Grafana'], { cwd: workspace(), env: sim.env() });
    expect(link.code).toBe(1);
    expect(link.stderr).toContain('export writes whole portals');
  });
});
