/**
 * The built CLI in real Node (some import mistakes pass in vitest and fail in Node), and the demo,
 * as `npm run demo` runs it.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { instructionsFor } from '../../src/sim/serve.js';
import { startCatcher } from '../support/catcher.js';

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

  it('runs the demo to a clean second plan, never using the credentials of the shell', async () => {
    const catcher = await startCatcher();
    try {
      const real = realLookingCredentials(catcher.url);
      const result = await node(['dist-scripts/scripts/demo/main.js'], real);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const lastPlan = result.stdout.slice(result.stdout.lastIndexOf('## 4.'));
      expect(lastPlan).toContain('No changes. The tenant matches the manifests.');
      expect(result.stdout).toMatch(/Apply complete: 4 created, 4 updated, 2 deleted/);
      // The shell's identity provider and API saw nothing: no sign-in, no read, no write.
      expect(catcher.received).toEqual([]);
      for (const value of [real.ZSCALER_CLIENT_SECRET, real.ZPA_CLIENT_SECRET, real.ZSCALER_CLIENT_ID])
        expect(result.stdout).not.toContain(value);
    } finally {
      await catcher.close();
    }
  }, 60_000);

  it.each(['legacy', 'OneAPI'])(
    'the %s block the simulator prints, pasted into a shell holding real credentials, uses none of them',
    async (block) => {
      const catcher = await startCatcher();
      try {
        const lines = instructionsFor(sim)
          .split('\n')
          .filter((line) => /^(unset|export) /.test(line));
        const second = lines.findIndex((line, i) => i > 0 && line.startsWith('unset'));
        const pasted = block === 'legacy' ? lines.slice(0, second) : lines.slice(second);
        const script = `${pasted.join('\n')}\n"$NODE" ${main} plan examples/manifests --detailed-exitcode`;
        const result = await run('sh', ['-c', script], {
          cwd: root,
          env: {
            PATH: process.env['PATH'],
            NO_COLOR: '1',
            NODE: process.execPath,
            ...realLookingCredentials(catcher.url),
          },
        }).then(
          (done) => ({ code: 0, ...done }),
          (error: { code: number; stdout: string; stderr: string }) => error,
        );
        // Only the simulator's variables: no warning about two credential sets, and the plan is the simulator's.
        expect(result.stderr).toBe('');
        expect(result.code).toBe(2);
        expect(result.stdout).toContain('+ create link "Grafana"');
        expect(catcher.received).toEqual([]);
      } finally {
        await catcher.close();
      }
    },
  );
});

/** What a shell of someone with a real tenant holds: both credential sets, every host the catcher. */
function realLookingCredentials(catcher: string) {
  return {
    ZSCALER_CLIENT_ID: 'oneapi-7f3c9a1e-client',
    ZSCALER_CLIENT_SECRET: 'Zs0neApiSecret-4f9e8d7c6b5a49382716',
    ZSCALER_VANITY_DOMAIN: 'acme',
    ZSCALER_CLOUD: catcher,
    ZPA_CLIENT_ID: 'NzIxNjE5OTYxODE0MzE5MTA0MA==',
    ZPA_CLIENT_SECRET: 'LegacyZpaSecret-0a1b2c3d4e5f6a7b8c9d',
    ZPA_CUSTOMER_ID: '216199618143191040',
    ZPA_CLOUD: catcher,
    ZPA_MICROTENANT_ID: '216199618143191041',
  };
}
