import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ApiError, AuthError } from '../../src/core/errors.js';
import { settingsFromEnv, ZpaClient } from '../../src/zpa/index.js';
import { ManualClock } from '../support/manual-clock.js';
import { CUSTOMER_ID, SIM_SECRET, expectNoCredentials, harness, rejectionOf, startSim } from './sim-helpers.js';
import { CLIENT_SETTINGS_READ, LINKS_READ, MICROTENANTS_READ, PORTALS_READ } from '../support/read-calls.js';

describe('sign-in', () => {
  it('legacy: signs in once at {base}/signin, form-encoded, then calls the API', async () => {
    const { sim, client, debugLines } = await harness();
    await client.read(CLIENT_SETTINGS_READ);
    await client.read(PORTALS_READ);
    const signIns = sim.requests.filter((r) => r.path === '/signin');
    expect(signIns).toHaveLength(1);
    expect(sim.requests.map((r) => r.path)).toContain(
      `/mgmtconfig/v1/admin/customers/${CUSTOMER_ID}/clientSetting/all`,
    );
    expect(client.stats.signIns).toBe(1);
    expect(client.target).toEqual({ host: sim.url.replace(/\/$/, ''), customerId: CUSTOMER_ID, microtenantId: '0' });
    expectNoCredentials(debugLines);
  });

  it('OneAPI: client-credentials token at /oauth2/v1/token, every path under /zpa', async () => {
    const { sim, client, debugLines } = await harness({}, { oneApi: true });
    await client.read(LINKS_READ);
    const token = sim.requests.find((r) => r.path === '/oauth2/v1/token');
    expect(token?.status).toBe(200);
    expect(token?.body).toMatchObject({ grant_type: 'client_credentials', audience: 'https://api.zscaler.com' });
    const api = sim.requests.filter((r) => r.path !== '/oauth2/v1/token');
    expect(api.length).toBeGreaterThan(0);
    for (const entry of api)
      expect(entry.path.startsWith(`/zpa/mgmtconfig/v1/admin/customers/${CUSTOMER_ID}/`)).toBe(true);
    expectNoCredentials(debugLines);
  });

  it('shares one sign-in between concurrent callers', async () => {
    const { sim, client } = await harness();
    await Promise.all([
      client.read(PORTALS_READ),
      client.read(LINKS_READ),
      client.read(CLIENT_SETTINGS_READ),
      client.read(MICROTENANTS_READ),
    ]);
    expect(sim.requests.filter((r) => r.path === '/signin')).toHaveLength(1);
    expect(client.stats.signIns).toBe(1);
  });

  it('signs in again before the token expires, without meeting a 401', async () => {
    // One clock for both ends, as a real client and server share (roughly) one time.
    const clock = new ManualClock();
    const { sim, client } = await harness({ tokenLifetimeSeconds: 3600, clock }, { clock });
    await client.read(PORTALS_READ);
    // The token is renewed a minute before its `exp`.
    await clock.advance(3_539_999);
    await client.read(PORTALS_READ);
    expect(client.stats.signIns).toBe(1);
    await clock.advance(1);
    await client.read(PORTALS_READ);
    expect(client.stats.signIns).toBe(2);
    expect(sim.requests.filter((r) => r.status === 401)).toHaveLength(0);
  });

  it('re-authenticates once on a 401 and repeats the call', async () => {
    const { sim, client } = await harness();
    await client.read(PORTALS_READ);
    sim.revokeTokens();
    sim.clearRequests();
    const portals = await client.read(PORTALS_READ);
    expect(Array.isArray(portals)).toBe(true);
    expect(sim.requests.map((r) => `${r.method} ${r.path.replace(/.*\/customers\/\d+/, '')} ${r.status}`)).toEqual([
      'GET /userPortal 401',
      'POST /signin 200',
      'GET /userPortal 200',
    ]);
    expect(client.stats.signIns).toBe(2);
  });

  it('gives up with an AuthError when a fresh token is refused too', async () => {
    const { sim, client } = await harness();
    await client.read(PORTALS_READ);
    sim.injectFault({
      method: 'GET',
      path: /userPortal$/,
      status: 401,
      times: 5,
      body: { id: 'authn.failed', reason: 'no' },
    });
    const error = await rejectionOf(client.read(PORTALS_READ));
    expect(error).toBeInstanceOf(AuthError);
    expect(client.stats.signIns).toBe(2);
    expect(sim.count({ method: 'GET', path: /userPortal$/ })).toBe(3);
  });

  it('a refused sign-in is an AuthError naming the variables, never the secret', async () => {
    const sim = await startSim();
    const env = { ...sim.env(), ZPA_CLIENT_SECRET: `${SIM_SECRET}-wrong` };
    const debugLines: string[] = [];
    const client = new ZpaClient({ settings: settingsFromEnv(env), debug: (line) => debugLines.push(line) });
    const error = await rejectionOf(client.read(PORTALS_READ));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('ZPA_CLIENT_SECRET');
    expect(error.message).not.toContain(SIM_SECRET);
    expect(JSON.stringify(error)).not.toContain(SIM_SECRET);
    expectNoCredentials([...debugLines, error.message, String(error.stack)]);
    expect(sim.requests.filter((r) => r.path.includes('/userPortal'))).toHaveLength(0);
    client.close();
  });

  it('never follows a redirect with the token to another host', async () => {
    const seen: Array<string | undefined> = [];
    const elsewhere = await listen((req, res) => {
      seen.push(req.headers.authorization);
      res.end('[]');
    });
    const api = await listen((req, res) => {
      if (req.url === '/signin') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ token_type: 'Bearer', access_token: 'opaque-token-123456', expires_in: '3600' }));
        return;
      }
      res.statusCode = 302;
      res.setHeader('location', `${elsewhere.url}/steal`);
      res.end();
    });
    const client = new ZpaClient({
      settings: settingsFromEnv({
        ZPA_CLIENT_ID: 'id',
        ZPA_CLIENT_SECRET: SIM_SECRET,
        ZPA_CUSTOMER_ID: '1',
        ZPA_CLOUD: api.url,
      }),
    });
    try {
      const error = await rejectionOf(client.read(CLIENT_SETTINGS_READ));
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(302);
      expect(error.message).not.toContain('opaque-token-123456');
      expect(seen).toEqual([]);
    } finally {
      client.close();
      await Promise.all([api.close(), elsewhere.close()]);
    }
  });
});

async function listen(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
