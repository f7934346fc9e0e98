/**
 * GitHub Actions: the pull request from the event payload, its comments through the issues API
 * (a pull request is an issue for comments), and a commit's pull requests for `reviewed-digest`.
 * REST API version 2022-11-28: https://docs.github.com/en/rest/issues/comments
 */
import { readFile } from 'node:fs/promises';
import { CiApiError, CiHttp, nextLink } from './http.js';
import type { Forge, ForgeComment, RequestThread } from './forge.js';
import { requireEnv } from './env.js';

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
/** GitHub serves at most 100 per page; it may serve fewer, so paging always follows the Link header. */
const PER_PAGE = 100;
const MAX_PAGES = 100;

export function githubForge(env: Record<string, string | undefined>): Forge {
  const token = requireEnv(env, 'GITHUB_TOKEN', 'pass it to the step: env: { GITHUB_TOKEN: ${{ github.token }} }');
  const repository = requireEnv(env, 'GITHUB_REPOSITORY', 'GitHub Actions sets it');
  const sha = requireEnv(env, 'GITHUB_SHA', 'GitHub Actions sets it');
  const http = new CiHttp({
    host: 'GitHub',
    baseUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com',
    token,
    auth: { authorization: `Bearer ${token}` },
    extraHeaders: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
  });
  const repo = `/repos/${repository.split('/').map(encodeURIComponent).join('/')}`;

  const thread = (number: string): RequestThread => ({
    label: `pull request #${number}`,
    comments: () => listComments(http, http.url(`${repo}/issues/${number}/comments?per_page=${PER_PAGE}`)),
    create: async (body) => void (await http.request('POST', http.url(`${repo}/issues/${number}/comments`), { body })),
    update: async (id, body) =>
      void (await http.request('PATCH', http.url(`${repo}/issues/comments/${encodeURIComponent(id)}`), { body })),
  });

  return {
    name: 'GitHub',
    sha,
    async currentRequest() {
      const event = env['GITHUB_EVENT_NAME'] ?? '';
      if (!PR_EVENTS.has(event)) return { none: `this is a ${event || 'non-pull-request'} event, not a pull request` };
      const number = await pullRequestNumber(env['GITHUB_EVENT_PATH']);
      return number === undefined ? { none: 'the event payload names no pull request' } : thread(number);
    },
    // GITHUB_TOKEN comments as github-actions[bot] and cannot ask GET /user who it is; a personal or
    // app token comments as someone else, named in ZPA_GITOPS_COMMENT_AUTHOR.
    commentAuthor: () => Promise.resolve(env['ZPA_GITOPS_COMMENT_AUTHOR'] || 'github-actions[bot]'),
    async mergedRequestOf(commit) {
      const reply = await http.request('GET', http.url(`${repo}/commits/${encodeURIComponent(commit)}/pulls`));
      const pulls = Array.isArray(reply.body) ? (reply.body as unknown[]).filter(isObject) : [];
      const merged = pulls.filter((p) => typeof p['merged_at'] === 'string');
      // The pull request whose merge made this commit; with rebase merges, any merged one listing it.
      const chosen = merged.find((p) => p['merge_commit_sha'] === commit) ?? merged[0];
      return chosen === undefined ? undefined : thread(String(chosen['number']));
    },
  };
}

async function listComments(http: CiHttp, first: string): Promise<ForgeComment[]> {
  const comments: ForgeComment[] = [];
  let url: string | undefined = first;
  for (let page = 0; url !== undefined; page++) {
    if (page === MAX_PAGES) throw new CiApiError(`GitHub API: more than ${MAX_PAGES} pages of comments`);
    const reply = await http.request('GET', url);
    if (!Array.isArray(reply.body)) throw new CiApiError('GitHub API: the comments reply is not a list');
    for (const c of (reply.body as unknown[]).filter(isObject))
      comments.push({
        id: String(c['id']),
        body: typeof c['body'] === 'string' ? c['body'] : '',
        author: isObject(c['user']) ? String(c['user']['login']) : '',
      });
    url = nextLink(reply.headers['link']);
  }
  return comments;
}

async function pullRequestNumber(path: string | undefined): Promise<string | undefined> {
  if (!path) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new CiApiError(`cannot read the GitHub event payload at ${path}`);
  }
  const pr = isObject(payload) ? payload['pull_request'] : undefined;
  const number = isObject(pr) ? pr['number'] : undefined;
  return typeof number === 'number' && Number.isInteger(number) ? String(number) : undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
