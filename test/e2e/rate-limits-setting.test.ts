/** ZPA_GITOPS_RATE_LIMITS through the built CLI: it sets the client's budgets; a bad value is one line. */
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
