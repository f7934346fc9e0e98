/**
 * GitLab CI: the merge request from CI_MERGE_REQUEST_IID, its notes, and a commit's merge requests.
 * The job token cannot write notes, so a project or group access token with the `api` scope is read
 * from GITLAB_TOKEN. https://docs.gitlab.com/api/notes/#merge-requests
 */
import { CiApiError, CiHttp, nextLink } from './http.js';
import type { Forge, ForgeComment, RequestThread } from './forge.js';
import { requireEnv } from './env.js';
import { isObject } from './github.js';

const PER_PAGE = 100;
const MAX_PAGES = 100;

export function gitlabForge(env: Record<string, string | undefined>): Forge {
  const token = requireEnv(env, 'GITLAB_TOKEN', 'a masked CI/CD variable holding an access token with the api scope');
  const api = requireEnv(env, 'CI_API_V4_URL', 'GitLab CI sets it');
  const project = `/projects/${encodeURIComponent(requireEnv(env, 'CI_PROJECT_ID', 'GitLab CI sets it'))}`;
  const sha = requireEnv(env, 'CI_COMMIT_SHA', 'GitLab CI sets it');
  const http = new CiHttp({ host: 'GitLab', baseUrl: api, token, auth: { 'private-token': token } });

  const thread = (iid: string): RequestThread => {
    const notes = `${project}/merge_requests/${encodeURIComponent(iid)}/notes`;
    return {
      label: `merge request !${iid}`,
      comments: () => listNotes(http, http.url(`${notes}?sort=asc&order_by=created_at&per_page=${PER_PAGE}`)),
      create: async (body) => void (await http.request('POST', http.url(notes), { body })),
      update: async (id, body) =>
        void (await http.request('PUT', http.url(`${notes}/${encodeURIComponent(id)}`), { body })),
    };
  };

  let author: Promise<string> | undefined;
  return {
    name: 'GitLab',
    sha,
    // An access token's own user (a project bot), as GET /user reports it.
    commentAuthor() {
      const given = env['ZPA_GITOPS_COMMENT_AUTHOR'];
      if (given) return Promise.resolve(given);
      author ??= http.request('GET', http.url('/user')).then((reply) => {
        const name = isObject(reply.body) ? reply.body['username'] : undefined;
        if (typeof name !== 'string') throw new CiApiError('GitLab API: GET /user named no user');
        return name;
      });
      return author;
    },
    currentRequest() {
      const iid = env['CI_MERGE_REQUEST_IID'];
      return Promise.resolve(iid ? thread(iid) : { none: 'this pipeline is not for a merge request' });
    },
    async mergedRequestOf(commit) {
      const reply = await http.request(
        'GET',
        http.url(`${project}/repository/commits/${encodeURIComponent(commit)}/merge_requests`),
      );
      const requests = Array.isArray(reply.body) ? (reply.body as unknown[]).filter(isObject) : [];
      const merged =
        requests.find((r) => r['state'] === 'merged' && r['merge_commit_sha'] === commit) ??
        requests.find((r) => r['state'] === 'merged');
      return merged === undefined ? undefined : thread(String(merged['iid']));
    },
  };
}

async function listNotes(http: CiHttp, first: string): Promise<ForgeComment[]> {
  const notes: ForgeComment[] = [];
  let url: string | undefined = first;
  for (let page = 0; url !== undefined; page++) {
    if (page === MAX_PAGES) throw new CiApiError(`GitLab API: more than ${MAX_PAGES} pages of notes`);
    const reply = await http.request('GET', url);
    if (!Array.isArray(reply.body)) throw new CiApiError('GitLab API: the notes reply is not a list');
    for (const n of (reply.body as unknown[]).filter(isObject)) {
      if (n['system'] === true) continue; // "added 1 commit" and the like
      notes.push({
        id: String(n['id']),
        body: typeof n['body'] === 'string' ? n['body'] : '',
        author: isObject(n['author']) ? String(n['author']['username']) : '',
      });
    }
    // GitLab sends both a Link header and X-Next-Page; the link keeps every other query parameter.
    const nextPage = reply.headers['x-next-page'];
    url =
      nextLink(reply.headers['link']) ??
      (typeof nextPage === 'string' && /^\d+$/.test(nextPage) ? withPage(first, nextPage) : undefined);
  }
  return notes;
}

function withPage(url: string, page: string): string {
  const next = new URL(url);
  next.searchParams.set('page', page);
  return next.toString();
}
