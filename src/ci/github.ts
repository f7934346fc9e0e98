/**
 * GitHub Actions: the pull request from the event payload, its comments through the issues API
 * (a pull request is an issue for comments and labels), and a commit's pull requests for
 * `reviewed-digest`. REST API version 2022-11-28: https://docs.github.com/en/rest/issues/comments
 */
import { readFile } from 'node:fs/promises';
import { CiApiError, CiHttp, type CiExpect } from './http.js';
import type { Forge, ForgeComment, LabelEvent, RequestThread } from './forge.js';
import { requireEnv } from './env.js';
import { checkWritten, isObject, readPages, text } from './replies.js';

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
/** GitHub serves at most 100 per page; it may serve fewer, so paging always follows the Link header. */
const PER_PAGE = 100;
const LIST: CiExpect = { status: 200, json: 'list' };
const OBJECT: CiExpect = { status: 200, json: 'object' };
const CREATED: CiExpect = { status: 201, json: 'object' };

interface PullRequestEvent {
  number: string;
  headSha?: string;
  baseRef?: string;
}

export function githubForge(env: Record<string, string | undefined>): Forge {
  const token = requireEnv(env, 'GITHUB_TOKEN', 'pass it to the step: env: { GITHUB_TOKEN: ${{ github.token }} }');
  const repository = requireEnv(env, 'GITHUB_REPOSITORY', 'GitHub Actions sets it');
  const sha = requireEnv(env, 'GITHUB_SHA', 'GitHub Actions sets it');
  const http = new CiHttp({
    host: 'GitHub',
    variable: 'GITHUB_API_URL',
    baseUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com',
    token,
    auth: { authorization: `Bearer ${token}` },
    extraHeaders: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
  });
  const repo = `/repos/${repository.split('/').map(encodeURIComponent).join('/')}`;

  const thread = (number: string): RequestThread => ({
    label: `pull request #${number}`,
    comments: () =>
      readPages(http, http.url(`${repo}/issues/${number}/comments?per_page=${PER_PAGE}`), 'comments', toComment),
    async create(body) {
      const reply = await http.request('POST', http.url(`${repo}/issues/${number}/comments`), CREATED, { body });
      checkWritten('GitHub', reply.body, body, 'the comment it created');
    },
    async update(id, body) {
      const url = http.url(`${repo}/issues/comments/${encodeURIComponent(id)}`);
      checkWritten('GitHub', (await http.request('PATCH', url, OBJECT, { body })).body, body, 'the comment it edited');
    },
    async details() {
      const reply = await http.request('GET', http.url(`${repo}/pulls/${number}`), OBJECT);
      const pull = reply.body as Record<string, unknown>;
      const head = isObject(pull['head']) ? text(pull['head']['sha']) : '';
      const labels = Array.isArray(pull['labels']) ? pull['labels'].filter(isObject).map((l) => text(l['name'])) : [];
      return { headSha: head, labels };
    },
    labelEvents: () =>
      readPages(http, http.url(`${repo}/issues/${number}/events?per_page=${PER_PAGE}`), 'issue events', toLabelEvent),
  });

  let event: Promise<PullRequestEvent | undefined> | undefined;
  const pullRequest = () => (event ??= readPullRequestEvent(env['GITHUB_EVENT_PATH']));
  return {
    name: 'GitHub',
    sha,
    async currentRequest() {
      const name = env['GITHUB_EVENT_NAME'] ?? '';
      if (!PR_EVENTS.has(name)) return { none: `this is a ${name || 'non-pull-request'} event, not a pull request` };
      const pr = await pullRequest();
      return pr === undefined ? { none: 'the event payload names no pull request' } : thread(pr.number);
    },
    // GITHUB_TOKEN comments as github-actions[bot] and cannot ask GET /user who it is; a personal or
    // app token comments as someone else, named in ZPA_GITOPS_COMMENT_AUTHOR.
    commentAuthor: () => Promise.resolve(env['ZPA_GITOPS_COMMENT_AUTHOR'] || 'github-actions[bot]'),
    async mergedRequestOf(commit) {
      const reply = await http.request('GET', http.url(`${repo}/commits/${encodeURIComponent(commit)}/pulls`), LIST);
      const merged = (reply.body as unknown[]).filter(isObject).filter((p) => typeof p['merged_at'] === 'string');
      // The pull request whose merge made this commit; with rebase merges, any merged one listing it.
      const chosen = merged.find((p) => p['merge_commit_sha'] === commit) ?? merged[0];
      return chosen === undefined ? undefined : thread(String(chosen['number']));
    },
    async planned() {
      const pr = PR_EVENTS.has(env['GITHUB_EVENT_NAME'] ?? '') ? await pullRequest() : undefined;
      const ref = env['GITHUB_REF'] ?? '';
      // refs/pull/N/merge is GitHub's test merge of the head into the base: what merging will make.
      const merge =
        pr?.headSha && /^refs\/pull\/\d+\/merge$/.test(ref)
          ? `GitHub's merge of head \`${pr.headSha.slice(0, 12)}\` into \`${pr.baseRef ?? 'the base branch'}\` (\`${ref}\`)`
          : undefined;
      return { sha, ...(pr?.headSha ? { headSha: pr.headSha } : {}), ...(merge ? { merge } : {}) };
    },
  };
}

function toComment(c: Record<string, unknown>): ForgeComment {
  return {
    id: String(c['id']),
    body: text(c['body']),
    author: isObject(c['user']) ? text(c['user']['login']) : '',
    updatedAt: text(c['updated_at']) || text(c['created_at']),
  };
}

function toLabelEvent(e: Record<string, unknown>): LabelEvent | undefined {
  const action = e['event'] === 'labeled' ? 'added' : e['event'] === 'unlabeled' ? 'removed' : undefined;
  if (action === undefined || !isObject(e['label'])) return undefined;
  const actor = isObject(e['actor']) ? e['actor'] : {};
  const login = text(actor['login']);
  return {
    label: text(e['label']['name']),
    action,
    actor: login,
    actorIsBot: actor['type'] !== 'User' || login.endsWith('[bot]'),
    at: text(e['created_at']),
  };
}

async function readPullRequestEvent(path: string | undefined): Promise<PullRequestEvent | undefined> {
  if (!path) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new CiApiError(`cannot read the GitHub event payload at ${path}`);
  }
  const pr = isObject(payload) ? payload['pull_request'] : undefined;
  if (!isObject(pr)) return undefined;
  const number = pr['number'];
  if (typeof number !== 'number' || !Number.isInteger(number)) return undefined;
  const head = isObject(pr['head']) ? text(pr['head']['sha']) : '';
  const base = isObject(pr['base']) ? text(pr['base']['ref']) : '';
  return { number: String(number), ...(head ? { headSha: head } : {}), ...(base ? { baseRef: base } : {}) };
}
