/**
 * Habits and the simulator's hygiene, in-process (test/support/cli.ts) against the simulator over
 * HTTP: typos get a did-you-mean, FORCE_COLOR=0 turns colour off, global flags may come first,
 * a busy port is a user error, both credential sets are named, the simulator's lines set only its
 * own variables and its state file is private.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as prettier from 'prettier';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { instructionsFor, simulatorOnlyEnv } from '../../src/sim/serve.js';
import { wantsColor } from '../../src/render/style.js';
import { cli } from '../support/cli.js';
import { removeWorkspaces, workspace } from '../support/workspace.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: { userPortals: [{ name: 'Engineering' }] } });
});
afterAll(async () => {
  removeWorkspaces();
  await sim.close();
});

const manifests = () =>
  workspace({ 'zpa.yaml': { userPortals: { Engineering: { links: [{ name: 'Grafana', link: 'g.example.com' }] } } } });

describe('habits', { timeout: 120_000 }, () => {
  it.each([
    ['paln', 'plan'],
    ['dcotor', 'doctor'],
    ['aplpy', 'apply'],
  ])('a transposed command "%s" suggests "%s"', async (typed, meant) => {
    const result = await cli([typed]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: unknown command "${typed}" (did you mean "${meant}"?); see zpa-gitops --help\n`);
  });

  it('FORCE_COLOR=0 turns colour off, even on a terminal', async () => {
    expect(wantsColor({ FORCE_COLOR: '0' }, true)).toBe(false);
    const result = await cli(['plan', '.'], { cwd: manifests(), env: { ...sim.env(), FORCE_COLOR: '0' }, tty: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+ create link "Grafana"');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('a global flag may come before the command', async () => {
    const result = await cli(['-no-color', 'plan', '.'], {
      cwd: manifests(),
      env: { ...sim.env(), FORCE_COLOR: '1' },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+ create link "Grafana"');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('sim --port on a port already in use is a one-line user error', async () => {
    const result = await cli(['sim', '--port', String(sim.port)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error: --port ${sim.port}: the port is already in use on 127.0.0.1; choose another, or --port 0 for any free one\n`,
    );
  });

  it('plan names the sign-in it uses when both credential sets are set', async () => {
    const result = await cli(['plan', '.'], { cwd: manifests(), env: { ...sim.env(), ...sim.oneApiEnv() } });
    expect(result.code).toBe(0);
    const host = new URL(sim.url).host;
    expect(result.stderr).toBe(
      `warning: both ZPA_CLIENT_ID (legacy) and ZSCALER_CLIENT_ID (OneAPI) are set; signing in with OneAPI (ZSCALER_CLIENT_ID) at ${host}, API ${host}, customer ${sim.customerId}. Unset the other set to silence this.\n`,
    );
    const one = await cli(['plan', '.'], { cwd: manifests(), env: sim.env() });
    expect(one.stderr).toBe('');
  });
});

describe('the simulator runs with its own variables only', () => {
  it('its printed blocks unset the connection variables they do not set', () => {
    const text = instructionsFor(sim);
    expect(text).toContain(
      'unset ZPA_MICROTENANT_ID ZSCALER_CLIENT_ID ZSCALER_CLIENT_SECRET ZSCALER_VANITY_DOMAIN ZSCALER_CLOUD\nexport ZPA_CLIENT_ID=',
    );
    expect(text).toContain(
      'unset ZPA_CLIENT_ID ZPA_CLIENT_SECRET ZPA_CLOUD ZPA_MICROTENANT_ID\nexport ZSCALER_CLIENT_ID=',
    );
    // Run as a shell would: nothing of the real tenant survives the legacy block.
    const block = text.split('\n').filter((line) => /^(unset|export) /.test(line));
    const legacy = block.slice(
      0,
      block.findIndex((line, i) => i > 0 && line.startsWith('unset')),
    );
    const out = execFileSync('sh', ['-c', `${legacy.join('\n')}\nenv`], {
      env: { PATH: process.env['PATH'], ZSCALER_CLIENT_ID: 'real', ZPA_MICROTENANT_ID: '7' },
      encoding: 'utf8',
    });
    expect(out).not.toMatch(/^ZSCALER_|^ZPA_MICROTENANT_ID/m);
    expect(out).toMatch(/^ZPA_CLOUD=http:\/\/127\.0\.0\.1:/m);
  });

  it("the demo's environment holds no ZPA_* or ZSCALER_* but the simulator's", () => {
    const env = simulatorOnlyEnv(
      { PATH: '/bin', ZSCALER_CLIENT_ID: 'real', ZSCALER_VANITY_DOMAIN: 'acme', ZPA_CLOUD: 'PRODUCTION' },
      sim.env(),
    );
    expect(env).toEqual({ PATH: '/bin', ...sim.env() });
  });

  it('its state file is written mode 600', async () => {
    const file = join(workspace(), 'sim-state.json');
    const stateful = await startSimulator({ stateFile: file, seed: { userPortals: [{ name: 'Ops' }] } });
    try {
      await cli(['plan', '.', '--allow-empty'], { cwd: workspace({}), env: stateful.env() });
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      await stateful.close();
    }
  });
});

describe('saved plans stay out of git and the formatter', () => {
  it.each(['plan.json', 'ops.plan.json'])('%s', async (name) => {
    const root = join(import.meta.dirname, '../..');
    const info = await prettier.getFileInfo(join(root, name), { ignorePath: join(root, '.prettierignore') });
    expect(info.ignored).toBe(true);
    expect(execFileSync('git', ['check-ignore', name], { cwd: root, encoding: 'utf8' }).trim()).toBe(name);
  });
});
