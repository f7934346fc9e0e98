/**
 * `comment` and `reviewed-digest` against fake GitHub and GitLab APIs on 127.0.0.1, asserting the
 * exact calls: the first comment is created, a second run edits it (found on the second page of
 * comments), and the merged request is found from a commit.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { startFakeGitHub, startFakeGitLab, type FakeForge } from '../support/fake-forges.js';
import { portalManifests, removeWorkspaces, workspace, writeFiles } from '../support/workspace.js';

const GITHUB_TOKEN = 'ghs_test0token0that0must0never0be0printed';
const GITLAB_TOKEN = 'glpat-test0token0that0must0never0be0printed';
const MERGE_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

let sim: Simulator;
let github: FakeForge;
let gitlab: FakeForge;
beforeAll(async () => {
  sim = await startSimulator({ seed: { userPortals: [{ name: 'Eng' }] } });
  github = await startFakeGitHub(GITHUB_TOKEN);
  gitlab = await startFakeGitLab(GITLAB_TOKEN);
});
afterAll(async () => {
  await Promise.all([sim.close(), github.close(), gitlab.close()]);
});
afterEach(() => {
  removeWorkspaces();
  github.calls.length = 0;
  gitlab.calls.length = 0;
});

/** A workspace with a saved plan; returns the folder and the plan's digest. */
async function planned(links: string[]): Promise<{ dir: string; digest: string }> {
  const dir = workspace(portalManifests({ Eng: links.map((name) => ({ name, link: `${name}.example.com` })) }));
  return { dir, digest: await replan(dir, links) };
}

async function replan(dir: string, links: string[]): Promise<string> {
  writeFiles(dir, portalManifests({ Eng: links.map((name) => ({ name, link: `${name}.example.com` })) }));
  const result = await cli(['plan', '--format', 'json', '--out', 'plan.json'], { cwd: dir, env: sim.env() });
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { digest: string }).digest;
}

function githubEnv(dir: string, event: 'pull_request' | 'push', number = 7): Record<string, string> {
  const payload = join(dir, 'event.json');
  writeFileSync(payload, JSON.stringify(event === 'push' ? { after: MERGE_SHA } : { pull_request: { number } }));
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_TOKEN,
    GITHUB_API_URL: github.url,
    GITHUB_REPOSITORY: 'owner/repo',
    GITHUB_SHA: MERGE_SHA,
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: payload,
  };
}

function gitlabEnv(iid?: number): Record<string, string> {
  return {
    GITLAB_CI: 'true',
    GITLAB_TOKEN,
    CI_API_V4_URL: `${gitlab.url}/api/v4`,
    CI_PROJECT_ID: '42',
    CI_COMMIT_SHA: MERGE_SHA,
    ...(iid === undefined ? {} : { CI_MERGE_REQUEST_IID: String(iid) }),
  };
}

function expectNoToken(...texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toContain(GITHUB_TOKEN);
    expect(text).not.toContain(GITLAB_TOKEN);
  }
}

const others = (count: number, first = 1) =>
  Array.from({ length: count }, (_, i) => ({ id: first + i, body: `LGTM ${i}`, author: 'alice' }));

