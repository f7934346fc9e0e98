import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/errors.js';
import { startSimulator } from '../../src/sim/index.js';
import { DEFAULT_WRITE_TIMEOUT_MS, settingsFromEnv, ZpaClient } from '../../src/zpa/index.js';
import { holdPort } from '../support/held-port.js';
import { driveClock, ManualClock } from '../support/manual-clock.js';
import { CUSTOMER_ID, SIM_SECRET, expectNoCredentials, harness, rejectionOf } from './sim-helpers.js';
import { createLink, deleteClientSetting, deleteLink, updateLink } from '../support/write-calls.js';
import { CLIENT_SETTINGS_READ, LINKS_READ, PORTALS_READ } from '../support/read-calls.js';

const PORTAL = '145283994705985838';
const LINK = '145283994705985846';
const seed = {
  userPortals: [{ id: PORTAL, name: 'Portal A' }],
  userPortalLinks: [{ id: LINK, name: 'Wiki', link: 'wiki.example.com', portals: ['Portal A'] }],
};
// Retries are what these tests count, not how long they wait: a millisecond's backoff.
const fast = { retry: { limit: 3, baseDelayMs: 1, maxDelayMs: 1, jitterMs: 0 } };
const serverError = { status: 503, body: { id: 'service.unavailable', reason: 'try later' } };

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await rejectionOf(promise);
  if (!(error instanceof ApiError)) throw error;
  return error;
}

