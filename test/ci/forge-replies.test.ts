/**
 * What a code host answers is believed only when it is the documented success: redirects, sign-in
 * pages, empty replies and broken paging links are errors; the token is never sent in clear text to
 * another host, and never printed, whole or in part, nor any token-shaped string a reply carries.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { cliOnFakeClock } from '../support/fake-clock-cli.js';
import { GITHUB_BOT, startFakeGitHub, startFakeGitLab, type FakeForge } from '../support/fake-forges.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';

const GITHUB_TOKEN = 'ghs_replies0token0that0must0never0be0printed';
const GITLAB_TOKEN = 'glpat-replies0token0that0must0never0be0printed';
const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

let sim: Simulator;
let github: FakeForge;
let gitlab: FakeForge;
let dir: string;
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
  for (const forge of [github, gitlab]) {
    forge.calls.length = 0;
    forge.override = undefined;
    forge.comments.clear();
  }
});

async function planned(): Promise<string> {
  dir = workspace(portalManifests({ Eng: [{ name: 'wiki', link: 'wiki.example.com' }] }));
  expect((await cli(['plan', '--out', 'plan.json'], { cwd: dir, env: sim.env() })).code).toBe(0);
  writeFileSync(join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 7 } }));
  return dir;
}

function githubEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_TOKEN,
    GITHUB_API_URL: github.url,
    GITHUB_REPOSITORY: 'owner/repo',
    GITHUB_SHA: SHA,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    ...overrides,
  };
}

const gitlabEnv = (overrides: Record<string, string> = {}) => ({
  GITLAB_CI: 'true',
  GITLAB_TOKEN,
  CI_API_V4_URL: `${gitlab.url}/api/v4`,
  CI_PROJECT_ID: '42',
  CI_COMMIT_SHA: SHA,
  CI_MERGE_REQUEST_IID: '5',
  ...overrides,
});

// On the fake clock: a GET the code host answers with a 5xx is retried after a back-off, waited out
// in the timers' own bookkeeping rather than in real seconds.
const comment = async (env: Record<string, string>) => cliOnFakeClock(['comment', 'plan.json'], { cwd: dir, env });

describe('only the documented success counts', () => {
  it('a redirect to the comment POST is an error naming where it pointed, never "Posted"', async () => {
    await planned();
    github.override = (method) =>
      method === 'POST' ? { status: 302, headers: { location: 'https://sso.example.com/login' } } : undefined;
    const result = await comment(githubEnv());
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('Posted');
    expect(result.stderr).toBe(
      `error: GitHub API: POST /repos/owner/repo/issues/7/comments answered HTTP 302, a redirect to https://sso.example.com/login, which is never followed (the token goes only to ${github.url}); check GITHUB_API_URL\n`,
    );
    expect(github.comments.get(7)).toBeUndefined();
  });

  it('a sign-in page with HTTP 200 is not a list of comments', async () => {
    await planned();
    github.override = (method) =>
      method === 'GET' ? { status: 200, raw: '<html><body>Sign in to your company</body></html>' } : undefined;
    const result = await comment(githubEnv());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'answered HTTP 200 with a body that is not JSON (text/html: a sign-in or proxy page?), not the documented HTTP 200 with a JSON list',
    );
  });

  it('204 to the POST on GitHub and to the PUT on GitLab are not a written comment', async () => {
    await planned();
    github.override = (method) => (method === 'POST' ? { status: 204 } : undefined);
    const posted = await comment(githubEnv());
    expect(posted.code).toBe(1);
    expect(posted.stderr).toContain('answered HTTP 204, not the documented HTTP 201 with a JSON object');

    gitlab.comments.set(5, []);
    expect((await comment(gitlabEnv())).code).toBe(0);
    await cli(['plan', '--out', 'plan.json', '--target', 'link:wiki'], { cwd: dir, env: sim.env() });
    gitlab.override = (method) => (method === 'PUT' ? { status: 204 } : undefined);
    const [note] = gitlab.comments.get(5) ?? [];
    if (note) note.body = `${note.body}\nedited`; // so the run must write
    const updated = await comment(gitlabEnv());
    expect(updated.code).toBe(1);
    expect(updated.stdout).not.toContain('Updated');
    expect(updated.stderr).toContain('PUT /api/v4/projects/42/merge_requests/5/notes/');
    expect(updated.stderr).toContain('answered HTTP 204, not the documented HTTP 200 with a JSON object');
  });

  it('an edit answered with an object that is not the comment is not "Updated"', async () => {
    await planned();
    github.comments.set(7, [{ id: 77, body: '<!-- zpa-gitops:sticky name=default -->\nold', author: GITHUB_BOT }]);
    github.override = (method) => (method === 'PATCH' ? { status: 200, body: {} } : undefined);
    const result = await comment(githubEnv());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: GitHub API answered without the comment it edited carrying the text sent; the comment may not have been written\n',
    );
  });

  it('an invalid Link header is a clear error, not an internal one', async () => {
    await planned();
    github.override = (method) =>
      method === 'GET' ? { status: 200, body: [], headers: { link: '<::not a url>; rel="next"' } } : undefined;
    const result = await comment(githubEnv());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: GitHub API sent an invalid Link header (its rel="next" is not <an absolute URL>: "<::not a url>; rel=\\"next\\""); cannot read every page\n',
    );
  });
});

describe('the token', () => {
  it('is refused for a non-loopback http:// API before any connection, on both forges', async () => {
    await planned();
    const hub = await comment(githubEnv({ GITHUB_API_URL: 'http://github.example.com/api/v3' }));
    expect(hub.code).toBe(1);
    expect(hub.stderr).toBe(
      'error: GITHUB_API_URL may use http:// only for a loopback host (127.0.0.1, localhost, ::1); use https://; the GitHub token was not sent\n',
    );
    const lab = await comment(gitlabEnv({ CI_API_V4_URL: 'http://gitlab.example.com/api/v4' }));
    expect(lab.stderr).toBe(
      'error: CI_API_V4_URL may use http:// only for a loopback host (127.0.0.1, localhost, ::1); use https://; the GitLab token was not sent\n',
    );
    expect(github.calls).toEqual([]);
    expect(gitlab.calls).toEqual([]);
  });

  it('is masked before a long error message is cut, so no part of it is printed', async () => {
    await planned();
    github.override = () => ({
      status: 403,
      body: { message: `${'x'.repeat(180)} token ${GITHUB_TOKEN} was refused` },
    });
    const result = await comment(githubEnv());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${'x'.repeat(180)} token *** was`);
    expect(result.stderr).not.toContain(GITHUB_TOKEN.slice(0, 10));
  });

  it('token shapes this process never issued are masked too: a JWT, ghs_, glpat-', async () => {
    await planned();
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm93bmVyL3JlcG8ifQ.c2lnbmF0dXJlLWJ5dGVz';
    const others = `${jwt} ghs_AbCdEfGhIjKlMnOpQrStUvWxYz012345 glpat-Zy9Xw8Vu7Ts6Rq5Po4Nm`;
    github.override = () => ({ status: 500, body: { message: `upstream said: ${others}` } });
    const result = await comment(githubEnv());
    expect(result.stderr).toBe(
      'error: GitHub API: GET /repos/owner/repo/issues/7/comments?per_page=100 failed (HTTP 500): upstream said: *** *** ***\n',
    );
  });

  it('a short token is masked when it is the configured one', async () => {
    const short = await startFakeGitHub('k3y');
    try {
      await planned();
      short.override = () => ({ status: 500, body: { message: 'the key k3y is not valid here' } });
      const result = await comment(githubEnv({ GITHUB_TOKEN: 'k3y', GITHUB_API_URL: short.url }));
      expect(result.stderr).toContain('the key *** is not valid here');
      expect(result.stderr).not.toContain('k3y');
    } finally {
      await short.close();
    }
  });
});
