/**
 * GitLab CI: the merge request from CI_MERGE_REQUEST_IID, its notes, and a commit's merge requests.
 * The job token cannot write notes, so a project or group access token with the `api` scope is read
 * from GITLAB_TOKEN. https://docs.gitlab.com/api/notes/#merge-requests
 */
import { CiApiError, CiHttp, type CiExpect } from './http.js';
import type { Forge, ForgeComment, LabelEvent, RequestThread } from './forge.js';
import { requireEnv } from './env.js';
import { checkWritten, isObject, readPages, text } from './replies.js';

const PER_PAGE = 100;
const LIST: CiExpect = { status: 200, json: 'list' };
const OBJECT: CiExpect = { status: 200, json: 'object' };
const CREATED: CiExpect = { status: 201, json: 'object' };
/** Project and group access tokens act as users named like this. */
const BOT_USER = /^(project|group)_\d+_bot(_[0-9a-f]+)?$/;

export function gitlabForge(env: Record<string, string | undefined>): Forge {
  const token = requireEnv(env, 'GITLAB_TOKEN', 'a masked CI/CD variable holding an access token with the api scope');
  const api = requireEnv(env, 'CI_API_V4_URL', 'GitLab CI sets it');
  const project = `/projects/${encodeURIComponent(requireEnv(env, 'CI_PROJECT_ID', 'GitLab CI sets it'))}`;
  const sha = requireEnv(env, 'CI_COMMIT_SHA', 'GitLab CI sets it');
  const http = new CiHttp({
    host: 'GitLab',
    variable: 'CI_API_V4_URL',
    baseUrl: api,
    token,
    auth: { 'private-token': token },
  });

  let author: Promise<string> | undefined;
  const commentAuthor = () => {
    const given = env['ZPA_GITOPS_COMMENT_AUTHOR'];
    if (given) return Promise.resolve(given);
    author ??= http.request('GET', http.url('/user'), OBJECT).then((reply) => {
      const name = (reply.body as Record<string, unknown>)['username'];
      if (typeof name !== 'string') throw new CiApiError('GitLab API: GET /user named no user');
      return name;
    });
    return author;
  };

  const thread = (iid: string): RequestThread => {
    const request = `${project}/merge_requests/${encodeURIComponent(iid)}`;
    const notes = `${request}/notes`;
    return {
      label: `merge request !${iid}`,
      comments: () =>
        readPages(http, http.url(`${notes}?sort=asc&order_by=created_at&per_page=${PER_PAGE}`), 'notes', toNote),
      async create(body) {
        checkWritten(
          'GitLab',
          (await http.request('POST', http.url(notes), CREATED, { body })).body,
          body,
          'the note it created',
        );
      },
      async update(id, body) {
        const url = http.url(`${notes}/${encodeURIComponent(id)}`);
        checkWritten('GitLab', (await http.request('PUT', url, OBJECT, { body })).body, body, 'the note it edited');
      },
      async details() {
        const reply = (await http.request('GET', http.url(request), OBJECT)).body as Record<string, unknown>;
        const labels = Array.isArray(reply['labels']) ? reply['labels'].map(text) : [];
        return { headSha: text(reply['sha']), labels };
      },
      async labelEvents() {
        const me = await commentAuthor();
        return readPages(http, http.url(`${request}/resource_label_events?per_page=${PER_PAGE}`), 'label events', (e) =>
          toLabelEvent(e, me),
        );
      },
    };
  };

  return {
    name: 'GitLab',
    sha,
    // An access token's own user (a project bot), as GET /user reports it.
    commentAuthor,
    currentRequest() {
      const iid = env['CI_MERGE_REQUEST_IID'];
      return Promise.resolve(iid ? thread(iid) : { none: 'this pipeline is not for a merge request' });
    },
    async mergedRequestOf(commit) {
      const reply = await http.request(
        'GET',
        http.url(`${project}/repository/commits/${encodeURIComponent(commit)}/merge_requests`),
        LIST,
      );
      const requests = (reply.body as unknown[]).filter(isObject);
      const merged =
        requests.find((r) => r['state'] === 'merged' && r['merge_commit_sha'] === commit) ??
        requests.find((r) => r['state'] === 'merged');
      return merged === undefined ? undefined : thread(String(merged['iid']));
    },
    planned: () => Promise.resolve(plannedCommit(env, sha)),
  };
}

/**
 * What a merge request pipeline planned. A merged results (or merge train) pipeline runs on GitLab's
 * merge of the source into the target; otherwise the recipe merges the target into the checkout
 * first and says so in ZPA_GITOPS_MERGED_TARGET (the target commit it merged).
 */
function plannedCommit(env: Record<string, string | undefined>, sha: string) {
  const target = env['CI_MERGE_REQUEST_TARGET_BRANCH_NAME'] || 'the target branch';
  const type = env['CI_MERGE_REQUEST_EVENT_TYPE'];
  if (type === 'merged_result' || type === 'merge_train') {
    const head = env['CI_MERGE_REQUEST_SOURCE_BRANCH_SHA'] || undefined;
    const of = head ? `head \`${head.slice(0, 12)}\`` : 'the source branch';
    const pipeline = type === 'merge_train' ? 'merge train' : 'merged results pipeline';
    return { sha, ...(head ? { headSha: head } : {}), merge: `GitLab's ${pipeline}: ${of} merged into \`${target}\`` };
  }
  if (!env['CI_MERGE_REQUEST_IID']) return { sha };
  const merged = env['ZPA_GITOPS_MERGED_TARGET'];
  const merge = merged
    ? `head \`${sha.slice(0, 12)}\` merged in this job with \`${target}\` at \`${merged.slice(0, 12)}\` (no merged results pipeline)`
    : `head \`${sha.slice(0, 12)}\` alone, not merged with \`${target}\`: changes on \`${target}\` since the branch left it show here as if the merge would undo them`;
  return { sha, headSha: sha, merge };
}

function toNote(n: Record<string, unknown>): ForgeComment | undefined {
  if (n['system'] === true) return undefined; // "added 1 commit" and the like
  return {
    id: String(n['id']),
    body: text(n['body']),
    author: isObject(n['author']) ? text(n['author']['username']) : '',
    updatedAt: text(n['updated_at']) || text(n['created_at']),
  };
}

function toLabelEvent(e: Record<string, unknown>, me: string): LabelEvent | undefined {
  const action = e['action'] === 'add' ? 'added' : e['action'] === 'remove' ? 'removed' : undefined;
  if (action === undefined || !isObject(e['label'])) return undefined;
  const user = isObject(e['user']) ? text(e['user']['username']) : '';
  // GitLab's event names the user only; an access token's bot user is known by its name, and this
  // job's own token user is never a person approving.
  return {
    label: text(e['label']['name']),
    action,
    actor: user,
    actorIsBot: user === '' || user === me || BOT_USER.test(user) || e['user'] === null,
    at: text(e['created_at']),
  };
}
