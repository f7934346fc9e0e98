/**
 * The CI recipes as a runner runs them (see test/support/recipe-runner.ts for the one substitution,
 * the install step): a pull request, then its merge, against the simulator and a fake GitHub or
 * GitLab API. The comment carries the digest; the merge applies it and converges; a console change
 * between review and merge makes the apply exit 3 with zero writes, and the new plan is commented.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { startFakeGitHub, startFakeGitLab, type FakeForge } from '../support/fake-forges.js';
import { installShim, readWorkflow, runGithubJob, runGitlabJob, type GithubRun } from '../support/recipe-runner.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';
import { apiWrites } from '../support/sim.js';

const TOKEN = 'ghs_recipe0harness0token0never0printed';
const RECIPE = 'examples/ci/github-actions.yml';

let sim: Simulator;
let github: FakeForge;
let gitlab: FakeForge;
let bin: string;
beforeAll(async () => {
  sim = await startSimulator();
  github = await startFakeGitHub(TOKEN);
  gitlab = await startFakeGitLab(TOKEN);
  bin = installShim();
});
afterAll(async () => {
  await Promise.all([sim.close(), github.close(), gitlab.close()]);
});
afterEach(() => removeWorkspaces());

const writes = () => apiWrites(sim);

/** A repository whose zpa/ folder changes one link and adds one, on a seeded tenant. */
function repository(): string {
  sim.seed({
    userPortals: [{ name: 'Eng' }],
    userPortalLinks: [{ name: 'wiki', link: 'wiki.example.com', description: 'old', portals: ['Eng'] }],
  });
  const files = portalManifests({
    Eng: [
      { name: 'wiki', link: 'wiki.example.com', description: 'new' },
      { name: 'jira', link: 'jira.example.com' },
    ],
  });
  return workspace(Object.fromEntries(Object.entries(files).map(([path, content]) => [`zpa/${path}`, content])));
}

function consoleEdit(): void {
  const snapshot = sim.snapshot();
  sim.seed({
    ...snapshot,
    userPortalLinks: snapshot.userPortalLinks.map((l) => (l.name === 'wiki' ? { ...l, description: 'console' } : l)),
  } as never);
}

function githubRun(
  cwd: string,
  event: 'pull_request' | 'push' | 'workflow_dispatch',
  sha: string,
  pr: number,
  digest = '',
): GithubRun {
  const temp = mkdtempSync(join(tmpdir(), 'zpa-gitops-runner-temp-'));
  const payload = join(temp, 'event.json');
  writeFileSync(payload, JSON.stringify(event === 'pull_request' ? { pull_request: { number: pr } } : { after: sha }));
  const zpa = sim.env();
  return {
    cwd,
    runner: {
      PATH: `${bin}:${process.env['PATH'] ?? ''}`,
      HOME: temp,
      NO_COLOR: '1',
      RUNNER_TEMP: temp,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: payload,
      GITHUB_SHA: sha,
      GITHUB_REF: event === 'pull_request' ? `refs/pull/${pr}/merge` : 'refs/heads/main',
      GITHUB_REPOSITORY: 'owner/repo',
      GITHUB_API_URL: github.url,
    },
    context: {
      'secrets.ZPA_CLIENT_ID': zpa.ZPA_CLIENT_ID,
      'secrets.ZPA_CLIENT_SECRET': zpa.ZPA_CLIENT_SECRET,
      'secrets.ZPA_CUSTOMER_ID': zpa.ZPA_CUSTOMER_ID,
      'vars.ZPA_CLOUD': zpa.ZPA_CLOUD,
      'github.token': TOKEN,
      'inputs.digest': digest,
    },
  };
}

const planDigest = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as { digest: string }).digest;
const digestIn = (body: string | undefined) =>
  /<!-- zpa-gitops:plan digest=(sha256:[0-9a-f]{64}) -->/.exec(body ?? '')?.[1];

