/**
 * `fmt`: a folder of messy manifests formats to the golden folder, a second run changes nothing,
 * every comment survives, --check exits 1 on the messy folder and 0 on the result, and what
 * `export` writes is already formatted. Formatting and checking run once through the built CLI, as
 * a user runs it (the schema line is found from the bundle's place); the rest run in-process.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeed, startSimulator, type Simulator } from '../../src/sim/index.js';
import { builtCli, ROOT } from '../support/built-cli.js';
import { cli } from '../support/cli.js';
import { removeWorkspaces, workspace } from '../support/workspace.js';

const MESSY = join(ROOT, 'test/format/messy');
const GOLDEN = join(ROOT, 'test/format/formatted');
const MANIFESTS = ['client-settings.yaml', 'portals/engineering.yaml', 'portals/ops.yaml', 'portals/sales.yaml'];

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: demoSeed() });
});
afterAll(async () => {
  removeWorkspaces();
  await sim.close();
});

/** The messy folder at the same depth below a copy of the schema as in the repository, so schema lines match. */
function messyCopy(): { root: string; dir: string } {
  const root = workspace();
  mkdirSync(join(root, 'schemas'));
  cpSync(join(ROOT, 'schemas/manifest.schema.json'), join(root, 'schemas/manifest.schema.json'));
  const dir = join(root, 'test/format/messy');
  cpSync(MESSY, dir, { recursive: true });
  return { root, dir };
}

/** The CLI in this process, from the repository root unless told otherwise. */
const fmtCli = (argv: string[], options: { cwd?: string; env?: object } = {}) => cli(argv, { cwd: ROOT, ...options });

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

function comments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((token) => token.startsWith('#')).sort();
}

describe('zpa-gitops fmt', { timeout: 120_000 }, () => {
  it('formats the messy folder to the golden folder, lists what it changed, and leaves other YAML alone', async () => {
    const { root, dir } = messyCopy();
    const result = await builtCli(['fmt', 'test/format/messy'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(MANIFESTS.map((file) => `test/format/messy/${file}\n`).join(''));
    for (const file of MANIFESTS) expect(read(dir, file), file).toBe(read(GOLDEN, file));
    expect(read(dir, 'other/not-a-manifest.yaml')).toBe(read(MESSY, 'other/not-a-manifest.yaml'));
  });

  it('a second run changes nothing', async () => {
    const { root, dir } = messyCopy();
    await fmtCli(['fmt', 'test/format/messy'], { cwd: root });
    const once = MANIFESTS.map((file) => read(dir, file));
    const twice = await fmtCli(['fmt', 'test/format/messy'], { cwd: root });
    expect(twice).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(MANIFESTS.map((file) => read(dir, file))).toEqual(once);
  });

  it('keeps every comment', () => {
    for (const file of MANIFESTS) {
      const before = comments(read(MESSY, file)).filter((c) => !c.startsWith('# yaml-language-server:'));
      const after = comments(read(GOLDEN, file)).filter((c) => !c.startsWith('# yaml-language-server:'));
      expect(before.length, file).toBeGreaterThan(0);
      expect(after, file).toEqual(before);
    }
  });

  it('puts exactly one schema line first', () => {
    for (const file of MANIFESTS) {
      const text = read(GOLDEN, file);
      expect(text.split('\n')[0], file).toMatch(
        /^# yaml-language-server: \$schema=(\.\.\/)+schemas\/manifest\.schema\.json$/,
      );
      expect(text.match(/yaml-language-server/g), file).toHaveLength(1);
    }
  });

  it('--check exits 1 on the messy folder, naming its files and writing nothing; 0 on the result', async () => {
    const messy = await builtCli(['fmt', '--check', 'test/format/messy']);
    expect(messy.code).toBe(1);
    expect(messy.stdout).toBe(MANIFESTS.map((file) => `test/format/messy/${file}\n`).join(''));
    for (const file of MANIFESTS) expect(read(MESSY, file)).not.toBe(read(GOLDEN, file));
    const golden = await builtCli(['fmt', '-check', 'test/format/formatted', 'examples']);
    expect(golden).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--diff shows the change as a unified diff', async () => {
    const { root, dir } = messyCopy();
    const result = await fmtCli(['fmt', '--check', '--diff', 'test/format/messy/portals/ops.yaml'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '--- test/format/messy/portals/ops.yaml\n+++ test/format/messy/portals/ops.yaml\n@@ ',
    );
    expect(result.stdout).toContain('\n-  Ops: { prune: false');
    expect(result.stdout).toContain('\n+    prune: false\n');
    expect(read(dir, 'portals/ops.yaml')).toBe(read(MESSY, 'portals/ops.yaml'));
  });

  it('a file that is not valid YAML is reported with its place and left as it was', async () => {
    const dir = workspace({ 'bad.yaml': 'apiVersion: zpa-gitops/v1\nuserPortals: [unclosed\n' });
    const result = await fmtCli(['fmt', '.'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bad\.yaml:\d+:\d+ error /);
    expect(read(dir, 'bad.yaml')).toBe('apiVersion: zpa-gitops/v1\nuserPortals: [unclosed\n');
  });

  it('export writes what fmt would: portals/<name>.yaml, client-settings.yaml, icons, and fmt --check passes', async () => {
    const dir = workspace();
    const exported = await fmtCli(['export', '--out', 'zpa'], { cwd: dir, env: sim.env() });
    expect(exported.code).toBe(0);
    expect(readdirSync(join(dir, 'zpa')).sort()).toEqual(['client-settings.yaml', 'icons', 'portals']);
    expect(readdirSync(join(dir, 'zpa/portals')).sort()).toEqual(['engineering.yaml', 'ops.yaml', 'sales.yaml']);
    const check = await fmtCli(['fmt', '--check', 'zpa'], { cwd: dir });
    expect(check).toEqual({ code: 0, stdout: '', stderr: '' });
    const valid = await fmtCli(['validate', 'zpa'], { cwd: dir });
    expect(valid.code).toBe(0);
  });

  it('an export edited by hand into another style is put back by fmt', async () => {
    const dir = workspace();
    await fmtCli(['export', '--out', '.'], { cwd: dir, env: sim.env() });
    const file = join(dir, 'portals/ops.yaml');
    const exported = readFileSync(file, 'utf8');
    // Every string value double-quoted, and no schema line: still the same data.
    writeFileSync(
      file,
      exported.replace(/^# yaml-language-server.*\n/, '').replace(/: (?!true$|false$)(.+)$/gm, ': "$1"'),
    );
    expect((await fmtCli(['fmt', '--check', '.'], { cwd: dir })).code).toBe(1);
    expect((await fmtCli(['fmt'], { cwd: dir })).stdout).toBe('portals/ops.yaml\n');
    expect(readFileSync(file, 'utf8')).toBe(exported);
  });
});
