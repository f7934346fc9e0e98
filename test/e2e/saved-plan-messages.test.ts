/**
 * What the CLI says around saved plan files: how to apply one (an unsafe one needs an approval), and
 * why a file that is not a plan, or cannot be read, is refused.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { apiWrites } from '../support/sim.js';
import { removeWorkspaces, workspace } from '../support/workspace.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  removeWorkspaces();
  await sim.close();
});

const links = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ name: `app-${i}`, link: `app-${i}.corp.example.com` }));

describe('plan --out', { timeout: 120_000 }, () => {
  it('of an unsafe plan says what apply will need, and that command applies it', async () => {
    sim.seed({ userPortals: [{ name: 'Ops' }], userPortalLinks: links(10).map((l) => ({ ...l, portals: ['Ops'] })) });
    // Keeping 4 of 10 prunes 60 %: above the 30 % threshold.
    const dir = workspace({ 'ops.yaml': { userPortals: { Ops: { links: links(4) } } } });
    const planned = await cli(['plan', '.', '--out', 'plan.json'], { cwd: dir, env: sim.env() });
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain(
      'Saved the plan to plan.json. It is unsafe: apply it with: zpa-gitops apply --plan plan.json --allow-unsafe ' +
        '(in CI, a person approves it with the zpa-gitops:allow-unsafe label on the pull or merge request instead)\n',
    );
    expect(planned.stdout).not.toContain('Apply it with');
    sim.clearRequests();
    const plain = await cli(['apply', '--plan', 'plan.json'], { cwd: dir, env: sim.env() });
    expect(plain.code).toBe(1);
    expect(apiWrites(sim)).toEqual([]);
    const command = /apply it with: zpa-gitops (apply --plan plan\.json --allow-unsafe) /.exec(planned.stdout)?.[1];
    const applied = await cli(command?.split(' ') ?? [], { cwd: dir, env: sim.env() });
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(apiWrites(sim).filter((r) => r.method === 'DELETE')).not.toEqual([]);
  });

  it('of a safe plan keeps the plain command', async () => {
    sim.seed({ userPortals: [{ name: 'Ops' }] });
    const dir = workspace({ 'ops.yaml': { userPortals: { Ops: { links: links(1) } } } });
    const planned = await cli(['plan', '.', '--out', 'plan.json'], { cwd: dir, env: sim.env() });
    expect(planned.stdout).toContain('Saved the plan to plan.json. Apply it with: zpa-gitops apply --plan plan.json\n');
  });
});

describe('a file that is not a plan', () => {
  it('JSON of another kind is "not a zpa-gitops plan file", exit 1', async () => {
    const dir = workspace({ 'package.json': '{"name": "x", "version": "1.0.0"}\n' });
    const result = await cli(['show', 'package.json'], { cwd: dir });
    expect(result.stderr).toBe(
      `error: ${join(dir, 'package.json')} is not a zpa-gitops plan file (it has no formatVersion)\n`,
    );
    expect(result.stderr).not.toContain('undefined');
    expect(result.code).toBe(1);
  });

  it.each([
    ['a missing file', 'missing.json', 'no such file'],
    ['a folder', 'folder', 'it is a folder, not a file'],
  ])('%s: "cannot read plan file" says why', async (_, name, reason) => {
    const dir = workspace();
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'unused.json'), '{}');
    const result = await cli(['show', name], { cwd: dir });
    expect(result.stderr).toBe(`error: cannot read plan file ${join(dir, name)}: ${reason}\n`);
    expect(result.code).toBe(1);
  });
});
