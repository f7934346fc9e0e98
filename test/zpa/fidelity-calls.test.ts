/**
 * How the client answers where a real tenant may differ from the vendor page (shared/zpa-api/NOTES.md,
 * "Rate limits and errors", "User portal links", "Still unknown"), over HTTP against the simulator:
 * bulk bodies cut by size, a gateway's 400 for a missing route, 401 "Resource Access Blocked" under
 * load, and a 429 that gives only `x-ratelimit-reset`.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, AuthError } from '../../src/core/errors.js';
import type { CreateChange } from '../../src/core/types.js';
import { userPortalLinkKind } from '../../src/kinds/user-portal-link.js';
import { MAX_BULK_BODY_BYTES } from '../../src/kinds/user-portal-link-writes.js';
import type { LinkCanonical } from '../../src/kinds/user-portal-link.js';
import { decideRetry, DEFAULT_RETRY_POLICY } from '../../src/zpa/retry-policy.js';
import { bulkCreateLinks } from '../support/write-calls.js';
import { harness, rejectionOf } from './sim-helpers.js';
import { PORTALS_READ } from '../support/read-calls.js';

const PORTAL = '145283994705985838';
const seed = { userPortals: [{ id: PORTAL, name: 'Portal A' }] };
// Retries are what these tests count, not how long they wait: a millisecond's backoff.
const fast = { retry: { limit: 3, baseDelayMs: 1, maxDelayMs: 1, jitterMs: 0 } };
const links = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `l-${i}`, link: `l-${i}.example.com`, enabled: true }));

describe('bulk creates are cut by body size as well as by count', () => {
  it('links with 200 KiB icons go out in calls of at most a few MB, each link once', async () => {
    const { sim, client } = await harness({ seed });
    const icon = `data:image/png;base64,${'A'.repeat(200 * 1024)}`;
    // Enough links for three calls at the body cap, far fewer than the count cap (500 per call), so
    // only the byte cap can have cut them.
    const count = Math.ceil((2.5 * MAX_BULK_BODY_BYTES) / icon.length);
    const changes = Array.from({ length: count }, (_, i): CreateChange<LinkCanonical> => ({
      kind: userPortalLinkKind.name,
      key: `big-${i}`,
      declaredAt: { file: 'm.yaml', line: 1, col: 1 },
      action: 'create',
      after: {
        name: `big-${i}`,
        link: `big-${i}.example.com`,
        protocol: 'https://',
        linkPath: '',
        description: '',
        enabled: true,
        iconText: icon,
        logoFileName: 'big.png',
        userPortals: [PORTAL],
      },
    }));
    const writes = userPortalLinkKind.writes(changes, new Map());
    expect(writes.length).toBeGreaterThanOrEqual(3);
    for (const write of writes) await client.write(write.call);
    const posts = sim.requests.filter((r) => r.method === 'POST' && r.path.includes('/userPortalLink'));
    expect(posts).toHaveLength(writes.length);
    expect(posts.every((r) => r.status === 201)).toBe(true);
    for (const post of posts)
      expect(Buffer.byteLength(JSON.stringify(post.body))).toBeLessThanOrEqual(MAX_BULK_BODY_BYTES + 1024);
    expect(MAX_BULK_BODY_BYTES).toBeLessThanOrEqual(8 * 1024 * 1024);
    const names = sim.snapshot().userPortalLinks.map((l) => l.name);
    expect(names).toHaveLength(count);
    expect(new Set(names).size).toBe(count);
  });
});

describe('the bulk route through a gateway that answers 400 for a missing route', () => {
  it('falls back from v2 to v1 once on a 400 naming the unknown route, and creates each link once', async () => {
    const { sim, client } = await harness({ seed, readings: { bulkCreate: 'v1', missingRoute: 'gateway-400' } });
    await bulkCreateLinks(client, links(2), [PORTAL]);
    await bulkCreateLinks(
      client,
      links(2).map((l) => ({ ...l, name: `${l.name}-again` })),
      [PORTAL],
    );
    const bulk = sim.requests
      .filter((r) => r.path.endsWith('/userPortalLink/bulk'))
      .map((r) => `${r.path.includes('/v2/') ? 'v2' : 'v1'} ${r.status}`);
    expect(bulk).toEqual(['v2 400', 'v1 201', 'v1 201']);
    expect(sim.snapshot().userPortalLinks).toHaveLength(4);
    expect(client.bulkApiVersion).toBe('v1');
  });

  it('a 400 about the links themselves is no missing route: no fallback', async () => {
    const { sim, client } = await harness({ seed, readings: { bulkCreate: 'both' } });
    sim.injectFault({
      method: 'POST',
      path: /\/v2\/.*\/bulk$/,
      status: 400,
      body: { id: 'invalid.input', reason: 'userPortalLinks[0].link is invalid' },
    });
    const error = await rejectionOf(bulkCreateLinks(client, links(2), [PORTAL]));
    expect(error).toBeInstanceOf(ApiError);
    expect(sim.requests.filter((r) => r.path.endsWith('/bulk')).map((r) => r.status)).toEqual([400]);
  });

  it('never repeats a bulk create whose reply was lost (it may have been made)', async () => {
    const { sim, client } = await harness({ seed, readings: { bulkCreate: 'both', missingRoute: 'gateway-400' } });
    sim.injectFault({ method: 'POST', path: /\/bulk$/, resetAfterApply: true });
    const error = await rejectionOf(bulkCreateLinks(client, links(2), [PORTAL]));
    expect(error).toMatchObject({ ambiguous: true });
    expect(sim.requests.filter((r) => r.path.endsWith('/bulk'))).toHaveLength(1);
  });
});

const blocked = { status: 401, body: { id: 'resource.access.blocked', reason: 'Resource Access Blocked' } };

describe('401 "Resource Access Blocked" under load', () => {
  it('is retried after a back-off without a new sign-in, and the call succeeds', async () => {
    const { sim, client } = await harness({ seed }, fast);
    await client.read(PORTALS_READ);
    sim.injectFault({ method: 'GET', path: /\/userPortal$/, times: 2, ...blocked });
    expect(await client.read(PORTALS_READ)).toHaveLength(1);
    expect(client.stats.signIns).toBe(1);
    expect(sim.count({ method: 'GET', path: /\/userPortal$/ })).toBe(4);
  });

  it('still blocked after every retry: says so, and not "check your credentials"', async () => {
    const { sim, client } = await harness({ seed }, fast);
    await client.read(PORTALS_READ);
    sim.injectFault({ method: 'GET', path: /\/userPortal$/, times: 10, ...blocked });
    const error = await rejectionOf(client.read(PORTALS_READ));
    expect(error).not.toBeInstanceOf(AuthError);
    expect(error.message).toContain('blocked access under load');
    expect(error.message).not.toMatch(/check ZPA_CLIENT_ID/);
  });

  it('a plain 401 after a fresh sign-in is still "check your credentials"', async () => {
    const { sim, client } = await harness({ seed }, fast);
    await client.read(PORTALS_READ);
    sim.injectFault({ method: 'GET', path: /\/userPortal$/, times: 2, status: 401, body: { id: 'authn.failed' } });
    const error = await rejectionOf(client.read(PORTALS_READ));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toMatch(/check ZPA_CLIENT_ID/);
    expect(client.stats.signIns).toBe(2);
  });
});

describe('a 429 without retry-after', () => {
  it('waits until x-ratelimit-reset: a reset past the longest wait fails at once, not after a short back-off', async () => {
    const { sim, client } = await harness({ seed }, fast);
    await client.read(PORTALS_READ);
    sim.injectFault({
      method: 'GET',
      path: /\/userPortal$/,
      status: 429,
      headers: { 'x-ratelimit-reset': '600' },
      body: { id: 'invalid.toomanyrequests', reason: 'Exceeded the number of requests allowed.' },
    });
    const error = await rejectionOf(client.read(PORTALS_READ));
    expect(error).toMatchObject({ status: 429 });
    expect(sim.count({ method: 'GET', path: /\/userPortal$/ })).toBe(2); // no retry: 600 s is past the limit
  });

  it('decides the wait from x-ratelimit-reset (seconds), and retry-after still wins', () => {
    const base = { method: 'GET', attempt: 1, status: 429, waitedMs: 0 };
    const none = () => 0;
    expect(decideRetry({ ...base, rateLimitReset: '7' }, DEFAULT_RETRY_POLICY, none)).toEqual({
      delayMs: 7000,
      reason: 'retry-after',
    });
    expect(decideRetry({ ...base, retryAfter: '2s', rateLimitReset: '7' }, DEFAULT_RETRY_POLICY, none)).toEqual({
      delayMs: 2000,
      reason: 'retry-after',
    });
    expect(decideRetry({ ...base }, DEFAULT_RETRY_POLICY, none)?.reason).toBe('retry');
  });
});
