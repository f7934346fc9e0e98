import { describe, expect, it } from 'vitest';
import { MANUAL_EPOCH, ManualClock } from '../support/manual-clock.js';
import { apiFor, form, request, signIn, startSim } from './helpers.js';
import { anyString, stringMatching } from '../support/matchers.js';

function claims(token: string): Record<string, unknown> {
  const parts = token.split('.');
  expect(parts).toHaveLength(3);
  return JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('sign-in', () => {
  it('legacy /signin: form-encoded, Bearer JWT with exp, expires_in as a string', async () => {
    const sim = await startSim({ clock: new ManualClock() });
    const reply = await request(
      `${sim.url}/signin`,
      form({ client_id: sim.env().ZPA_CLIENT_ID, client_secret: sim.env().ZPA_CLIENT_SECRET }),
    );
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ token_type: 'Bearer', expires_in: '3600' });
    const token = (reply.json as { access_token: string }).access_token;
    const exp = claims(token)['exp'];
    expect(typeof exp).toBe('number');
    expect(exp).toBe(MANUAL_EPOCH / 1000 + 3600);
  });

  it('OneAPI /oauth2/v1/token: client credentials with the audience, expires_in as a number', async () => {
    const sim = await startSim({
      clientId: 'one',
      clientSecret: 'two',
      tokenLifetimeSeconds: 1800,
      clock: new ManualClock(),
    });
    const fields = {
      grant_type: 'client_credentials',
      client_id: 'one',
      client_secret: 'two',
      audience: 'https://api.zscaler.com',
    };
    const reply = await request(`${sim.url}/oauth2/v1/token`, form(fields));
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ token_type: 'Bearer', expires_in: 1800 });
    const token = (reply.json as { access_token: string }).access_token;
    expect(claims(token)['exp']).toBe(MANUAL_EPOCH / 1000 + 1800);
    const zpaPath = `${sim.url}/zpa/mgmtconfig/v1/admin/customers/${sim.customerId}/clientSetting/all`;
    expect((await request(zpaPath, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    // A OneAPI token is no good on the legacy host's paths, nor a legacy one under /zpa.
    const legacyPath = zpaPath.replace('/zpa/', '/');
    expect((await request(legacyPath, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    const legacyToken = await signIn(sim);
    expect((await request(zpaPath, { headers: { authorization: `Bearer ${legacyToken}` } })).status).toBe(401);
  });

  it('refuses wrong credentials with 401 invalid.credentials, in both modes', async () => {
    const sim = await startSim();
    const legacy = await request(`${sim.url}/signin`, form({ client_id: 'sim-client-id', client_secret: 'wrong' }));
    expect(legacy.status).toBe(401);
    expect(legacy.json).toMatchObject({ id: 'invalid.credentials' });
    const fields = {
      grant_type: 'client_credentials',
      client_id: 'nobody',
      client_secret: sim.env().ZPA_CLIENT_SECRET,
      audience: 'https://api.zscaler.com',
    };
    const oneApi = await request(`${sim.url}/oauth2/v1/token`, form(fields));
    expect(oneApi.status).toBe(401);
    expect(oneApi.json).toMatchObject({ id: 'invalid.credentials' });
    expect(sim.counters().tokensIssued).toBe(0);
  });

  it('refuses a OneAPI request without the audience or grant type, and a JSON sign-in', async () => {
    const sim = await startSim();
    const creds = { client_id: sim.env().ZPA_CLIENT_ID, client_secret: sim.env().ZPA_CLIENT_SECRET };
    expect(
      (await request(`${sim.url}/oauth2/v1/token`, form({ ...creds, grant_type: 'client_credentials' }))).status,
    ).toBe(400);
    expect(
      (await request(`${sim.url}/oauth2/v1/token`, form({ ...creds, audience: 'https://api.zscaler.com' }))).status,
    ).toBe(400);
    const json = await request(`${sim.url}/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(creds),
    });
    expect(json.status).toBe(400);
  });

  it('keeps the client secret out of the request log', async () => {
    const sim = await startSim();
    await signIn(sim);
    expect(sim.requests[0]).toMatchObject({
      method: 'POST',
      path: '/signin',
      status: 200,
      body: { client_id: 'sim-client-id' },
    });
    expect(JSON.stringify(sim.requests)).not.toContain(sim.env().ZPA_CLIENT_SECRET);
  });
});

describe('bearer tokens', () => {
  it('401 without a token and with a made-up one, each with an error body', async () => {
    const sim = await startSim();
    const url = `${sim.url}/mgmtconfig/v1/admin/customers/${sim.customerId}/userPortal`;
    const none = await request(url);
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ id: anyString(), reason: stringMatching(/missing/i) });
    const forged = await request(url, { headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln' } });
    expect(forged.status).toBe(401);
  });

  it('401 once a token has expired', async () => {
    const clock = new ManualClock();
    const sim = await startSim({ tokenLifetimeSeconds: 60, clock });
    const api = await apiFor(sim);
    expect((await api.call('GET', '/userPortal')).status).toBe(200);
    await clock.advance(59_999);
    expect((await api.call('GET', '/userPortal')).status).toBe(200);
    await clock.advance(1);
    const expired = await api.call('GET', '/userPortal');
    expect(expired.status).toBe(401);
    expect(expired.json).toMatchObject({ reason: stringMatching(/expired/i) });
  });

  it('401 for every token issued before revokeTokens(); a new sign-in works', async () => {
    const sim = await startSim();
    const api = await apiFor(sim);
    sim.revokeTokens();
    expect((await api.call('GET', '/clientSetting')).status).toBe(401);
    const fresh = await apiFor(sim);
    expect((await fresh.call('GET', '/clientSetting')).status).toBe(200);
  });

  it('401 for a token another simulator instance issued (a restart forgets tokens)', async () => {
    const first = await startSim();
    const second = await startSim();
    const token = await signIn(first);
    const reply = await request(`${second.url}/mgmtconfig/v1/admin/customers/${second.customerId}/userPortal`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(reply.status).toBe(401);
  });

  it('403 with an error body for another customer id in the path', async () => {
    const sim = await startSim();
    const api = await apiFor(sim);
    const reply = await request(`${sim.url}/mgmtconfig/v1/admin/customers/216196257331281999/userPortal`, {
      headers: { authorization: `Bearer ${api.token}` },
    });
    expect(reply.status).toBe(403);
    expect(reply.json).toMatchObject({ id: 'customer.mismatch' });
  });
});

describe('routing', () => {
  it('404 with an error body for unknown routes, 405 for a known path with the wrong method', async () => {
    const sim = await startSim();
    const api = await apiFor(sim);
    const unknown = await api.call('GET', '/applicationSegment');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ id: 'route.not.found' });
    expect((await request(`${sim.url}/nowhere`)).status).toBe(404);
    // Enrollment certificates live under v2 only (NOTES.md).
    expect((await api.call('GET', '/enrollmentCert')).status).toBe(404);
    expect((await api.call('GET', '/enrollmentCert', undefined, 'v2')).status).toBe(200);
    expect((await api.call('PATCH', '/userPortalLink')).status).toBe(405);
  });
});
