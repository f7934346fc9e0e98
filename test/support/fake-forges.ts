/**
 * Fake GitHub REST and GitLab v4 APIs on 127.0.0.1:0, holding comments in memory and logging every
 * request, for `comment` and `reviewed-digest`. They page comments by at most PAGE_CAP whatever
 * per_page asks for (GitHub and GitLab may both serve fewer than asked), so paging is exercised.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const PAGE_CAP = 30;

export interface LoggedCall {
  method: string;
  /** Path and query. */
  path: string;
  body?: unknown;
  auth: string | undefined;
}

export interface FakeComment {
  id: number;
  body: string;
  author: string;
  system?: boolean;
  /** ISO 8601, from the fake's own clock (each write is one second after the last event). */
  updatedAt?: string;
}

export interface FakeLabelEvent {
  label: string;
  action: 'added' | 'removed';
  actor: string;
  /** GitHub's actor type; GitLab's events do not say. */
  actorType: 'User' | 'Bot';
  at: string;
}

/** A reply the test puts in place of the fake's own, e.g. a redirect or an HTML page. */
export interface FakeReply {
  status: number;
  body?: unknown;
  /** Sent as is, instead of JSON. */
  raw?: string;
  headers?: Record<string, string>;
}

/** Who each fake's token comments as. */
export const GITHUB_BOT = 'github-actions[bot]';
export const GITLAB_BOT = 'project_42_bot_0123';

export interface FakeForge {
  url: string;
  calls: LoggedCall[];
  /** Comments by request number (GitHub) or iid (GitLab). */
  comments: Map<number, FakeComment[]>;
  /** Requests associated with a commit: number or iid, merged or not, merge commit. */
  byCommit: Map<string, { number: number; merged: boolean; mergeCommit?: string }[]>;
  /** Head commit of each request (`GET` of the request itself). */
  heads: Map<number, string>;
  labels: Map<number, string[]>;
  labelEvents: Map<number, FakeLabelEvent[]>;
  /** A person (or a bot) adds or removes a label, now on the fake's clock. */
  label(number: number, label: string, action: 'added' | 'removed', actor: string, actorType?: 'User' | 'Bot'): void;
  /** The fake's clock: every write and label event advances it one second. */
  tick(): string;
  /** Consulted before the routes: a reply to send instead, or undefined. */
  override?: ((method: string, path: string) => FakeReply | undefined) | undefined;
  /** The calls as `METHOD path`. */
  lines(): string[];
  close(): Promise<void>;
}

type Handler = (
  forge: FakeForge & { newId: () => number },
  req: { method: string; url: URL; body: unknown; auth: string | undefined },
) => {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
};