describe('comment on GitHub', () => {
  it('creates the first comment, with the hidden digest marker', async () => {
    const { dir, digest } = await planned(['wiki']);
    const result = await cli(['comment', 'plan.json'], { cwd: dir, env: githubEnv(dir, 'pull_request') });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Posted the plan comment on GitHub pull request #7 (plan digest ${digest}).\n`);
    expect(github.lines()).toEqual([
      'GET /repos/owner/repo/issues/7/comments?per_page=100',
      'POST /repos/owner/repo/issues/7/comments',
    ]);
    expect(github.calls.every((c) => c.auth === `Bearer ${GITHUB_TOKEN}`)).toBe(true);
    const [comment] = github.comments.get(7) ?? [];
    expect(comment?.body).toMatch(/^<!-- zpa-gitops:sticky name=default -->\n<!-- zpa-gitops:plan digest=sha256:/);
    expect(comment?.body).toContain(`Plan digest: \`${digest}\``);
  });

  it('a second run edits its comment in place, found on the second page after 45 earlier comments', async () => {
    github.comments.set(8, others(45));
    const { dir } = await planned(['wiki']);
    const env = githubEnv(dir, 'pull_request', 8);
    expect((await cli(['comment', 'plan.json'], { cwd: dir, env })).code).toBe(0);
    const mine = github.comments.get(8)?.[45];
    expect(github.lines()).toEqual([
      'GET /repos/owner/repo/issues/8/comments?per_page=100',
      'GET /repos/owner/repo/issues/8/comments?per_page=100&page=2',
      'POST /repos/owner/repo/issues/8/comments',
    ]);
    github.calls.length = 0;

    const digest = await replan(dir, ['wiki', 'jira']);
    const second = await cli(['comment', 'plan.json'], { cwd: dir, env });
    expect(second.stdout).toBe(`Updated the plan comment on GitHub pull request #8 (plan digest ${digest}).\n`);
    expect(github.lines()).toEqual([
      'GET /repos/owner/repo/issues/8/comments?per_page=100',
      'GET /repos/owner/repo/issues/8/comments?per_page=100&page=2',
      `PATCH /repos/owner/repo/issues/comments/${mine?.id}`,
    ]);
    expect(github.comments.get(8)).toHaveLength(46);
    expect(github.comments.get(8)?.[45]?.body).toContain(digest);
  });

  it('does nothing, with a one-line notice, outside a pull request', async () => {
    const { dir } = await planned(['wiki']);
    const result = await cli(['comment', 'plan.json'], { cwd: dir, env: githubEnv(dir, 'push') });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('zpa-gitops comment: this is a push event, not a pull request; nothing to comment.\n');
    expect(github.calls).toEqual([]);
  });

  it('reviewed-digest finds the merged pull request from the commit and prints its digest alone', async () => {
    const { dir, digest } = await planned(['wiki']);
    github.comments.set(9, others(3, 500));
    expect((await cli(['comment', 'plan.json'], { cwd: dir, env: githubEnv(dir, 'pull_request', 9) })).code).toBe(0);
    github.byCommit.set(MERGE_SHA, [
      { number: 3, merged: false },
      { number: 9, merged: true, mergeCommit: MERGE_SHA },
    ]);
    github.calls.length = 0;
    const result = await cli(['reviewed-digest'], { cwd: dir, env: githubEnv(dir, 'push') });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${digest}\n`);
    expect(result.code).toBe(0);
    expect(github.lines()).toEqual([
      `GET /repos/owner/repo/commits/${MERGE_SHA}/pulls`,
      'GET /repos/owner/repo/issues/9/comments?per_page=100',
    ]);
  });

  it('ignores a look-alike comment with the marker written by anyone else, for comment and reviewed-digest', async () => {
    const forged = `${'<!-- zpa-gitops:sticky name=default -->'}\n<!-- zpa-gitops:plan digest=sha256:${'f'.repeat(64)} -->`;
    github.comments.set(10, [{ id: 900, body: forged, author: 'mallory' }]);
    const { dir, digest } = await planned(['wiki']);
    expect((await cli(['comment', 'plan.json'], { cwd: dir, env: githubEnv(dir, 'pull_request', 10) })).code).toBe(0);
    expect(github.lines()).toEqual([
      'GET /repos/owner/repo/issues/10/comments?per_page=100',
      'POST /repos/owner/repo/issues/10/comments',
    ]);
    expect(github.comments.get(10)?.[0]?.body).toBe(forged);
    github.byCommit.set(MERGE_SHA, [{ number: 10, merged: true, mergeCommit: MERGE_SHA }]);
    const result = await cli(['reviewed-digest'], { cwd: dir, env: githubEnv(dir, 'push') });
    expect(result.stdout).toBe(`${digest}\n`);
  });

  it('after a merge whose plan changed and is unsafe, the note says the manual apply refuses it and what to do', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `app-${i}`);
    sim.seed({
      userPortals: [{ name: 'Eng' }],
      userPortalLinks: names.map((name) => ({ name, link: `${name}.example.com`, portals: ['Eng'] })),
    });
    try {
      const { dir, digest: reviewed } = await planned(names);
      expect((await cli(['comment', 'plan.json'], { cwd: dir, env: githubEnv(dir, 'pull_request', 12) })).code).toBe(0);
      // The merged manifests now drop 4 of the portal's 12 links: another plan, and an unsafe one.
      const now = await replan(dir, names.slice(4));
      expect(now).not.toBe(reviewed);
      github.byCommit.set(MERGE_SHA, [{ number: 12, merged: true, mergeCommit: MERGE_SHA }]);
      const merged = await cli(['comment', 'plan.json', '--merged'], { cwd: dir, env: githubEnv(dir, 'push') });
      expect(merged.code).toBe(0);
      const note = github.comments.get(12)?.[1]?.body ?? '';
      expect(note).toMatch(/^<!-- zpa-gitops:sticky name=default\/after-merge -->/);
      expect(note).toContain(`run the manual apply with digest \`${now}\`.`);
      expect(note).toContain(
        'It is unsafe too (pruning would remove 4 of 12 live links on managed portals (33 %, above the 30 % threshold)): the manual apply refuses it',
      );
      expect(note).toContain('labelled `zpa-gitops:allow-unsafe`');
    } finally {
      sim.seed({ userPortals: [{ name: 'Eng' }] });
    }
  });

  it('reviewed-digest exits 1 with a clear message when no merged pull request brought the commit', async () => {
    github.byCommit.set(MERGE_SHA, [{ number: 3, merged: false }]);
    const dir = workspace();
    const result = await cli(['reviewed-digest'], { cwd: dir, env: githubEnv(dir, 'push') });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'error: no merged pull request brought commit a1b2c3d4e5f6: there is no reviewed plan to apply\n',
    );
  });

  it('never prints the token, even when the API refuses it', async () => {
    const { dir } = await planned(['wiki']);
    const env = { ...githubEnv(dir, 'pull_request'), GITHUB_TOKEN: `${GITHUB_TOKEN}-wrong` };
    const result = await cli(['comment', 'plan.json'], { cwd: dir, env: { ...env, ZPA_GITOPS_DEBUG: '1' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: GitHub API: GET \/repos\/owner\/repo\/issues\/7\/comments\?per_page=100 failed \(HTTP 401\): Bad credentials; check the GitHub token\n$/,
    );
    expectNoToken(result.stdout, result.stderr);
  });
});

