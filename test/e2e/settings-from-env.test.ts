/**
 * Settings read from the environment, through the built CLI: ZPA_GITOPS_RATE_LIMITS sets the
 * client's budgets; ZPA_GITOPS_YAML=full reads alike. A bad value of either is one line, before any call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { builtCli } from '../support/built-cli.js';
import { removeWorkspaces, workspace } from '../support/workspace.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  removeWorkspaces();
  await sim.close();
});

const manifests = {
  'zpa.yaml': { userPortals: { Ops: { links: [{ name: 'Grafana', link: 'grafana.corp.example.com' }] } } },
};

describe('ZPA_GITOPS_RATE_LIMITS', { timeout: 120_000 }, () => {
  it('a value that does not parse stops the command in one line, before any call', async () => {
    sim.seed({ userPortals: [{ name: 'Ops' }] });
    sim.clearRequests();
    const env = { ...sim.env(), ZPA_GITOPS_RATE_LIMITS: 'get=20/10s,write=10/1s' };
    const result = await builtCli(['plan', '.'], { cwd: workspace(manifests), env });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: ZPA_GITOPS_RATE_LIMITS: get and write must share one window (ZPA counts both over the same time)\n',
    );
    expect(sim.requests).toEqual([]);
  });

  // Real time on purpose: the built CLI in its own process, the variable read from a real
  // environment, and one real 2 s wait: the end-to-end check that the budget a user sets is kept.
  it('the client keeps to the budget it sets: one GET per 2 s waits between the two reads, no 429', async () => {
    sim.seed({ userPortals: [{ name: 'Ops' }] });
    sim.setRateLimits({ get: 1, write: 10, windowMs: 2_000 });
    sim.clearRequests();
    try {
      const env = { ...sim.env(), ZPA_GITOPS_RATE_LIMITS: 'get=1/2s' };
      const result = await builtCli(['plan', '.'], { cwd: workspace(manifests), env });
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/^waiting \d s for the API rate limit$/m);
      const gets = sim.requests.filter((r) => r.method === 'GET');
      expect(gets).toHaveLength(2);
      expect(sim.requests.filter((r) => r.status === 429)).toEqual([]);
    } finally {
      sim.setRateLimits(false);
    }
  });
});

const refusal = (value: string) =>
  `error: ZPA_GITOPS_YAML is "${value}"; it takes plain or full (full reads every manifest with the yaml package)\n`;

describe('ZPA_GITOPS_YAML', { timeout: 120_000 }, () => {
  it('a value it does not know stops plan in one line, before any call', async () => {
    sim.seed({ userPortals: [{ name: 'Ops' }] });
    sim.clearRequests();
    const env = { ...sim.env(), ZPA_GITOPS_YAML: 'yaml' };
    const result = await builtCli(['plan', '.'], { cwd: workspace(manifests), env });
    expect(result).toEqual({ code: 1, stdout: '', stderr: refusal('yaml') });
    expect(sim.requests).toEqual([]);
  });

  it('validate refuses it too', async () => {
    const result = await builtCli(['validate', '.'], { cwd: workspace(manifests), env: { ZPA_GITOPS_YAML: 'FULL' } });
    expect(result).toEqual({ code: 1, stdout: '', stderr: refusal('FULL') });
  });

  it('full validates and plans the examples as the default reader does', async () => {
    const plain = await builtCli(['validate', 'examples/manifests']);
    const full = await builtCli(['validate', 'examples/manifests'], { env: { ZPA_GITOPS_YAML: 'full' } });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^Valid: \d+ manifest files/);
    expect(full).toEqual(plain);

    sim.seed({ userPortals: [{ name: 'Ops' }] });
    const cwd = workspace(manifests);
    const planned = await builtCli(['plan', '.'], { cwd, env: sim.env() });
    const fullPlan = await builtCli(['plan', '.'], { cwd, env: { ...sim.env(), ZPA_GITOPS_YAML: 'full' } });
    expect(planned.stdout).toContain('Plan: 1 to create, 0 to update, 0 to delete.');
    expect(fullPlan).toEqual(planned);
  });
});
