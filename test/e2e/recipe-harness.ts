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
import { GITLAB_BOT, startFakeGitHub, startFakeGitLab, type FakeForge } from '../support/fake-forges.js';
import { installShim, readWorkflow, runGithubJob, runGitlabJob, type GithubRun } from '../support/recipe-runner.js';
import { portalManifests, removeWorkspaces, workspace, writeFiles } from '../support/workspace.js';
import { apiWrites } from '../support/sim.js';
import { commitOnOrigin, git, pushAsOrigin } from '../support/git-repo.js';

const TOKEN = 'ghs_recipe0harness0token0never0printed';
const RECIPE = 'examples/ci/github-actions.yml';

let sim: Simulator;
let github: FakeForge;
let gitlab: FakeForge;
let bin: string;

const writes = () => apiWrites(sim);
/** The methods of the writes that reached the API, in a stable order. */
const writeMethods = () =>
  writes()
    .map((r) => r.method)
    .sort();

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
  });
}

function githubRun(
  cwd: string,
  event: 'pull_request' | 'push' | 'workflow_dispatch',
  sha: string,
  pr: number,
  digest = '',
  planKey = '',
  head?: string,
): GithubRun {
  const temp = mkdtempSync(join(tmpdir(), 'zpa-gitops-runner-temp-'));
  const payload = join(temp, 'event.json');
  const pullRequest = { number: pr, ...(head ? { head: { sha: head }, base: { ref: 'main' } } : {}) };
  writeFileSync(payload, JSON.stringify(event === 'pull_request' ? { pull_request: pullRequest } : { after: sha }));
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
      'secrets.ZPA_GITOPS_PLAN_KEY': planKey,
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

/** The workspace as a GitLab job's checkout: a clone of origin's main, detached. */
function checkout(dir: string): string {
  pushAsOrigin(dir);
  git(dir, 'checkout', '--quiet', '--detach');
  return dir;
}

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
    ...(iid === undefined
      ? {}
      : {
          CI_MERGE_REQUEST_IID: String(iid),
          CI_PIPELINE_SOURCE: 'merge_request_event',
          CI_MERGE_REQUEST_EVENT_TYPE: 'detached',
          CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
        }),
  };
}

const LABEL = 'zpa-gitops:allow-unsafe';
const ELEVEN = Array.from({ length: 12 }, (_, i) => `link${String(i).padStart(2, '0')}`);

/** A repository whose zpa/ folder drops 4 of a portal's 12 links: over the 30 % prune threshold. */
function unsafeRepository(): string {
  sim.seed({
    userPortals: [{ name: 'Eng' }],
    userPortalLinks: ELEVEN.map((name) => ({ name, link: `${name}.example.com`, portals: ['Eng'] })),
  });
  const files = portalManifests({ Eng: ELEVEN.slice(0, 8).map((name) => ({ name, link: `${name}.example.com` })) });
  return workspace(Object.fromEntries(Object.entries(files).map(([path, content]) => [`zpa/${path}`, content])));
}

const deletes = () => writes().filter((r) => r.method === 'DELETE');

/**
 * The recipe tests of one code host, with the simulator, both fake code hosts and the CLI shim
 * started for the calling file: split so the two halves run in two workers side by side.
 */
