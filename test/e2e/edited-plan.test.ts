/**
 * A saved plan is believed only as far as its digest reaches: an edited safety verdict, before-state
 * or count is the "edited" refusal (exit 3) before any API call, for `apply --plan` and for `show`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/types.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => removeWorkspaces());
beforeEach(() => sim.reset());

/** 20 live links on Eng, 5 kept: pruning 15 of 20 makes the plan unsafe. */
async function unsafePlanFile(): Promise<{ dir: string; path: string; plan: Plan }> {
  const names = Array.from({ length: 20 }, (_, i) => `link-${String(i).padStart(2, '0')}`);
  sim.seed({
    userPortals: [{ name: 'Eng' }, { name: 'Other' }],
    userPortalLinks: names.map((name, i) => ({
      name,
      link: `${name}.example.com`,
      portals: i === 19 ? ['Eng', 'Other'] : ['Eng'],
    })),
  });
  const dir = workspace(
    portalManifests({ Eng: names.slice(0, 5).map((name) => ({ name, link: `${name}.example.com` })) }),
  );
  const planned = await cli(['plan', '--out', 'plan.json'], { cwd: dir, env: sim.env() });
  expect(planned.code).toBe(0);
  const path = join(dir, 'plan.json');
  const plan = JSON.parse(readFileSync(path, 'utf8')) as Plan;
  expect(plan.safety.safe).toBe(false);
  return { dir, path, plan };
}

function edit(path: string, change: (plan: Plan) => void): void {
  const plan = JSON.parse(readFileSync(path, 'utf8')) as Plan;
  change(plan);
  writeFileSync(path, JSON.stringify(plan, null, 2));
}

const EDITED =
  /^error: .*plan\.json (was edited: its .* no longer follow from its digest|does not match its own digest) sha256:[0-9a-f]{64}.*Run plan again\.\n$/;

describe('an edited saved plan', () => {
  it('refuses a verdict flipped to safe with exit 3, before any API call', async () => {
    const { dir, path } = await unsafePlanFile();
    edit(path, (plan) => {
      plan.safety = { ...plan.safety, safe: true, reasons: [] };
    });
    sim.clearRequests();
    const result = await cli(['apply', '--plan', 'plan.json'], { cwd: dir, env: sim.env() });
    expect(result.stderr).toMatch(EDITED);
    expect(result.stderr).toContain('safety verdict');
    expect(result.code).toBe(3);
    expect(sim.requests).toEqual([]);
    expect(sim.snapshot().userPortalLinks).toHaveLength(20);
  });

  it('refuses a raised live count or threshold that would make the verdict safe', async () => {
    const { dir, path } = await unsafePlanFile();
    for (const change of [
      (plan: Plan) => {
        plan.safety = {
          safe: true,
          reasons: [],
          basis: { ...plan.safety.basis!, managed: [{ ...plan.safety.basis!.managed[0]!, live: 1000 }] },
        };
      },
      (plan: Plan) => {
        plan.safety = {
          safe: true,
          reasons: [],
          basis: { ...plan.safety.basis!, thresholds: { prune: 1, update: 1, minimum: 10 } },
        };
      },
    ]) {
      const original = readFileSync(path, 'utf8');
      edit(path, change);
      sim.clearRequests();
      const result = await cli(['apply', '--plan', 'plan.json', '--auto-approve'], { cwd: dir, env: sim.env() });
      expect(result.stderr).toMatch(EDITED);
      expect(result.code).toBe(3);
      expect(sim.requests).toEqual([]);
      writeFileSync(path, original);
    }
  });

  it('refuses a before-state, field changes or counts edited to hide a change, in show as in apply', async () => {
    const { dir, path } = await unsafePlanFile();
    const original = readFileSync(path, 'utf8');
    const edits: Record<string, (plan: Plan) => void> = {
      before: (plan) => {
        // The detach of link-19 from Eng shown as if it changed nothing.
        for (const c of plan.changes) if (c.action === 'update') c.before = { ...c.after };
      },
      fieldChanges: (plan) => {
        for (const c of plan.changes)
          if (c.action === 'update') c.fieldChanges = [{ field: 'description', before: 'a', after: 'b' }];
      },
      counts: (plan) => {
        plan.counts = { create: 0, update: 0, delete: 0, noOp: 0 };
      },
      infinity: () => undefined,
    };
    for (const [name, change] of Object.entries(edits)) {
      edit(path, change);
      if (name === 'infinity') writeFileSync(path, original.replace(/"live": 20/, '"live": 1e400'));
      sim.clearRequests();
      const shown = await cli(['show', 'plan.json', '--format', 'markdown'], { cwd: dir, env: sim.env() });
      expect(shown.stderr, name).toMatch(EDITED);
      expect(shown.code, name).toBe(3);
      const applied = await cli(['apply', '--plan', 'plan.json', '--allow-unsafe'], { cwd: dir, env: sim.env() });
      expect(applied.stderr, name).toMatch(EDITED);
      expect(applied.code, name).toBe(3);
      expect(sim.requests, name).toEqual([]);
      writeFileSync(path, original);
    }
    const shown = await cli(['show', 'plan.json'], { cwd: dir, env: sim.env() });
    expect(shown.code).toBe(0);
  });
});