describe('retries', () => {
  it('repeats a GET, a PUT and a DELETE after a 5xx', async () => {
    const { sim, client } = await harness({ seed }, fast);
    sim.injectFault({ method: 'GET', path: /\/userPortal$/, ...serverError });
    await client.read(PORTALS_READ);
    sim.injectFault({ method: 'PUT', ...serverError, times: 2 });
    await updateLink(client, LINK, { name: 'Wiki', link: 'wiki2.example.com', userPortals: [{ id: PORTAL }] });
    sim.injectFault({ method: 'DELETE', ...serverError });
    await deleteLink(client, LINK);
    expect(sim.requests.filter((r) => r.path !== '/signin').map((r) => `${r.method} ${r.status}`)).toEqual([
      'GET 503',
      'GET 200',
      'PUT 503',
      'PUT 503',
      'PUT 204',
      'DELETE 503',
      'DELETE 204',
    ]);
    expect(client.stats.retries).toBe(4);
    expect(sim.snapshot().userPortalLinks).toHaveLength(0);
  });

  it('repeats any method, POST included, after an edit lock or a concurrent-access refusal', async () => {
    const { sim, client } = await harness({ seed }, fast);
    sim.injectFault({
      method: 'POST',
      path: /\/userPortalLink$/,
      status: 400,
      body: { id: 'api.concurrent.access.error', reason: 'busy' },
    });
    await createLink(client, { name: 'Locked', link: 'l.example.com' }, [PORTAL]);
    sim.injectFault({ method: 'PUT', status: 409, body: { id: 'edit.lock', reason: 'locked' } });
    await updateLink(client, LINK, { name: 'Wiki', link: 'w.example.com', userPortals: [{ id: PORTAL }] });
    expect(sim.requests.filter((r) => r.path !== '/signin').map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 400',
      'POST 201',
      'PUT 409',
      'PUT 204',
    ]);
    expect(sim.snapshot().userPortalLinks.filter((l) => l.name === 'Locked')).toHaveLength(1);
  });

  it('repeats GET, PUT, DELETE and POST after a 400 non.restricted.entity.authorization.failed', async () => {
    const withSetting = {
      ...seed,
      clientSettings: [{ clientCertificateType: 'ZAPP_CLIENT' as const, enrollmentCert: 'Client' }],
    };
    const { sim, client } = await harness({ seed: withSetting }, fast);
    const race = { status: 400, body: { id: 'non.restricted.entity.authorization.failed', reason: 'not yet' } };
    for (const method of ['GET', 'PUT', 'DELETE']) sim.injectFault({ method, ...race });
    sim.injectFault({ method: 'POST', path: /\/userPortalLink$/, ...race });
    // Concurrently: each fault matches its own method, and the four backoffs overlap.
    await Promise.all([
      client.read(PORTALS_READ),
      updateLink(client, LINK, { name: 'Wiki', link: 'w.example.com', userPortals: [{ id: PORTAL }] }),
      deleteClientSetting(client, 'ZAPP_CLIENT'),
      createLink(client, { name: 'Raced', link: 'r.example.com' }, [PORTAL]),
    ]);
    const calls = (method: string) => sim.requests.filter((r) => r.method === method).map((r) => r.status);
    expect(calls('GET')).toEqual([400, 200]);
    expect(calls('PUT')).toEqual([400, 204]);
    expect(calls('DELETE')).toEqual([400, 204]);
    expect(sim.snapshot().clientSettings).toHaveLength(0);
    expect(sim.requests.filter((r) => r.method === 'POST' && r.path !== '/signin').map((r) => r.status)).toEqual([
      400, 201,
    ]);
    expect(sim.snapshot().userPortalLinks.filter((l) => l.name === 'Raced')).toHaveLength(1);
    expect(client.stats.retries).toBe(4);
  });

  it('never repeats a POST after a 5xx: ambiguous ApiError, exactly one request', async () => {
    const { sim, client } = await harness({ seed }, fast);
    sim.injectFault({ method: 'POST', path: /\/userPortalLink$/, ...serverError });
    const error = await apiError(createLink(client, { name: 'New', link: 'new.example.com' }, [PORTAL]));
    expect(error).toMatchObject({
      method: 'POST',
      path: '/userPortalLink',
      status: 503,
      zpaId: 'service.unavailable',
      ambiguous: true,
    });
    expect(sim.count({ method: 'POST', path: /\/userPortalLink$/ })).toBe(1);
  });

  it('a POST that times out is ambiguous and not repeated (it may have landed)', async () => {
    // The simulator holds the reply on a clock this test never moves, so the POST can only time out;
    // the earlier GET signs in first, with retries, so a slow sign-in cannot be mistaken for it.
    const clock = new ManualClock();
    const { sim, client } = await harness({ seed, clock }, { ...fast, clock, timeoutMs: 1_000, writeTimeoutMs: 1_000 });
    await client.read(PORTALS_READ);
    sim.injectFault({ method: 'POST', path: /\/userPortalLink$/, delayMs: 60_000 });
    const error = await apiError(createLink(client, { name: 'Slow', link: 'slow.example.com' }, [PORTAL]));
    expect(error.ambiguous).toBe(true);
    expect(error.status).toBeUndefined();
    expect(error.message).toContain('timed out');
    expect(sim.count({ method: 'POST', path: /\/userPortalLink$/ })).toBe(1);
  });

  // Real time on purpose: a request's timeout is got's own timer. The sign-in and first read share
  // the client's 1 s timeout, so it is not made shorter; the read is not retried, so it is one 1 s.
  it('a write waits longer than a read: its own timeout, of the order the SDKs use', async () => {
    expect(DEFAULT_WRITE_TIMEOUT_MS).toBeGreaterThanOrEqual(60_000);
    // Both replies are held on a clock only this test moves. The read times out after its 1 s; the
    // write, sent first, is still waiting then, and lands once the clock lets its reply go.
    const clock = new ManualClock();
    const { sim, client } = await harness({ seed, clock }, { retry: { limit: 0 }, clock, timeoutMs: 1_000 });
    await client.read(PORTALS_READ);
    sim.injectFault({ method: 'POST', path: /\/userPortalLink$/, delayMs: 60_000 });
    sim.injectFault({ method: 'GET', path: /\/userPortal$/, delayMs: 60_000 });
    const write = createLink(client, { name: 'Slow', link: 'slow.example.com' }, [PORTAL]);
    write.catch(() => undefined); // awaited below; a rejection before then is not unhandled
    const read = await apiError(client.read(PORTALS_READ));
    expect(read.message).toContain('timed out after 1000 ms');
    await clock.advance(60_000);
    expect((await write)['name']).toBe('Slow');
  });

  it('a POST whose connection drops after sending is ambiguous', async () => {
    const { sim, client } = await harness({ seed }, fast);
    sim.injectFault({ method: 'POST', path: /\/userPortalLink$/, resetAfterApply: true });
    const error = await apiError(createLink(client, { name: 'Reset', link: 'r.example.com' }, [PORTAL]));
    expect(error.ambiguous).toBe(true);
    expect(sim.count({ method: 'POST', path: /\/userPortalLink$/ })).toBe(1);
  });

  it('a GET whose connection drops is repeated', async () => {
    const { sim, client } = await harness({ seed }, fast);
    sim.injectFault({ method: 'GET', path: /\/userPortal$/, resetBeforeApply: true });
    expect(await client.read(PORTALS_READ)).toHaveLength(1);
  });

  it('repeats a POST whose connection was refused (nothing was sent)', async () => {
    const held = await holdPort();
    const first = await startSimulator(simOptions(held.port));
    let restarted: ReturnType<typeof startSimulator> | undefined;
    let listening = false;
    // The retry's back-off is on this clock, moved once the restarted API listens.
    const clock = new ManualClock();
    const client = new ZpaClient({
      settings: settingsFromEnv({ ...first.env() }),
      retry: { limit: 3 },
      clock,
      // The API comes back on the port this test holds as soon as the client meets the refusal.
      debug: (line) => {
        if (line.includes('no response (ECONNREFUSED)'))
          restarted ??= startSimulator(simOptions(held.port)).finally(() => (listening = true));
      },
    });
    try {
      await client.read(PORTALS_READ); // signed in
      await first.close();
      const created = await driveClock(
        clock,
        createLink(client, { name: 'Back', link: 'back.example.com' }, [PORTAL]),
        () => listening,
      );
      expect(restarted).toBeDefined();
      const second = await (restarted as ReturnType<typeof startSimulator>);
      expect(created.name).toBe('Back');
      expect(client.stats.retries).toBeGreaterThanOrEqual(1);
      // Exactly one POST was processed; a restarted server first refuses the old token (401).
      const posts = second.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/userPortalLink'));
      expect(posts.map((r) => r.status).filter((status) => status !== 401)).toEqual([201]);
      expect(second.snapshot().userPortalLinks.filter((l) => l.name === 'Back')).toHaveLength(1);
      await second.close();
    } finally {
      client.close();
      await held.release();
    }
  });

  it('fails with a non-ambiguous error when the API host keeps refusing connections', async () => {
    const held = await holdPort();
    const sim = await startSimulator(simOptions(held.port));
    const clock = new ManualClock();
    const client = new ZpaClient({ settings: settingsFromEnv({ ...sim.env() }), retry: { limit: 1 }, clock });
    try {
      await client.read(PORTALS_READ);
      await sim.close();
      const refused = createLink(client, { name: 'X', link: 'x.example.com' }, [PORTAL]);
      const error = await apiError(driveClock(clock, refused, () => true));
      expect(error).toMatchObject({ status: undefined, reason: 'ECONNREFUSED', ambiguous: false });
      expect(client.stats.retries).toBe(1);
    } finally {
      client.close();
      await held.release();
    }
  });
});