async function startFake(token: string, authHeader: string, handler: Handler): Promise<FakeForge> {
  let nextId = 1000;
  let clock = Date.parse('2026-12-01T10:00:00Z');
  const forge: FakeForge & { newId: () => number } = {
    newId: () => nextId++,
    url: '',
    calls: [],
    comments: new Map(),
    byCommit: new Map(),
    heads: new Map(),
    labels: new Map(),
    labelEvents: new Map(),
    tick: () => new Date((clock += 1000)).toISOString(),
    label(number, label, action, actor, actorType = 'User') {
      const now = forge.labels.get(number) ?? [];
      forge.labels.set(number, action === 'added' ? [...now, label] : now.filter((l) => l !== label));
      forge.labelEvents.set(number, [
        ...(forge.labelEvents.get(number) ?? []),
        { label, action, actor, actorType, at: forge.tick() },
      ]);
    },
    lines: () => forge.calls.map((c) => `${c.method} ${c.path}`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body: unknown = text ? JSON.parse(text) : undefined;
      const url = new URL(req.url ?? '/', forge.url);
      const header = req.headers[authHeader];
      const auth = Array.isArray(header) ? header[0] : header;
      forge.calls.push({
        method: req.method ?? '',
        path: `${url.pathname}${url.search}`,
        auth,
        ...(body === undefined ? {} : { body }),
      });
      const expected = authHeader === 'authorization' ? `Bearer ${token}` : token;
      const reply: FakeReply =
        forge.override?.(req.method ?? '', `${url.pathname}${url.search}`) ??
        (auth !== expected
          ? { status: 401, body: { message: 'Bad credentials' } }
          : handler(forge, { method: req.method ?? '', url, body, auth }));
      const type = reply.raw === undefined ? 'application/json' : 'text/html';
      res.writeHead(reply.status, { 'content-type': type, ...reply.headers });
      res.end(reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  forge.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return forge;
}

function page<T>(items: T[], url: URL): { slice: T[]; next?: number } {
  const perPage = Math.min(Number(url.searchParams.get('per_page') ?? PAGE_CAP), PAGE_CAP);
  const number = Number(url.searchParams.get('page') ?? '1');
  const slice = items.slice((number - 1) * perPage, number * perPage);
  return number * perPage < items.length ? { slice, next: number + 1 } : { slice };
}

function linkTo(url: URL, next: number): string {
  const target = new URL(url);
  target.searchParams.set('page', String(next));
  return `<${target.toString()}>; rel="next"`;
}

/** The few GitHub REST routes `comment` and `reviewed-digest` use, for repository `owner/repo`. */
export function startFakeGitHub(token: string): Promise<FakeForge> {
  return startFake(token, 'authorization', (forge, { method, url, body }) => {
    const path = url.pathname;
    let m = /^\/repos\/owner\/repo\/issues\/(\d+)\/comments$/.exec(path);
    if (m && method === 'GET') {
      const { slice, next } = page(forge.comments.get(Number(m[1])) ?? [], url);
      return { status: 200, body: slice.map(githubComment), ...(next ? { headers: { link: linkTo(url, next) } } : {}) };
    }
    if (m && method === 'POST') {
      const list = forge.comments.get(Number(m[1])) ?? [];
      const comment = {
        id: forge.newId(),
        body: (body as { body: string }).body,
        author: GITHUB_BOT,
        updatedAt: forge.tick(),
      };
      forge.comments.set(Number(m[1]), [...list, comment]);
      return { status: 201, body: githubComment(comment) };
    }
    m = /^\/repos\/owner\/repo\/issues\/comments\/(\d+)$/.exec(path);
    if (m && method === 'PATCH') {
      for (const list of forge.comments.values())
        for (const c of list)
          if (c.id === Number(m[1])) {
            c.body = (body as { body: string }).body;
            c.updatedAt = forge.tick();
            return { status: 200, body: githubComment(c) };
          }
      return { status: 404, body: { message: 'Not Found' } };
    }
    m = /^\/repos\/owner\/repo\/pulls\/(\d+)$/.exec(path);
    if (m && method === 'GET') {
      const number = Number(m[1]);
      const labels = (forge.labels.get(number) ?? []).map((name) => ({ name }));
      return { status: 200, body: { number, head: { sha: forge.heads.get(number) ?? '' }, labels } };
    }
    m = /^\/repos\/owner\/repo\/issues\/(\d+)\/events$/.exec(path);
    if (m && method === 'GET') {
      const { slice, next } = page(forge.labelEvents.get(Number(m[1])) ?? [], url);
      const events = slice.map((e) => ({
        event: e.action === 'added' ? 'labeled' : 'unlabeled',
        actor: { login: e.actor, type: e.actorType },
        label: { name: e.label },
        created_at: e.at,
      }));
      return { status: 200, body: events, ...(next ? { headers: { link: linkTo(url, next) } } : {}) };
    }
    m = /^\/repos\/owner\/repo\/commits\/([0-9a-f]+)\/pulls$/.exec(path);
    if (m && method === 'GET') {
      const pulls = (forge.byCommit.get(m[1] ?? '') ?? []).map((p) => ({
        number: p.number,
        state: p.merged ? 'closed' : 'open',
        merged_at: p.merged ? '2026-12-01T20:00:00Z' : null,
        merge_commit_sha: p.mergeCommit ?? null,
      }));
      return { status: 200, body: pulls };
    }
    return { status: 404, body: { message: 'Not Found' } };
  });
}

/** The few GitLab v4 routes, for project id 42, under /api/v4. */
export function startFakeGitLab(token: string): Promise<FakeForge> {
  return startFake(token, 'private-token', (forge, { method, url, body }) => {
    const path = url.pathname;
    if (path === '/api/v4/user' && method === 'GET') return { status: 200, body: { id: 77, username: GITLAB_BOT } };
    let m = /^\/api\/v4\/projects\/42\/merge_requests\/(\d+)\/notes$/.exec(path);
    if (m && method === 'GET') {
      const { slice, next } = page(forge.comments.get(Number(m[1])) ?? [], url);
      const notes = slice.map(gitlabNote);
      return { status: 200, body: notes, headers: next ? { 'x-next-page': String(next) } : { 'x-next-page': '' } };
    }
    if (m && method === 'POST') {
      const list = forge.comments.get(Number(m[1])) ?? [];
      const note = {
        id: forge.newId(),
        body: (body as { body: string }).body,
        author: GITLAB_BOT,
        updatedAt: forge.tick(),
      };
      forge.comments.set(Number(m[1]), [...list, note]);
      return { status: 201, body: gitlabNote(note) };
    }
    m = /^\/api\/v4\/projects\/42\/merge_requests\/(\d+)\/notes\/(\d+)$/.exec(path);
    if (m && method === 'PUT') {
      for (const c of forge.comments.get(Number(m[1])) ?? [])
        if (c.id === Number(m[2])) {
          c.body = (body as { body: string }).body;
          c.updatedAt = forge.tick();
          return { status: 200, body: gitlabNote(c) };
        }
      return { status: 404, body: { message: '404 Not found' } };
    }
    m = /^\/api\/v4\/projects\/42\/merge_requests\/(\d+)$/.exec(path);
    if (m && method === 'GET') {
      const iid = Number(m[1]);
      return { status: 200, body: { iid, sha: forge.heads.get(iid) ?? '', labels: forge.labels.get(iid) ?? [] } };
    }
    m = /^\/api\/v4\/projects\/42\/merge_requests\/(\d+)\/resource_label_events$/.exec(path);
    if (m && method === 'GET') {
      const { slice, next } = page(forge.labelEvents.get(Number(m[1])) ?? [], url);
      const events = slice.map((e, i) => ({
        id: i + 1,
        user: { username: e.actor },
        created_at: e.at,
        label: { name: e.label },
        action: e.action === 'added' ? 'add' : 'remove',
      }));
      return { status: 200, body: events, headers: next ? { 'x-next-page': String(next) } : { 'x-next-page': '' } };
    }
    m = /^\/api\/v4\/projects\/42\/repository\/commits\/([0-9a-f]+)\/merge_requests$/.exec(path);
    if (m && method === 'GET') {
      const requests = (forge.byCommit.get(m[1] ?? '') ?? []).map((r) => ({
        iid: r.number,
        state: r.merged ? 'merged' : 'opened',
        merge_commit_sha: r.mergeCommit ?? null,
      }));
      return { status: 200, body: requests };
    }
    return { status: 404, body: { message: '404 Not Found' } };
  });
}

const EPOCH = '2026-12-01T09:00:00.000Z';

function githubComment(c: FakeComment) {
  return { id: c.id, body: c.body, user: { login: c.author }, created_at: EPOCH, updated_at: c.updatedAt ?? EPOCH };
}

function gitlabNote(c: FakeComment) {
  return {
    id: c.id,
    body: c.body,
    system: c.system ?? false,
    author: { username: c.author },
    created_at: EPOCH,
    updated_at: c.updatedAt ?? EPOCH,
  };
}
