/**
 * The simulator answers only clients that reached it by the address it printed, never a web page:
 * no DNS rebinding (another `Host`), no cross-site request (another `Origin`), and a client secret
 * no page can know in advance (random per run, kept only by `--state`).
 */
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveSimulator } from '../../src/sim/serve.js';
import { form, request, startSim } from './helpers.js';

interface RawReply {
  status: number;
  json: unknown;
}

/** node:http, since fetch may not set `Host`: the request a rebound DNS name makes a browser send. */
function raw(url: string, method: string, headers: Record<string, string>, body = ''): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, json: text === '' ? undefined : JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const printedSecret = (text: string) => /^export ZPA_CLIENT_SECRET=(\S+)$/m.exec(text)?.[1];

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('requests for another host', () => {
  it('Host: evil.example is refused on the API, /__sim and sign-in, and nothing is logged', async () => {
    const sim = await startSim({ seed: { userPortals: [{ name: 'Ops' }] } });
    const env = sim.env();
    const signIn = new URLSearchParams({ client_id: env.ZPA_CLIENT_ID, client_secret: env.ZPA_CLIENT_SECRET });
    const evil = { host: 'evil.example' };
    const links = `/mgmtconfig/v1/admin/customers/${sim.customerId}/userPortalLink?page=1`;
    for (const [method, path, body] of [
      ['GET', '/__sim/env', ''],
      ['GET', '/__sim/state', ''],
      ['POST', '/__sim/reset', ''],
      ['GET', links, ''],
      ['POST', '/signin', signIn.toString()],
    ] as const) {
      const reply = await raw(
        `${sim.url}${path}`,
        method,
        { ...evil, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      );
      expect(reply.status, `${method} ${path}`).toBe(421);
      expect(reply.json).toMatchObject({ id: 'sim.host.refused' });
      expect(JSON.stringify(reply.json)).not.toContain(env.ZPA_CLIENT_SECRET);
    }
    // The same port under a name that resolves to it (a rebound DNS name, or localhost) is refused too.
    expect((await raw(`${sim.url}/__sim/env`, 'GET', { host: `localhost:${sim.port}` })).status).toBe(421);
    expect(sim.requests).toEqual([]);
    expect(sim.counters().tokensIssued).toBe(0);
    // The address it printed is answered.
    expect((await raw(`${sim.url}/__sim/env`, 'GET', { host: `127.0.0.1:${sim.port}` })).status).toBe(200);
  });
});

describe('cross-site requests', () => {
  it('a POST to /__sim/reset from another Origin is refused and resets nothing', async () => {
    const sim = await startSim({ seed: { userPortals: [{ name: 'Ops' }] } });
    sim.seed({ userPortals: [{ name: 'Ops' }, { name: 'Changed since' }] });
    const names = () => sim.snapshot().userPortals.map((p) => p.name);
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: `http://localhost:${sim.port}` },
      { 'sec-fetch-site': 'cross-site' },
    ]) {
      const reply = await request(`${sim.url}/__sim/reset`, { method: 'POST', headers });
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(reply.json).toMatchObject({ id: 'sim.origin.refused' });
      expect(names()).toContain('Changed since');
    }
    // A cross-site sign-in gets no token either.
    const env = sim.env();
    const signIn = form({ client_id: env.ZPA_CLIENT_ID, client_secret: env.ZPA_CLIENT_SECRET });
    const refused = await request(`${sim.url}/signin`, {
      ...signIn,
      headers: { ...(signIn.headers as Record<string, string>), origin: 'https://evil.example' },
    });
    expect(refused.status).toBe(403);
    expect(sim.counters().tokensIssued).toBe(0);
    // Its own origin (a page the simulator served, were there one) and no Origin at all (curl) are answered.
    const own = await request(`${sim.url}/__sim/reset`, { method: 'POST', headers: { origin: sim.url } });
    expect(own.status).toBe(200);
    expect(names()).toEqual(['Ops']);
    expect((await request(`${sim.url}/__sim/reset`, { method: 'POST' })).status).toBe(200);
  });
});

describe('the printed client secret', () => {
  it('differs between two runs, and each run signs in with its own only', async () => {
    const first = await serveSimulator();
    const second = await serveSimulator();
    try {
      const [a, b] = [printedSecret(first.instructions), printedSecret(second.instructions)];
      expect(a).toMatch(/^sim-[\w-]{20,}$/);
      expect(b).toMatch(/^sim-[\w-]{20,}$/);
      expect(a).not.toBe(b);
      const id = first.simulator.env().ZPA_CLIENT_ID;
      const tryIn = (url: string, secret: string) =>
        request(`${url}/signin`, form({ client_id: id, client_secret: secret }));
      expect((await tryIn(first.simulator.url, a ?? '')).status).toBe(200);
      expect((await tryIn(second.simulator.url, a ?? '')).status).toBe(401);
      expect((await tryIn(second.simulator.url, b ?? '')).status).toBe(200);
    } finally {
      await first.simulator.close();
      await second.simulator.close();
    }
  });

  it('persists with --state: a restart on the same file prints and accepts the same secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zpa-gitops-sim-state-'));
    dirs.push(dir);
    const stateFile = join(dir, 'state.json');
    const first = await serveSimulator({ stateFile });
    const secret = printedSecret(first.instructions);
    await first.simulator.close();
    const again = await serveSimulator({ stateFile });
    try {
      expect(printedSecret(again.instructions)).toBe(secret);
      const id = again.simulator.env().ZPA_CLIENT_ID;
      const reply = await request(
        `${again.simulator.url}/signin`,
        form({ client_id: id, client_secret: secret ?? '' }),
      );
      expect(reply.status).toBe(200);
    } finally {
      await again.simulator.close();
    }
    // Another state file is another secret.
    const other = await serveSimulator({ stateFile: join(dir, 'other.json') });
    await other.simulator.close();
    expect(printedSecret(other.instructions)).not.toBe(secret);
  });
});
