/** ZPA_GITOPS_YAML through the built CLI: `full` reads alike; any other value is one line, before any call. */
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