describe('comment on GitLab', () => {
  it('creates the note, then edits it on the second page after 45 earlier notes; reviewed-digest finds the merge request', async () => {
    gitlab.comments.set(5, [...others(44), { id: 45, body: 'added 1 commit', author: 'alice', system: true }]);
    const { dir } = await planned(['wiki']);
    const first = await cli(['comment', 'plan.json'], { cwd: dir, env: gitlabEnv(5) });
    expect(first.stdout).toMatch(/^Posted the plan comment on GitLab merge request !5 /);
    const notes = '/api/v4/projects/42/merge_requests/5/notes';
    const list = `${notes}?sort=asc&order_by=created_at&per_page=100`;
    // The request itself first: has its branch moved on since this pipeline's commit?
    expect(gitlab.lines()).toEqual([
      'GET /api/v4/projects/42/merge_requests/5',
      'GET /api/v4/user',
      `GET ${list}`,
      `GET ${list}&page=2`,
      `POST ${notes}`,
    ]);
    expect(gitlab.calls.every((c) => c.auth === GITLAB_TOKEN)).toBe(true);
    const mine = gitlab.comments.get(5)?.[45];
    gitlab.calls.length = 0;

    const digest = await replan(dir, ['wiki', 'jira']);
    const second = await cli(['comment', 'plan.json'], { cwd: dir, env: gitlabEnv(5) });
    expect(second.stdout).toMatch(/^Updated the plan comment on GitLab merge request !5 /);
    expect(gitlab.lines()).toEqual([
      'GET /api/v4/projects/42/merge_requests/5',
      'GET /api/v4/user',
      `GET ${list}`,
      `GET ${list}&page=2`,
      `PUT ${notes}/${mine?.id}`,
    ]);
    expect(gitlab.comments.get(5)).toHaveLength(46);
    expectNoToken(first.stdout, first.stderr, second.stdout, second.stderr);

    gitlab.byCommit.set(MERGE_SHA, [
      { number: 4, merged: false },
      { number: 5, merged: true, mergeCommit: MERGE_SHA },
    ]);
    gitlab.calls.length = 0;
    const reviewed = await cli(['reviewed-digest'], { cwd: dir, env: gitlabEnv() });
    expect(reviewed.stdout).toBe(`${digest}\n`);
    expect(gitlab.lines()).toEqual([
      `GET /api/v4/projects/42/repository/commits/${MERGE_SHA}/merge_requests`,
      'GET /api/v4/user',
      `GET ${list}`,
      `GET ${list}&page=2`,
    ]);
  });

  it('does nothing outside a merge request pipeline', async () => {
    const { dir } = await planned(['wiki']);
    const result = await cli(['comment', 'plan.json'], { cwd: dir, env: gitlabEnv() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('zpa-gitops comment: this pipeline is not for a merge request; nothing to comment.\n');
    expect(gitlab.calls).toEqual([]);
  });
});
