/**
 * The built CLI in real Node (some import mistakes pass in vitest and fail in Node), and the demo,
 * as `npm run demo` runs it.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const main = 'dist/cli/main.js';

async function node(args: string[], env: object = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      cwd: root,
      env: { PATH: process.env['PATH'], NO_COLOR: '1', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: { userPortals: [{ name: 'Engineering' }, { name: 'Ops' }, { name: 'Sales' }] } });
});
afterAll(() => sim.close());

describe('the built CLI', () => {
  it('prints its version and help', async () => {
    const version = await node([main, '--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = await node([main, 'plan', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: zpa-gitops plan');
  });

  it('rejects an unknown flag with a hint and no stack trace', async () => {
    const result = await node([main, 'plan', '--nope']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: Unknown option '--nope'.*zpa-gitops plan --help/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('validates the examples offline', async () => {
    const result = await node([main, 'validate', 'examples/manifests']);
    expect(result.stdout).toContain('Valid: 4 manifest files');
    expect(result.code).toBe(0);
  });

  it('plans the examples against the simulator', async () => {
    const result = await node([main, 'plan', 'examples/manifests', '--detailed-exitcode'], sim.env());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('+ create link "Grafana"');
  });

  it('runs doctor, write probe included, against the simulator', async () => {
    const result = await node([main, 'doctor', '--write-probe', 'Ops'], sim.env());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✓ user portals: 3 read in 1 page');
    expect(result.stdout).toContain('✓ write probe: deleted 2 probe links; none is left');
  });

  it('runs the demo to a clean second plan', async () => {
    const result = await node(['dist-scripts/scripts/demo/main.js']);
    expect(result.code).toBe(0);
    const lastPlan = result.stdout.slice(result.stdout.lastIndexOf('## 4.'));
    expect(lastPlan).toContain('No changes. The tenant matches the manifests.');
    expect(result.stdout).toMatch(/Apply complete: 4 created, 4 updated, 2 deleted/);
  }, 60_000);
});
