/**
 * The benchmark's baseline: what a user might write instead of zpa-gitops, kept small on purpose.
 * `node hand-script.js plan|apply DIR`: signs in, reads links and portals in pages of 500, diffs the
 * manifests' links by name, and on apply makes one POST, PUT or DELETE per change, under its own
 * limiter at the published rate (window from HAND_WINDOW_MS). No validation, no safety checks.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

type Obj = Record<string, unknown> & { id?: string; name?: string; userPortals?: Array<{ id: string }> };
const env = process.env;
const [mode, dir = '.'] = process.argv.slice(2);
const WINDOW = Number(env['HAND_WINDOW_MS'] ?? 10_000);
const base = `${env['ZPA_CLOUD']}/mgmtconfig/v1/admin/customers/${env['ZPA_CUSTOMER_ID']}`;
const sent: Record<string, number[]> = { GET: [], WRITE: [] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function call(method: string, path: string, body?: unknown): Promise<Obj> {
  const budget = method === 'GET' ? 'GET' : 'WRITE';
  const times = sent[budget]!;
  const limit = budget === 'GET' ? 20 : 10;
  if (times.length >= limit) await sleep(times[times.length - limit]! + WINDOW - Date.now());
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  times.push(Date.now()); // timed from the reply: the API counts a call on arrival, after our send
  if (res.status === 429)
    return sleep(1000 * parseInt(res.headers.get('retry-after') ?? '1')).then(() => call(method, path, body));
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : {}) as Obj;
}

async function listAll(path: string): Promise<Obj[]> {
  const all: Obj[] = [];
  for (let page = 1, pages = 1; page <= pages; page++) {
    const reply = await call('GET', `${path}?page=${page}&pagesize=500`);
    all.push(...((reply['list'] as Obj[] | undefined) ?? []));
    pages = Number(reply['totalPages'] ?? 0);
  }
  return all;
}

const form = new URLSearchParams({ client_id: env['ZPA_CLIENT_ID']!, client_secret: env['ZPA_CLIENT_SECRET']! });
const signIn = await fetch(`${env['ZPA_CLOUD']}/signin`, { method: 'POST', body: form });
const token = ((await signIn.json()) as { access_token: string }).access_token;

const desired = new Map<string, { fields: Obj; portals: string[] }>();
for (const file of (await readdir(dir)).filter((f) => f.endsWith('.yaml'))) {
  const doc = parse(await readFile(join(dir, file), 'utf8')) as { userPortals?: Record<string, { links: Obj[] }> };
  for (const [portal, { links }] of Object.entries(doc.userPortals ?? {}))
    for (const { name, ...fields } of links) {
      const entry = desired.get(name!) ?? { fields, portals: [] };
      desired.set(name!, { fields: { ...entry.fields, ...fields }, portals: [...entry.portals, portal] });
    }
}
const live = await listAll('/userPortalLink');
const portals = await listAll('/userPortal');
const portalId = new Map(portals.map((p) => [p.name!, p.id!]));
const liveByName = new Map(live.map((l) => [l.name!, l]));
const changes: Array<[string, string, Obj?]> = [];
for (const [name, want] of desired) {
  const refs = want.portals.map((p) => ({ id: portalId.get(p)! }));
  const have = liveByName.get(name);
  if (!have) changes.push(['POST', '/userPortalLink', { name, ...want.fields, userPortals: refs }]);
  else if (
    Object.entries(want.fields).some(([k, v]) => have[k] !== v) ||
    JSON.stringify((have.userPortals ?? []).map((p) => p.id).sort()) !== JSON.stringify(refs.map((r) => r.id).sort())
  )
    changes.push(['PUT', `/userPortalLink/${have.id}`, { ...have, ...want.fields, userPortals: refs }]);
}
for (const [name, have] of liveByName) if (!desired.has(name)) changes.push(['DELETE', `/userPortalLink/${have.id}`]);
for (const [method, path, body] of mode === 'apply' ? changes : []) await call(method, path, body);
process.stdout.write(`${changes.length} changes${mode === 'apply' ? ' applied' : ''}\n`);
