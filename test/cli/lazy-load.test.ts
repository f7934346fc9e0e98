/**
 * Commands load what they run: the built CLI under a module-load hook that records every file
 * Node loads. The CLI is bundled (scripts/bundle-cli.mjs); the bundle's metafile says which of our
 * modules and which packages each loaded chunk holds. `--version`, `validate` and `show` must load
 * neither got (the HTTP client) nor the simulator, and `validate` of plain manifests not even the yaml
 * package.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;

const HOOKS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.LOAD_TRACE, url + '\\n');
  return next(url, context);
}
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zpa-gitops-load-'));
  await writeFile(join(dir, 'hooks.mjs'), HOOKS);
  await writeFile(
    join(dir, 'links.yaml'),
    'apiVersion: zpa-gitops/v1\nuserPortals:\n  Eng:\n    links:\n      - name: A\n        link: a.example.com\n',
  );
  await writeFile(join(dir, 'broken.yaml'), 'apiVersion: zpa-gitops/v1\nuserPortals:\n  Eng:\n    links: 7\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface BundleMeta {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

let meta: BundleMeta;
beforeAll(async () => {
  meta = JSON.parse(await readFile(join(root, 'dist/cli/bundle-meta.json'), 'utf8')) as BundleMeta;
});

/** The modules (bundle inputs, e.g. `dist/cli/commands/plan.js`, `node_modules/got/...`) one CLI run loads. */
async function modulesLoaded(args: string[], trace: string, env: object = {}): Promise<string[]> {
  const files = await filesLoaded(args, trace, env);
  const prefix = pathToFileURL(root).href;
  const chunks = files.filter((url) => url.startsWith(prefix)).map((url) => url.slice(prefix.length));
  expect(chunks, 'the hook records the CLI entry').toContain('dist/cli/main.js');
  return chunks.flatMap((chunk) => {
    const output = meta.outputs[chunk];
    // A file of ours outside the bundle is a module in itself.
    return output === undefined ? [chunk] : Object.keys(output.inputs);
  });
}

/** The URLs of the files one CLI run loads. */
async function filesLoaded(args: string[], trace: string, env: object): Promise<string[]> {
  const hooks = pathToFileURL(join(dir, 'hooks.mjs')).href;
  const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(hooks)})`;
  // The exit code does not matter here, only what was loaded on the way.
  await run(process.execPath, ['--import', register, 'dist/cli/main.js', ...args], {
    cwd: root,
    env: { PATH: process.env['PATH'], NO_COLOR: '1', LOAD_TRACE: join(dir, trace), ...env },
  }).catch(() => undefined);
  return (await readFile(join(dir, trace), 'utf8')).split('\n').filter(Boolean);
}

const heavy = (module: string) => /(^|\/)node_modules\/got\//.test(module) || /^dist\/(sim|zpa)\//.test(module);

describe('what each command loads', () => {
  it('--version loads no command module, no client and no simulator', async () => {
    const loaded = await modulesLoaded(['--version'], 'version.txt');
    expect(loaded, 'the metafile names our modules').toContain('dist/cli/run.js');
    expect(loaded.filter((m) => m.startsWith('dist/cli/commands/'))).toEqual([]);
    expect(loaded.filter(heavy)).toEqual([]);
  });

  it('validate loads its own command module, and neither got nor the simulator', async () => {
    const loaded = await modulesLoaded(['validate', join(dir, 'links.yaml')], 'validate.txt');
    expect(loaded).toContain('dist/cli/commands/validate.js');
    expect(loaded.filter(heavy)).toEqual([]);
  });

  it('validate of plain manifests leaves the yaml package unloaded; a file with a problem loads it', async () => {
    const yaml = (modules: string[]) => modules.filter((m) => /(^|\/)node_modules\/yaml\//.test(m));
    expect(yaml(await modulesLoaded(['validate', join(dir, 'links.yaml')], 'plain.txt'))).toEqual([]);
    const broken = await modulesLoaded(['validate', join(dir, 'broken.yaml')], 'broken.txt');
    expect(yaml(broken).length).toBeGreaterThan(0);
  });

  it('ZPA_GITOPS_YAML=full sends plain manifests to the yaml package', async () => {
    const yaml = (modules: string[]) => modules.filter((m) => /(^|\/)node_modules\/yaml\//.test(m));
    const full = { ZPA_GITOPS_YAML: 'full' };
    expect(yaml(await modulesLoaded(['validate', join(dir, 'links.yaml')], 'full.txt', full)).length).toBeGreaterThan(
      0,
    );
  });

  it('show, which renders a saved plan, loads neither got nor the client', async () => {
    await writeFile(join(dir, 'saved.json'), JSON.stringify({ formatVersion: 1, digest: 'not checked first' }));
    const loaded = await modulesLoaded(['show', join(dir, 'saved.json')], 'show.txt');
    expect(loaded).toContain('dist/cli/commands/show.js');
    expect(loaded.filter(heavy)).toEqual([]);
  });

  it('plan loads got (so the check above can fail), but not the simulator', async () => {
    // A bad flag stops plan before any call, after its module (and so the client) was loaded.
    const loaded = await modulesLoaded(['plan', '--format', 'nope'], 'plan.txt');
    expect(loaded.some((m) => /(^|\/)node_modules\/got\//.test(m))).toBe(true);
    expect(loaded.filter((m) => m.startsWith('dist/sim/'))).toEqual([]);
  });

  it("plan and show leave ajv's compiler unloaded: their validators are compiled at build time", async () => {
    const compiler = (modules: string[]) => modules.filter((m) => /(^|\/)node_modules\/ajv\/dist\/core\.js$/.test(m));
    // The compiler is in the bundle (compiling at run time is the fallback where nothing was built),
    // so a run that loaded its chunk would be seen: the checks below can fail.
    expect(compiler(Object.values(meta.outputs).flatMap((output) => Object.keys(output.inputs))).length).toBe(1);
    expect(compiler(await modulesLoaded(['plan', '--format', 'nope'], 'plan-ajv.txt'))).toEqual([]);
    // show checks a plan file against its schema.
    await writeFile(join(dir, 'plan.json'), JSON.stringify({ formatVersion: 1, digest: 'not checked first' }));
    expect(compiler(await modulesLoaded(['show', join(dir, 'plan.json')], 'show-ajv.txt'))).toEqual([]);
    // And the built validator works: the file is refused by its schema, not by a crash.
    const refused = await run(process.execPath, ['dist/cli/main.js', 'show', join(dir, 'plan.json')], {
      cwd: root,
    }).catch((error: { stdout: string; stderr: string }) => error);
    expect(refused.stderr).toContain('is not a valid zpa-gitops plan file');
  });
});