export function describeRecipes(host: 'GitHub' | 'GitLab'): void {
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

  if (host === 'GitHub') {
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
        expect(writeMethods()).toEqual(['POST', 'PUT']);
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
        expect(writeMethods()).toEqual(['POST', 'PUT']);
        await converged(dir);
      }, 300_000);
    });

    describe('the review loop on GitHub: unsafe approval, keyed digest, what the comment names', () => {
      it("an unsafe plan: the comment says how to approve; without a person's label the merge exits 4 and says what to do; with it exactly that plan is applied", async () => {
        const dir = unsafeRepository();
        const pr = await runGithubJob(RECIPE, 'plan', githubRun(dir, 'pull_request', '1a'.repeat(20), 21));
        expect(pr.code, pr.output).toBe(0);
        const [sticky] = github.comments.get(21) ?? [];
        expect(sticky?.body).toContain(
          `a person who has read this plan adds the label \`${LABEL}\` to this pull request`,
        );

        const merge = '1b'.repeat(20);
        github.byCommit.set(merge, [{ number: 21, merged: true, mergeCommit: merge }]);
        sim.clearRequests();
        const refused = await runGithubJob(RECIPE, 'apply', githubRun(dir, 'push', merge, 21));
        expect(refused.code, refused.output).toBe(4);
        expect(writes()).toEqual([]);
        expect(refused.output).toContain(`and not approved: pull request #21 has no label ${LABEL}.`);
        const afterMerge = github.comments.get(21)?.[1];
        expect(afterMerge?.body).toMatch(/^<!-- zpa-gitops:sticky name=default\/after-merge -->/);
        expect(afterMerge?.body).toContain(
          `This plan is the reviewed one, but it is unsafe (pruning would remove 4 of 12 live links`,
        );
        expect(afterMerge?.body).toContain(
          `adds the label \`${LABEL}\` to this pull request, then re-runs the failed apply job`,
        );

        // A workflow (a bot) setting the label is no approval.
        github.label(21, LABEL, 'added', 'github-actions[bot]', 'Bot');
        const byBot = await runGithubJob(RECIPE, 'apply', githubRun(dir, 'push', merge, 21));
        expect(byBot.code, byBot.output).toBe(4);
        expect(byBot.output).toContain(`${LABEL} was added by github-actions[bot], not by a person`);
        expect(writes()).toEqual([]);

        github.label(21, LABEL, 'removed', 'alice');
        github.label(21, LABEL, 'added', 'alice');
        const approved = await runGithubJob(RECIPE, 'apply', githubRun(dir, 'push', merge, 21));
        expect(approved.code, approved.output).toBe(0);
        expect(approved.output).toContain(`was approved by alice with the label ${LABEL} on GitHub pull request #21`);
        expect(deletes()).toHaveLength(4);
        await converged(dir);
      }, 300_000);

      it('keyed digest: the plan, its file and the comment carry the HMAC; a rewritten comment without it is refused at merge', async () => {
        const dir = repository();
        const key = 'a long random plan key kept in a protected environment';
        const head = '2a'.repeat(20);
        github.heads.set(22, head);
        const pr = await runGithubJob(
          RECIPE,
          'plan',
          githubRun(dir, 'pull_request', '2b'.repeat(20), 22, '', key, head),
        );
        expect(pr.code, pr.output).toBe(0);
        expect(pr.output).not.toContain(key);
        const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as { digest: string; digestHmac: string };
        expect(plan.digestHmac).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
        const keyed = `${plan.digest}+${plan.digestHmac}`;
        const sticky = github.comments.get(22)?.[0];
        expect(sticky?.body).toContain(`<!-- zpa-gitops:plan digest=${keyed} -->`);
        expect(sticky?.body).toContain(`Plan digest: \`${keyed}\``);
        expect(sticky?.body).not.toContain('moved on');

        // Another workflow posting as the same bot, without the key, shows a plan of its own.
        const original = sticky?.body ?? '';
        const forged = `sha256:${'0'.repeat(64)}`;
        if (sticky) sticky.body = original.split(keyed).join(forged);
        const merge = '2c'.repeat(20);
        github.byCommit.set(merge, [{ number: 22, merged: true, mergeCommit: merge }]);
        sim.clearRequests();
        const refused = await runGithubJob(RECIPE, 'apply', githubRun(dir, 'push', merge, 22, '', key));
        expect(refused.code, refused.output).toBe(1);
        expect(refused.output).toContain('carries no HMAC, but ZPA_GITOPS_PLAN_KEY is set');
        expect(writes()).toEqual([]);

        if (sticky) sticky.body = original;
        const applied = await runGithubJob(RECIPE, 'apply', githubRun(dir, 'push', merge, 22, '', key));
        expect(applied.code, applied.output).toBe(0);
        expect(`${pr.output}${refused.output}${applied.output}`).not.toContain(key);
        await converged(dir);
      }, 300_000);

      it('the comment names its target and commit, and says when the branch moved on since', async () => {
        const dir = repository();
        github.heads.set(23, '3c'.repeat(20));
        const pr = await runGithubJob(
          RECIPE,
          'plan',
          githubRun(dir, 'pull_request', '3a'.repeat(20), 23, '', '', '3b'.repeat(20)),
        );
        expect(pr.code, pr.output).toBe(0);
        const body = github.comments.get(23)?.[0]?.body ?? '';
        const { host, customerId } = (
          JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as { target: Record<string, string> }
        ).target;
        expect(body).toContain(
          `Target: \`${host}\` · customer \`${customerId}\` · microtenant \`0\`. Planned at commit \`${'3a'.repeat(6)}\`: GitHub's merge of head \`${'3b'.repeat(6)}\` into \`main\` (\`refs/pull/23/merge\`).`,
        );
        expect(body).toContain(
          `The branch moved on since this plan was made: this plan is for head \`${'3b'.repeat(6)}\`, the pull request is now at \`${'3c'.repeat(6)}\`.`,
        );
      }, 300_000);
    });
  } else {
    describe('GitLab recipe, script by script', () => {
      it('merge request: the note shows the digest; merge: the reviewed plan is applied and converges', async () => {
        const dir = checkout(repository());
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
        expect(writeMethods()).toEqual(['POST', 'PUT']);
        await converged(dir);
        expect(`${mr.output}${push.output}`).not.toContain(TOKEN);
      }, 300_000);

      it('a console change between merge request and merge: exit 3, zero writes, the new plan noted; the manual job applies it', async () => {
        const next = checkout(repository());
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

    describe('the review loop on GitLab: merged results, unsafe approval', () => {
      const ENG = ['wiki', 'alpha', 'bravo', 'charlie', 'delta', 'echo'];
      const engFile = (links: { name: string; description?: string }[]) =>
        portalManifests({ Eng: links.map((l) => ({ ...l, link: `${l.name}.example.com` })) })['portals/Eng.yaml'];

      it("a merge request behind main: the plan job merges main in first and says so, so the other merge's link is no delete", async () => {
        sim.seed({
          userPortals: [{ name: 'Eng' }],
          userPortalLinks: [...ENG, 'pager'].map((name) => ({ name, link: `${name}.example.com`, portals: ['Eng'] })),
        });
        const dir = workspace({ 'zpa/portals/Eng.yaml': engFile(ENG.map((name) => ({ name }))) });
        const origin = pushAsOrigin(dir);
        // This merge request edits the first link; meanwhile another one, merged and applied, added pager.
        writeFiles(dir, {
          'zpa/portals/Eng.yaml': engFile(
            ENG.map((name) => (name === 'wiki' ? { name, description: 'new' } : { name })),
          ),
        });
        git(dir, 'commit', '--quiet', '-am', 'describe the wiki');
        git(dir, 'checkout', '--quiet', '--detach');
        const head = git(dir, 'rev-parse', 'HEAD');
        const main = commitOnOrigin(origin, {
          'zpa/portals/Eng.yaml': engFile([...ENG, 'pager'].map((name) => ({ name }))),
        });

        const mr = await runGitlabJob('zpa-plan', gitlabRunner(head, 31), dir);
        expect(mr.code, mr.output).toBe(0);
        const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as { counts: Record<string, number> };
        expect(plan.counts).toMatchObject({ create: 0, update: 1, delete: 0 });
        const note = gitlab.comments.get(31)?.[0]?.body ?? '';
        expect(note).not.toContain('**delete**');
        expect(note).toContain(
          `head \`${head.slice(0, 12)}\` merged in this job with \`main\` at \`${main.slice(0, 12)}\` (no merged results pipeline)`,
        );

        // In a merged results pipeline GitLab has made the merge: the job plans its checkout as it is.
        const merged = await runGitlabJob(
          'zpa-plan',
          {
            ...gitlabRunner(git(dir, 'rev-parse', 'HEAD'), 31),
            CI_MERGE_REQUEST_EVENT_TYPE: 'merged_result',
            CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: head,
          },
          dir,
        );
        expect(merged.code, merged.output).toBe(0);
        expect(merged.output).toContain("Planning GitLab's merged result of this merge request");
        expect(gitlab.comments.get(31)?.[0]?.body).toContain(
          `GitLab's merged results pipeline: head \`${head.slice(0, 12)}\` merged into \`main\``,
        );
      }, 300_000);

      it('an unsafe plan: a label added before the note showed this plan approves nothing; added after it, the merge applies exactly that plan', async () => {
        const dir = checkout(unsafeRepository());
        gitlab.label(32, LABEL, 'added', 'alice'); // approving an earlier plan, before this note existed
        const mr = await runGitlabJob('zpa-plan', gitlabRunner('5a'.repeat(20), 32), dir);
        expect(mr.code, mr.output).toBe(0);
        expect(gitlab.comments.get(32)?.[0]?.body).toContain(`adds the label \`${LABEL}\` to this merge request`);

        const merge = '5b'.repeat(20);
        gitlab.byCommit.set(merge, [{ number: 32, merged: true, mergeCommit: merge }]);
        sim.clearRequests();
        const refused = await runGitlabJob('zpa-apply', gitlabRunner(merge), dir);
        expect(refused.code, refused.output).toBe(4);
        expect(refused.output).toContain('before the plan comment showed this digest');
        expect(writes()).toEqual([]);
        expect(gitlab.comments.get(32)?.[1]?.body).toContain(`then re-runs the failed apply job`);

        // The project's own token user labelling is no approval either.
        gitlab.label(32, LABEL, 'removed', 'alice');
        gitlab.label(32, LABEL, 'added', GITLAB_BOT);
        expect((await runGitlabJob('zpa-apply', gitlabRunner(merge), dir)).code).toBe(4);
        expect(writes()).toEqual([]);

        gitlab.label(32, LABEL, 'removed', 'alice');
        gitlab.label(32, LABEL, 'added', 'alice');
        const approved = await runGitlabJob('zpa-apply', gitlabRunner(merge), dir);
        expect(approved.code, approved.output).toBe(0);
        expect(approved.output).toContain(`was approved by alice with the label ${LABEL} on GitLab merge request !32`);
        expect(deletes()).toHaveLength(4);
        await converged(dir);
      }, 300_000);
    });
  }
}
