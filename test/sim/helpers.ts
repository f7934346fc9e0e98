/** Shared set-up for the simulator's tests: real HTTP over 127.0.0.1, global fetch, nothing mocked. */
import { afterEach } from 'vitest';
import { startSimulator, type Simulator, type SimOptions } from '../../src/sim/index.js';

const open: Simulator[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((sim) => sim.close()));
});

export async function startSim(options: SimOptions = {}): Promise<Simulator> {
  const sim = await startSimulator(options);
  open.push(sim);
  return sim;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; undefined when there is none. */
  json: unknown;
}

export async function request(url: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text === '' ? undefined : JSON.parse(text) };
}

export function form(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}

export async function signIn(sim: Simulator): Promise<string> {
  const env = sim.env();
  const reply = await request(
    `${sim.url}/signin`,
    form({ client_id: env.ZPA_CLIENT_ID, client_secret: env.ZPA_CLIENT_SECRET }),
  );
  const token = (reply.json as { access_token?: unknown } | undefined)?.access_token;
  if (reply.status !== 200 || typeof token !== 'string')
    throw new Error(`sign-in failed: ${reply.status} ${reply.text}`);
  return token;
}

/** A signed-in client for the legacy API: `call('GET', '/userPortalLink?page=1')`. */
export interface Api {
  token: string;
  base: string;
  call(method: string, path: string, body?: unknown, version?: 'v1' | 'v2'): Promise<Reply>;
}

export async function apiFor(sim: Simulator): Promise<Api> {
  const token = await signIn(sim);
  const base = (version: string): string => `${sim.url}/mgmtconfig/${version}/admin/customers/${sim.customerId}`;
  return {
    token,
    base: base('v1'),
    call: (method, path, body, version = 'v1') =>
      request(`${base(version)}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
  };
}

export type Obj = Record<string, unknown>;

/** The `list` of a paged reply (empty when absent). */
export function listOf(reply: Reply): Obj[] {
  const list = (reply.json as { list?: Obj[] } | undefined)?.list;
  return list ?? [];
}
