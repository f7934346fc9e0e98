/**
 * action.yml's steps as a runner runs them (test/support/recipe-runner.ts: bash, GITHUB_ACTION_PATH,
 * RUNNER_TEMP, GITHUB_PATH) on a release tree: zpa-gitops ends up on PATH with no npm command and no
 * network. Tripwires stand in for every installer and downloader on PATH, and every proxy variable
 * points at a listener this test holds, so a fetch would be seen.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBash, runCompositeAction, type CompositeResult } from '../support/recipe-runner.js';
import { buildRelease, type Release } from '../support/release.js';

const TRIPWIRES = ['npm', 'npx', 'pnpm', 'yarn', 'corepack', 'curl', 'wget', 'git'];

let release: Release;
let scratch: string;
let tripwires: string;
let calls: string;
let proxy: Server;
let connections = 0;

beforeAll(async () => {
  release = await buildRelease();
  scratch = mkdtempSync(join(tmpdir(), 'zpa-gitops-action-test-'));
  tripwires = join(scratch, 'tripwires');
  calls = join(scratch, 'calls.log');
  writeFileSync(calls, '');
  mkdirSync(tripwires);
  for (const name of TRIPWIRES) {
    const file = join(tripwires, name);
    writeFileSync(file, `#!/bin/sh\necho "${name} $*" >> "${calls}"\nexit 1\n`);
    chmodSync(file, 0o755);
  }
  proxy = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
}, 300_000); // a hang guard: the release build packs two tarballs

afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A runner's environment: tripwires first on PATH, then Node, then the system's tools. */
function runnerEnv(first: string[] = []): Record<string, string> {
  const address = proxy.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const home = mkdtempSync(join(scratch, 'home-'));
  return {
    PATH: [...first, tripwires, dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: home,
    RUNNER_TEMP: mkdtempSync(join(scratch, 'runner-temp-')),
    GITHUB_ACTIONS: 'true',
    HTTP_PROXY: url,
    HTTPS_PROXY: url,
    http_proxy: url,
    https_proxy: url,
    npm_config_proxy: url,
    npm_config_https_proxy: url,
  };
}

/** A `node` on PATH that logs its arguments to `log`, then runs this Node. */
function loggingNode(log: string): string {
  const bin = mkdtempSync(join(scratch, 'node-'));
  writeFileSync(join(bin, 'node'), `#!/bin/sh\necho "node $1" >> "${log}"\nexec "${process.execPath}" "$@"\n`);
  chmodSync(join(bin, 'node'), 0o755);
  return bin;
}

async function versionAfter(result: CompositeResult, env: Record<string, string>): Promise<string> {
  const path = [...[...result.path].reverse(), env['PATH']].join(':');
  const outcome = await runBash('zpa-gitops --version', { ...env, PATH: path }, scratch);
  expect(outcome.code, outcome.output).toBe(0);
  return outcome.output.trim();
}

describe('action.yml on a release tree', () => {
  it('puts the bundle on PATH: no npm command, no setup-node, nothing fetched', async () => {
    const env = runnerEnv();
    const result = await runCompositeAction({ actionPath: release.tree, env, cwd: scratch });
    expect(result.code, result.output).toBe(0);
    expect(result.outputs['choose']).toMatchObject({ install: 'bundle', 'setup-node': 'false' });
    expect(result.used).toEqual([]);
    expect(result.outputs['check']?.['version']).toBe(release.version);
    expect(await versionAfter(result, env)).toBe(release.version);
    expect(readFileSync(calls, 'utf8')).toBe('');
    expect(connections).toBe(0);
  });

  it('checks the runner’s Node in one node process and the version with the CLI alone', async () => {
    const log = join(scratch, 'node.log');
    writeFileSync(log, '');
    const result = await runCompositeAction({
      actionPath: release.tree,
      env: runnerEnv([loggingNode(log)]),
      cwd: scratch,
    });
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain(`Node ${process.version} on the runner satisfies >=`);
    // The comparison of versions, then `zpa-gitops --version` through the launcher.
    expect(readFileSync(log, 'utf8')).toBe(`node -e\nnode ${join(release.tree, 'dist/cli/main.js')}\n`);
  });

  it('says so when the package.json at the ref has no version', async () => {
    const tree = mkdtempSync(join(scratch, 'tree-'));
    cpSync(release.tree, tree, { recursive: true });
    const { version: _, ...pkg } = JSON.parse(readFileSync(join(tree, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    writeFileSync(join(tree, 'package.json'), JSON.stringify(pkg, null, 2));
    const result = await runCompositeAction({ actionPath: tree, env: runnerEnv(), cwd: scratch });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`::error::${tree}/package.json has no version\n`);
    expect(result.outputs['check']).toEqual({});
  });

  it('asks for setup-node when the runner’s Node is older than the engines field needs', async () => {
    const tree = mkdtempSync(join(scratch, 'tree-'));
    cpSync(release.tree, tree, { recursive: true });
    const pkg = JSON.parse(readFileSync(join(tree, 'package.json'), 'utf8')) as { engines: { node: string } };
    writeFileSync(join(tree, 'package.json'), JSON.stringify({ ...pkg, engines: { node: '>=999.1' } }, null, 2));
    const result = await runCompositeAction({ actionPath: tree, env: runnerEnv(), cwd: scratch });
    expect(result.outputs['choose']).toMatchObject({
      install: 'bundle',
      'setup-node': 'true',
      'node-version': '999.1',
    });
    expect(result.used).toEqual([expect.stringMatching(/^actions\/setup-node@[0-9a-f]{40}$/)]);
  });

  it('asks for setup-node with the version a workflow gives', async () => {
    const result = await runCompositeAction({
      actionPath: release.tree,
      env: runnerEnv(),
      cwd: scratch,
      inputs: { 'node-version': '22' },
    });
    expect(result.outputs['choose']).toMatchObject({ 'setup-node': 'true', 'node-version': '22' });
  });

  it('on a ref without the bundle, says it builds from source and runs npm ci', async () => {
    const tree = mkdtempSync(join(scratch, 'branch-'));
    cpSync(release.tree, tree, { recursive: true, filter: (src) => !src.includes('/dist') });
    const result = await runCompositeAction({ actionPath: tree, env: runnerEnv(), cwd: scratch });
    expect(result.outputs['choose']?.['install']).toBe('source');
    expect(result.output).toMatch(/::notice::.*no bundled CLI.*building it from source/);
    expect(result.code).not.toBe(0); // the tripwire npm refused
    expect(readFileSync(calls, 'utf8')).toBe('npm ci --no-audit --no-fund --ignore-scripts\n');
    writeFileSync(calls, '');
  });
});
