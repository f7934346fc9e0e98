/**
 * The keyed digest through the CLI: with ZPA_GITOPS_PLAN_KEY set, `plan` signs the plan and its
 * file, and `apply --plan` and `apply --expect-digest` refuse a plan or digest the key does not
 * verify, before any API call; the key itself is never printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';
import { apiWrites } from '../support/sim.js';

const KEY = 'plan key held only by the protected environment';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => removeWorkspaces());

function tenant(): string {
  sim.seed({ userPortals: [{ name: 'Eng' }] });
  return workspace(portalManifests({ Eng: [{ name: 'wiki', link: 'wiki.example.com' }] }));
}

const keyed = (key = KEY) => ({ ...sim.env(), ZPA_GITOPS_PLAN_KEY: key });
const readPlan = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as { digest: string; digestHmac?: string };

describe('keyed digest on the command line', () => {
  it('plan signs its file; apply --plan refuses it under another key or without its HMAC, and applies it under the key', async () => {
    const dir = tenant();
    const planned = await cli(['plan', '--out', 'plan.json'], { cwd: dir, env: keyed() });
    expect(planned.code).toBe(0);
    const plan = readPlan(dir);
    expect(plan.digestHmac).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);

    sim.clearRequests();
    const other = await cli(['apply', '--plan', 'plan.json'], { cwd: dir, env: keyed('another key entirely') });
    expect(other.code).toBe(1);
    expect(other.stderr).toBe(
      'error: plan.json has an HMAC that ZPA_GITOPS_PLAN_KEY does not verify: it was not made with this key. Nothing was changed.\n',
    );
    const { digestHmac: _dropped, ...unkeyed } = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    writeFileSync(join(dir, 'unkeyed.json'), JSON.stringify(unkeyed));
    const bare = await cli(['apply', '--plan', 'unkeyed.json'], { cwd: dir, env: keyed() });
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('unkeyed.json carries no HMAC, but ZPA_GITOPS_PLAN_KEY is set');
    expect(sim.requests).toEqual([]);

    const applied = await cli(['apply', '--plan', 'plan.json'], { cwd: dir, env: keyed() });
    expect(applied.code, applied.stderr).toBe(0);
    expect(apiWrites(sim)).toHaveLength(1);
    for (const out of [planned, other, bare, applied]) expect(`${out.stdout}${out.stderr}`).not.toContain(KEY);
  });

  it('apply --expect-digest under a key takes only the keyed digest, checked before any API call', async () => {
    const dir = tenant();
    expect((await cli(['plan', '--out', 'plan.json'], { cwd: dir, env: keyed() })).code).toBe(0);
    const { digest, digestHmac } = readPlan(dir);
    sim.clearRequests();
    const plain = await cli(['apply', '--expect-digest', digest], { cwd: dir, env: keyed() });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe(
      'error: --expect-digest carries no HMAC, but ZPA_GITOPS_PLAN_KEY is set: only a keyed digest (made with the key) is taken as reviewed. Nothing was changed.\n',
    );
    const forged = `${digest}+hmac-sha256:${'0'.repeat(64)}`;
    expect((await cli(['apply', '--expect-digest', forged], { cwd: dir, env: keyed() })).code).toBe(1);
    expect(sim.requests).toEqual([]);
    const ok = await cli(['apply', '--expect-digest', `${digest}+${digestHmac}`], { cwd: dir, env: keyed() });
    expect(ok.code, ok.stderr).toBe(0);
    expect(apiWrites(sim)).toHaveLength(1);
  });
});