describe('error mapping', () => {
  it('404 and 400 resource.not.found are both notFound', async () => {
    const { sim, client } = await harness({ seed });
    sim.injectFault({
      method: 'DELETE',
      path: /\/userPortalLink\/1$/,
      status: 404,
      body: { id: 'resource.not.found', reason: 'gone' },
    });
    const a = await apiError(deleteLink(client, '1'));
    sim.injectFault({
      method: 'DELETE',
      path: /\/userPortalLink\/2$/,
      status: 400,
      body: { id: 'resource.not.found', reason: 'gone', params: ['2'] },
    });
    const b = await apiError(deleteLink(client, '2'));
    expect([a.notFound, b.notFound]).toEqual([true, true]);
    expect(b).toMatchObject({
      method: 'DELETE',
      path: '/userPortalLink/2',
      status: 400,
      zpaId: 'resource.not.found',
      reason: 'gone',
      params: ['2'],
    });
    const real = await apiError(deleteLink(client, '999999999999999999'));
    expect(real.notFound).toBe(true);
    expect(a.message).not.toContain('127.0.0.1');
    // A read of one object takes both as "gone".
    sim.injectFault({ method: 'GET', path: /\/userPortalLink\/3$/, status: 404, body: { id: 'resource.not.found' } });
    expect(await client.readOne(LINKS_READ, '3')).toBeUndefined();
    sim.injectFault({
      method: 'GET',
      path: /\/userPortalLink\/4$/,
      status: 400,
      body: { id: 'resource.not.found', reason: 'gone', params: ['4'] },
    });
    expect(await client.readOne(LINKS_READ, '4')).toBeUndefined();
    expect(await client.readOne(LINKS_READ, '999999999999999999')).toBeUndefined();
  });

  it('a reply that is not JSON names the endpoint', async () => {
    const { sim, client } = await harness({ seed });
    sim.injectFault({ method: 'GET', path: /\/userPortalLink$/, malformedJson: true });
    const error = await apiError(client.read(LINKS_READ));
    expect(error.message).toBe('GET /userPortalLink: reply is not valid JSON');
  });

  it('a reply of the wrong shape names the endpoint', async () => {
    const { sim, client } = await harness({ seed });
    sim.injectFault({ method: 'GET', path: /\/userPortalLink$/, status: 200, body: { totalPages: '1', list: 'nope' } });
    expect((await apiError(client.read(LINKS_READ))).message).toMatch(
      /^GET \/userPortalLink: page 1: reply is not the expected shape: `list` is a string/,
    );
    sim.injectFault({ method: 'GET', path: /\/userPortalLink$/, status: 200, body: { totalPages: 'many', list: [] } });
    expect((await apiError(client.read(LINKS_READ))).message).toContain('totalPages');
    sim.injectFault({
      method: 'GET',
      path: /\/userPortalLink$/,
      status: 200,
      body: { totalPages: '99999', list: [{ id: '1', name: 'x', userPortals: [{ id: '2' }] }] },
    });
    expect((await apiError(client.read(LINKS_READ))).message).toContain('99999 pages');
    // `{list: []}` is one of the accepted client-setting shapes (NOTES.md); an unknown object is not.
    sim.injectFault({ method: 'GET', path: /\/clientSetting\/all$/, status: 200, body: { settings: [] } });
    expect((await apiError(client.read(CLIENT_SETTINGS_READ))).message).toMatch(
      /^GET \/clientSetting\/all: reply is not the expected shape \(expected an array of client settings, one client setting object, or \{list: \[\.\.\.\]\}, got an object with `settings`\)$/,
    );
  });

  it('no secret or token in any error message or debug line', async () => {
    const { sim, client, debugLines } = await harness({ seed }, fast);
    const messages: string[] = [];
    const collect = async (promise: Promise<unknown>): Promise<void> => {
      const error = await rejectionOf(promise);
      messages.push(error.message, String(error.stack), JSON.stringify(error));
    };
    await client.read(PORTALS_READ);
    sim.injectFault({ method: 'POST', ...serverError });
    await collect(createLink(client, { name: 'A', link: 'a.example.com' }, [PORTAL]));
    sim.injectFault({
      method: 'GET',
      path: /\/userPortal$/,
      status: 400,
      body: { id: 'bad', reason: `echo ${SIM_SECRET}` },
    });
    await collect(client.read(PORTALS_READ));
    sim.revokeTokens();
    sim.injectFault({ method: 'GET', malformedJson: true });
    await collect(client.read(LINKS_READ));
    expect(debugLines.length).toBeGreaterThan(4);
    expect(debugLines.some((line) => /GET \S*\/userPortal\b.* -> 200 in \d+ ms/.test(line))).toBe(true);
    expectNoCredentials([...messages, ...debugLines]);
  });
});

function simOptions(port: number): NonNullable<Parameters<typeof startSimulator>[0]> {
  return { customerId: CUSTOMER_ID, clientId: 'sim-client', clientSecret: SIM_SECRET, seed, port };
}
