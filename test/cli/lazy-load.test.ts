/**
 * Commands load what they run: the built CLI under a module-load hook that records every module
 * Node loads. `--version` and `validate` must load neither got (the HTTP client) nor the simulator.
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
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The URLs of the modules one CLI run loads. */
async function modulesLoaded(args: string[], trace: string): Promise<string[]> {
  const hooks = pathToFileURL(join(dir, 'hooks.mjs')).href;
  const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(hooks)})`;
  // The exit code does not matter here, only what was loaded on the way.
  await run(process.execPath, ['--import', register, 'dist/cli/main.js', ...args], {
    cwd: root,
    env: { PATH: process.env['PATH'], NO_COLOR: '1', LOAD_TRACE: join(dir, trace) },
  }).catch(() => undefined);
  return (await readFile(join(dir, trace), 'utf8')).split('\n').filter(Boolean);
}

const heavy = (url: string) => /\/node_modules\/got\//.test(url) || /\/dist\/(sim|zpa)\//.test(url);

describe('what each command loads', () => {
  it('--version loads no command module, no client and no simulator', async () => {
    const loaded = await modulesLoaded(['--version'], 'version.txt');
    expect(
      loaded.some((u) => u.endsWith('/dist/cli/run.js')),
      'the hook records our modules',
    ).toBe(true);
    expect(loaded.filter((u) => u.includes('/dist/cli/commands/'))).toEqual([]);
    expect(loaded.filter(heavy)).toEqual([]);
  });

  it('validate loads its own command module, and neither got nor the simulator', async () => {
    const loaded = await modulesLoaded(['validate', join(dir, 'links.yaml')], 'validate.txt');
    expect(loaded.some((u) => u.endsWith('/dist/cli/commands/validate.js'))).toBe(true);
    expect(loaded.filter(heavy)).toEqual([]);
  });

  it('plan loads got (so the check above can fail), but not the simulator', async () => {
    // A bad flag stops plan before any call, after its module (and so the client) was loaded.
    const loaded = await modulesLoaded(['plan', '--format', 'nope'], 'plan.txt');
    expect(loaded.some((u) => /\/node_modules\/got\//.test(u))).toBe(true);
    expect(loaded.filter((u) => /\/dist\/sim\//.test(u))).toEqual([]);
  });
});
