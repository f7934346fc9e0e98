/**
 * What export writes on disk: an icon file per link, file names every file system takes, every file
 * or none, and never a write through a symbolic link it finds in the folder. Each export is then
 * planned: an export describes the tenant, so its plan has no changes.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import type { SimSeed } from '../../src/sim/types.js';
import { cli } from '../support/cli.js';
import { removeWorkspaces, workspace } from '../support/workspace.js';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  removeWorkspaces();
  await sim.close();
});

/** Every file under `dir`, as paths relative to it (the `.git` marker left out). */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .filter((path) => !path.startsWith('.git'))
    .sort();
}

async function exportAndPlan(seed: SimSeed): Promise<{ dir: string; files: string[] }> {
  sim.seed(seed);
  const dir = workspace();
  const exported = await cli(['export', '--out', 'zpa'], { cwd: dir, env: sim.env() });
  expect(exported.stderr).toBe('');
  expect(exported.code).toBe(0);
  const plan = await cli(['plan', 'zpa', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
  expect(plan.stderr).toBe('');
  expect(plan.stdout).toContain('No changes. The tenant matches the manifests.');
  expect(plan.code).toBe(0);
  return { dir, files: filesIn(join(dir, 'zpa')) };
}

describe('export icons', { timeout: 120_000 }, () => {
  it('gives each of two links whose names make one file name its own icon file', async () => {
    const { dir, files } = await exportAndPlan({
      userPortals: [{ name: 'Ops' }],
      userPortalLinks: [
        { name: 'CRM', link: 'crm.corp.example.com', iconText: PNG, logoFileName: 'logo.png', portals: ['Ops'] },
        { name: 'crm', link: 'crm2.corp.example.com', iconText: GIF, logoFileName: 'logo.png', portals: ['Ops'] },
        { name: 'C.R.M', link: 'crm3.corp.example.com', iconText: GIF, portals: ['Ops'] },
      ],
    });
    const icons = files.filter((file) => file.startsWith('icons/'));
    expect(icons).toHaveLength(3);
    const contents = icons.map((file) => readFileSync(join(dir, 'zpa', file)).toString('base64'));
    expect(contents.sort()).toEqual([PNG, GIF, GIF].map((uri) => uri.split(',')[1]).sort());
  });

  it('round-trips a single link with an icon and no logoFileName', async () => {
    const { files } = await exportAndPlan({
      userPortals: [{ name: 'Ops' }],
      userPortalLinks: [{ name: 'Grafana', link: 'grafana.corp.example.com', iconText: PNG, portals: ['Ops'] }],
    });
    expect(files).toContain('icons/grafana/grafana.png');
  });
});

describe('export file names', { timeout: 120_000 }, () => {
  it('shortens names longer than a file system takes, each still its own file', async () => {
    // 255 characters, the most ZPA takes: `<slug>.png` alone would be 259 bytes, over the usual limit.
    const long = 'Quarterly Business Review Dashboards '.repeat(7).slice(0, 254);
    const { files } = await exportAndPlan({
      userPortals: [{ name: 'Ops' }],
      userPortalLinks: [
        { name: `${long}A`, link: 'a.corp.example.com', iconText: PNG, portals: ['Ops'] },
        { name: `${long}B`, link: 'b.corp.example.com', iconText: GIF, portals: ['Ops'] },
      ],
    });
    const icons = files.filter((file) => file.startsWith('icons/'));
    expect(icons).toHaveLength(2);
    expect(new Set(icons.map((file) => file.split('/')[1])).size).toBe(2);
    for (const file of files) for (const part of file.split('/')) expect(Buffer.byteLength(part)).toBeLessThan(200);
  });

  it('writes every file or none: a folder in the way stops it before the first file', async () => {
    sim.seed({
      userPortals: [{ name: 'Ops' }, { name: 'Sales' }],
      userPortalLinks: [{ name: 'Grafana', link: 'grafana.corp.example.com', iconText: PNG, portals: ['Ops'] }],
    });
    const dir = workspace({ 'zpa/icons': 'a file where the icons folder goes\n' });
    const result = await cli(['export', '--out', 'zpa', '--force'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error: export cannot write ${join(dir, 'zpa', 'icons/grafana/grafana.png')}: ${join(dir, 'zpa', 'icons')} is not a folder (nothing was written)\n`,
    );
    expect(filesIn(join(dir, 'zpa'))).toEqual(['icons']);
  });
});

describe('export --force and symbolic links', { timeout: 120_000 }, () => {
  const seed: SimSeed = {
    userPortals: [{ name: 'Ops' }],
    userPortalLinks: [{ name: 'Grafana', link: 'grafana.corp.example.com', iconText: PNG, portals: ['Ops'] }],
  };

  it.each([
    ['a file', 'portals/ops.yaml', 'portals/ops.yaml'],
    ['a folder', 'icons', 'icons/grafana/grafana.png'],
  ])('never writes through a symbolic link to %s found in --out', async (_, link, file) => {
    sim.seed(seed);
    const dir = workspace();
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'ops.yaml'), 'precious\n');
    mkdirSync(join(dir, 'zpa', 'portals'), { recursive: true });
    const target = link === 'icons' ? outside : join(outside, 'ops.yaml');
    symlinkSync(target, join(dir, 'zpa', link));
    const result = await cli(['export', '--out', 'zpa', '--force'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: export will not write through the symbolic link ${join(dir, 'zpa', link)}`);
    expect(result.stderr).toContain(`${file} would go through it`);
    expect(result.stderr).toMatch(/\(nothing was written\)\n$/);
    // The file the link points at, and the folder, are as they were; nothing was written beside them.
    expect(readFileSync(join(outside, 'ops.yaml'), 'utf8')).toBe('precious\n');
    expect(readdirSync(outside)).toEqual(['ops.yaml']);
    expect(lstatSync(join(dir, 'zpa', link)).isSymbolicLink()).toBe(true);
    expect(filesIn(join(dir, 'zpa'))).toEqual([link]);
    expect(existsSync(join(dir, 'zpa', 'client-settings.yaml'))).toBe(false);
  });
});
