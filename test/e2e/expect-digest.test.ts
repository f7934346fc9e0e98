/** `apply --expect-digest`: what was reviewed is what is applied, or nothing is, with exit 3. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';
import { apiWrites } from '../support/sim.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => removeWorkspaces());

const writes = () => apiWrites(sim);

function tenant(): string {
  sim.seed({
    userPortals: [{ name: 'Eng' }],
    userPortalLinks: [{ name: 'wiki', link: 'wiki.example.com', description: 'old', portals: ['Eng'] }],
  });
  return workspace(
    portalManifests({
      Eng: [
        { name: 'wiki', link: 'wiki.example.com', description: 'new' },
        { name: 'jira', link: 'jira.example.com' },
      ],
    }),
  );
}

/** An edit made in the ZPA console after the review, straight into the simulator's state. */
function consoleEdit(): void {
  const snapshot = sim.snapshot();
  sim.seed({
    ...snapshot,
    userPortalLinks: snapshot.userPortalLinks.map((l) => (l.name === 'wiki' ? { ...l, description: 'console' } : l)),
  });
}

async function reviewedDigest(dir: string): Promise<string> {
  const planned = await cli(['plan', '--format', 'json', '--out', 'plan.json'], { cwd: dir, env: sim.env() });
  expect(planned.code).toBe(0);
  const digest = (JSON.parse(planned.stdout) as { digest: string }).digest;
  expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  return digest;
}

beforeEach(() => sim.reset());

describe('apply --expect-digest', () => {
  it('applies without a prompt or --auto-approve when the plan is the reviewed one, and converges', async () => {
    const dir = tenant();
    const digest = await reviewedDigest(dir);
    const text = await cli(['plan'], { cwd: dir, env: sim.env() });
    expect(text.stdout).toContain(`Plan digest: ${digest}`);
    sim.clearRequests();
    const applied = await cli(['apply', '--expect-digest', digest], { cwd: dir, env: sim.env() });
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(
      writes()
        .map((r) => r.method)
        .sort(),
    ).toEqual(['POST', 'PUT']);
    const again = await cli(['plan', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
    expect(again.code).toBe(0);
  });

  it('refuses with exit 3 and zero writes after an out-of-band change, printing the new plan', async () => {
    const dir = tenant();
    const digest = await reviewedDigest(dir);
    consoleEdit();
    sim.clearRequests();
    const refused = await cli(['apply', '--expect-digest', digest], { cwd: dir, env: sim.env() });
    expect(refused.code).toBe(3);
    const now = /Plan digest: (sha256:[0-9a-f]{64})/.exec(refused.stdout)?.[1];
    expect(now).toBeDefined();
    expect(now).not.toBe(digest);
    expect(refused.stdout).toContain('description: "console" → "new"');
    expect(refused.stderr).toBe(
      `error: The plan changed since it was reviewed (reviewed ${digest}, now ${now}). Nothing was changed.\n`,
    );
    expect(writes()).toEqual([]);
    expect(sim.requests.length).toBeGreaterThan(0); // it did plan afresh
  });

  it('with --plan: applies a matching saved plan, refuses another digest and a stale file with exit 3', async () => {
    const dir = tenant();
    const digest = await reviewedDigest(dir);
    const other = `sha256:${'0'.repeat(64)}`;
    sim.clearRequests();
    const wrong = await cli(['apply', '--plan', 'plan.json', '--expect-digest', other], { cwd: dir, env: sim.env() });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain(`(reviewed ${other}, now ${digest})`);
    expect(sim.requests).toEqual([]); // refused before signing in

    consoleEdit();
    const stale = await cli(['apply', '--plan', 'plan.json', '--expect-digest', digest], { cwd: dir, env: sim.env() });
    expect(stale.code).toBe(3);
    expect(stale.stderr).toContain('Saved plan is stale: link "wiki" changed. Run plan again.');
    expect(writes()).toEqual([]);

    const fresh = await reviewedDigest(dir);
    const applied = await cli(['apply', '--plan', 'plan.json', '--expect-digest', fresh], { cwd: dir, env: sim.env() });
    expect(applied.code).toBe(0);
    expect(
      writes()
        .map((r) => r.method)
        .sort(),
    ).toEqual(['POST', 'PUT']);
  });

  it('refuses a hand-edited plan file with exit 3, before any API call', async () => {
    const dir = tenant();
    await reviewedDigest(dir);
    const path = join(dir, 'plan.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('jira.example.com', 'evil.example.com'));
    sim.clearRequests();
    const result = await cli(['apply', '--plan', 'plan.json'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^error: .*plan\.json does not match its own digest sha256:[0-9a-f]{64}: it was edited\. Run plan again\.\n$/,
    );
    expect(sim.requests).toEqual([]);
  });

  it('rejects a malformed digest as a usage error (exit 1) before any API call', async () => {
    const dir = tenant();
    sim.clearRequests();
    const result = await cli(['apply', '--expect-digest', ''], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--expect-digest must be a plan digest like sha256:<64 hex digits>');
    expect(sim.requests).toEqual([]);
  });
});
