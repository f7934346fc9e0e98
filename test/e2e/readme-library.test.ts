/**
 * The README's library example, run as written against the built package and the simulator: it
 * stops on manifests with errors before any API call, and plans and applies valid ones. Beside it,
 * the library itself: a load with errors gives no desired state, and planTenant refuses to go on
 * without one.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadManifests, planTenant, UsageError, type DesiredState } from '../../src/index.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { settingsFromEnv, ZpaClient } from '../../src/zpa/index.js';
import { ROOT } from '../support/built-cli.js';
import { apiWrites, spreadLinks, tenantSeed } from '../support/sim.js';
import { removeWorkspaces, workspace } from '../support/workspace.js';

const run = promisify(execFile);

/** The README's `## Library` code block, importing the built package instead of `zpa-gitops`. */
function readmeExample(manifests: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /## Library\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error('README has no ts block under ## Library');
  const entry = pathToFileURL(join(ROOT, 'dist/index.js')).href;
  return block.replace("from 'zpa-gitops'", `from '${entry}'`).replace("['zpa/']", JSON.stringify([manifests]));
}

async function runExample(dir: string, env: object) {
  const script = join(dir, 'example.mjs');
  writeFileSync(script, readmeExample(join(dir, 'zpa')));
  try {
    const { stdout, stderr } = await run(process.execPath, [script], { env: { PATH: process.env['PATH'], ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Three links on portal-000; the manifest keeps two, one of them written with errors. */
const BROKEN = `apiVersion: zpa-gitops/v1
userPortals:
  portal-000:
    links:
      - name: link-00000
        link: https://app-0.corp.example.com
      - nmae: link-00001
        link: app-1.corp.example.com
`;
const VALID = `apiVersion: zpa-gitops/v1
userPortals:
  portal-000:
    links:
      - name: link-00000
        link: app-0.corp.example.com
        protocol: https://
      - name: link-00001
        link: app-1.corp.example.com
        protocol: https://
`;

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
  removeWorkspaces();
});
beforeEach(() => {
  sim.seed(tenantSeed(1, spreadLinks(3, 1).seed));
  sim.clearRequests();
});

describe("the README's library example", () => {
  it('stops on manifests with errors, naming them, before any API call', async () => {
    const dir = workspace({ 'zpa/portal.yaml': BROKEN });
    const result = await runExample(dir, sim.env());
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/portal\.yaml:\d+:\d+ error/);
    expect(sim.requests, 'no call at all, sign-in included').toEqual([]);
    expect(sim.snapshot().userPortalLinks).toHaveLength(3);
  });

  it('plans and applies valid manifests', async () => {
    const dir = workspace({ 'zpa/portal.yaml': VALID });
    const result = await runExample(dir, sim.env());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('link-00002');
    expect(apiWrites(sim).filter((r) => r.method === 'DELETE')).toHaveLength(1);
    expect(
      sim
        .snapshot()
        .userPortalLinks.map((l) => l.name)
        .sort(),
    ).toEqual(['link-00000', 'link-00001']);
  });
});

describe('the library with manifests that have errors', () => {
  it('gives no desired state, and planTenant refuses before any call', async () => {
    const dir = workspace({ 'zpa/portal.yaml': BROKEN });
    const loaded = await loadManifests([join(dir, 'zpa')]);
    expect(loaded.desired).toBeUndefined();
    expect(loaded.diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThanOrEqual(2);
    const client = new ZpaClient({ settings: settingsFromEnv({ ...sim.env() }) });
    try {
      await expect(planTenant(loaded.desired as unknown as DesiredState, client)).rejects.toThrow(UsageError);
    } finally {
      client.close();
    }
    expect(sim.requests).toEqual([]);
  });
});

describe("src/index.ts's example", () => {
  it('is the README example above, statement for statement, so the run above covers it too', () => {
    const withoutComment = (line: string) => line.replace(/\s*\/\/.*$/, '').trim();
    const head = /^\/\*\*\n([\s\S]*?)\*\//.exec(readFileSync(join(ROOT, 'src/index.ts'), 'utf8'))?.[1] ?? '';
    const example = head
      .split('\n')
      .filter((line) => line.startsWith(' *   '))
      .map((line) => withoutComment(line.slice(' *   '.length)));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = (/## Library\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '').split('\n').map(withoutComment);
    expect(example.length).toBeGreaterThanOrEqual(5);
    expect(example.filter((line) => !block.includes(line))).toEqual([]);
  });
});
