/** The text plan, `show` and the apply prompt say what the plan was made against and at; `plan` how it signed in. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { git } from '../support/git-repo.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => removeWorkspaces());

/** Manifests with one change due, committed in a real git checkout; returns the folder and its HEAD. */
function checkout(): { dir: string; head: string } {
  sim.reset();
  sim.seed({ userPortals: [{ name: 'Eng' }] });
  const dir = workspace(portalManifests({ Eng: [{ name: 'new', link: 'n.example.com' }] }));
  rmSync(join(dir, '.git'), { recursive: true, force: true });
  git(dir, 'init', '--quiet', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'manifests');
  return { dir, head: git(dir, 'rev-parse', 'HEAD') };
}

describe('the plan names its target and commit', () => {
  it('plan, show and the apply prompt carry host, customer, microtenant and the checkout commit', async () => {
    const { dir, head } = checkout();
    const env = sim.env();
    const target = `Target: ${env.ZPA_CLOUD} · customer ${env.ZPA_CUSTOMER_ID} · microtenant 0 · commit ${head.slice(0, 12)}`;

    const plan = await cli(['plan', '--out', 'p.json'], { cwd: dir, env });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(`${target}\n`);
    expect(plan.stdout).toContain(
      `Signed in with the legacy API key (ZPA_CLIENT_ID) at ${new URL(env.ZPA_CLOUD).host}.\n`,
    );
    expect(plan.stdout).not.toContain(env.ZPA_CLIENT_SECRET);

    // The saved plan keeps the commit, so show says it wherever it runs.
    const show = await cli(['show', join(dir, 'p.json')], { env: {} });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`${target}\n`);

    // The pull request comment's footer names the commit too.
    const comment = await cli(['show', join(dir, 'p.json'), '--format', 'markdown'], { env: {} });
    expect(comment.stdout).toContain(`· microtenant 0 · commit ${head.slice(0, 12)} · zpa-gitops `);

    const apply = await cli(['apply'], { cwd: dir, env, tty: true, answer: 'no' });
    expect(apply.stdout).toContain(
      `Do you want to apply these changes to ${target.replace('Target: ', '')}? Only 'yes' will be accepted: `,
    );
    expect(apply.code).toBe(1);
  });

  it("a CI job's commit is taken from its environment; outside git and CI no commit is named", async () => {
    const { dir } = checkout();
    const sha = 'c0'.repeat(20);
    const ci = await cli(['plan'], { cwd: dir, env: { ...sim.env(), GITLAB_CI: 'true', CI_COMMIT_SHA: sha } });
    expect(ci.stdout).toContain(`· microtenant 0 · commit ${sha.slice(0, 12)}\n`);

    rmSync(join(dir, '.git'), { recursive: true, force: true });
    const none = await cli(['plan'], { cwd: dir, env: sim.env() });
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/· microtenant 0\n/);
    expect(none.stdout).not.toContain('commit');
  });

  it('a repository GIT_DIR names is asked for its HEAD though none is above the folder', async () => {
    const { dir, head } = checkout();
    const elsewhere = `${dir}-repository.git`;
    renameSync(join(dir, '.git'), elsewhere);
    vi.stubEnv('GIT_DIR', elsewhere);
    try {
      const plan = await cli(['plan'], { cwd: dir, env: sim.env() });
      expect(plan.stdout).toContain(`· microtenant 0 · commit ${head.slice(0, 12)}\n`);
    } finally {
      vi.unstubAllEnvs();
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('with both credential sets, plan says it signed in with OneAPI and where', async () => {
    const { dir } = checkout();
    const env = sim.env();
    const both = await cli(['plan'], { cwd: dir, env: { ...env, ...sim.oneApiEnv() } });
    expect(both.stdout).toMatch(/Signed in with OneAPI \(ZSCALER_CLIENT_ID\) at /);
  });
});