async function converged(dir: string): Promise<void> {
  const again = await cli(['plan', 'zpa/', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
  expect(again.stdout).toContain('No changes.');
  expect(again.code).toBe(0);
}

describe('GitHub recipe and action, step by step', () => {
  it('runs each job on the event its `if` names', () => {
    const { jobs } = readWorkflow(RECIPE);
    expect(jobs['plan']?.if).toBe("github.event_name == 'pull_request'");
    expect(jobs['apply']?.if).toBe("github.event_name == 'push'");
    expect(jobs['apply-reviewed']?.if).toBe(
      "github.event_name == 'workflow_dispatch' && github.ref == 'refs/heads/main'",
    );
    expect(jobs['drift']?.if).toBe("github.event_name == 'schedule'");
  });

  it('pull request: the comment shows the digest; merge: the reviewed plan is applied and converges', async () => {
    const dir = repository();
    const pr = await runGithubJob(RECIPE, 'plan', githubRun(dir, 'pull_request', 'b'.repeat(40), 7));
    expect(pr.output).not.toContain(TOKEN);
    expect(pr.code, pr.output).toBe(0);
    expect(pr.output).toContain('zpa-gitops 0.1.0'); // the action's version check ran
    const digest = planDigest(dir);
    const comments = github.comments.get(7) ?? [];
    expect(comments).toHaveLength(1);
    expect(digestIn(comments[0]?.body)).toBe(digest);
    expect(comments[0]?.body).toContain(`Plan digest: \`${digest}\``);
    expect(pr.summary).toContain(`Plan digest: \`${digest}\``);
    expect(writes()).toEqual([]);

    const merge = 'c'.repeat(40);
    github.byCommit.set(merge, [{ number: 7, merged: true, mergeCommit: merge }]);
    sim.clearRequests();
    const push = await runGithubJob(RECIPE, 'apply', githubRun(dir, 'push', merge, 7));
    expect(push.code, push.output).toBe(0);
    expect(push.output).toMatch(/Apply complete: 1 created, 1 updated, 0 deleted/);
    expect(
      writes()
        .map((r) => r.method)
        .sort(),
    ).toEqual(['POST', 'PUT']);
    expect(github.comments.get(7)).toHaveLength(1);
    await converged(dir);

    const drift = await runGithubJob(RECIPE, 'drift', githubRun(dir, 'push', merge, 7));
    expect(drift.code, drift.output).toBe(0);
  }, 300_000);

  it('a console change between review and merge: apply exits 3 with zero writes and comments the new plan; the manual run applies it', async () => {
    const dir = repository();
    expect((await runGithubJob(RECIPE, 'plan', githubRun(dir, 'pull_request', 'd'.repeat(40), 8))).code).toBe(0);
    const reviewed = planDigest(dir);
    consoleEdit();

    const merge = 'e'.repeat(40);
    github.byCommit.set(merge, [{ number: 8, merged: true, mergeCommit: merge }]);
    sim.clearRequests();
    const push = await runGithubJob(RECIPE, 'apply', githubRun(dir, 'push', merge, 8));
    expect(push.code, push.output).toBe(3);
    expect(writes()).toEqual([]);
    expect(push.output).toContain(`The plan changed since it was reviewed (reviewed ${reviewed}, now `);
    const now = planDigest(dir);
    expect(now).not.toBe(reviewed);
    const [sticky, afterMerge] = github.comments.get(8) ?? [];
    expect(digestIn(sticky?.body)).toBe(reviewed); // the reviewed comment is left as it was
    expect(afterMerge?.body).toMatch(/^<!-- zpa-gitops:sticky name=default\/after-merge -->/);
    expect(digestIn(afterMerge?.body)).toBe(now);

    const manual = await runGithubJob(RECIPE, 'apply-reviewed', githubRun(dir, 'workflow_dispatch', merge, 8, now));
    expect(manual.code, manual.output).toBe(0);
    expect(
      writes()
        .map((r) => r.method)
        .sort(),
    ).toEqual(['POST', 'PUT']);
    await converged(dir);
  }, 300_000);
});

describe('GitLab recipe, script by script', () => {
  function gitlabRunner(sha: string, iid?: number): Record<string, string> {
    const temp = mkdtempSync(join(tmpdir(), 'zpa-gitops-runner-temp-'));
    return {
      ...sim.env(),
      PATH: `${bin}:${process.env['PATH'] ?? ''}`,
      HOME: temp,
      NO_COLOR: '1',
      GITLAB_CI: 'true',
      GITLAB_TOKEN: TOKEN,
      CI_API_V4_URL: `${gitlab.url}/api/v4`,
      CI_PROJECT_ID: '42',
      CI_COMMIT_SHA: sha,
      ...(iid === undefined ? {} : { CI_MERGE_REQUEST_IID: String(iid), CI_PIPELINE_SOURCE: 'merge_request_event' }),
    };
  }

  it('merge request: the note shows the digest; merge: the reviewed plan is applied and converges', async () => {
    const dir = repository();
    const mr = await runGitlabJob('zpa-plan', gitlabRunner('1'.repeat(40), 5), dir);
    expect(mr.code, mr.output).toBe(0);
    const digest = planDigest(dir);
    expect(digestIn(gitlab.comments.get(5)?.[0]?.body)).toBe(digest);
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toContain(`Plan digest: \`${digest}\``);

    const merge = '2'.repeat(40);
    gitlab.byCommit.set(merge, [{ number: 5, merged: true, mergeCommit: merge }]);
    sim.clearRequests();
    const push = await runGitlabJob('zpa-apply', gitlabRunner(merge), dir);
    expect(push.code, push.output).toBe(0);
    expect(
      writes()
        .map((r) => r.method)
        .sort(),
    ).toEqual(['POST', 'PUT']);
    await converged(dir);
    expect(`${mr.output}${push.output}`).not.toContain(TOKEN);
  }, 300_000);

  it('a console change between merge request and merge: exit 3, zero writes, the new plan noted; the manual job applies it', async () => {
    const next = repository();
    expect((await runGitlabJob('zpa-plan', gitlabRunner('3'.repeat(40), 6), next)).code).toBe(0);
    consoleEdit();
    const merge2 = '4'.repeat(40);
    gitlab.byCommit.set(merge2, [{ number: 6, merged: true, mergeCommit: merge2 }]);
    sim.clearRequests();
    const refused = await runGitlabJob('zpa-apply', gitlabRunner(merge2), next);
    expect(refused.code, refused.output).toBe(3);
    expect(writes()).toEqual([]);
    expect(gitlab.comments.get(6)).toHaveLength(2);

    const manual = await runGitlabJob(
      'zpa-apply-reviewed',
      { ...gitlabRunner(merge2), ZPA_GITOPS_DIGEST: planDigest(next) },
      next,
    );
    expect(manual.code, manual.output).toBe(0);
    await converged(next);
    expect(refused.output).not.toContain(TOKEN);
  }, 300_000);
});
