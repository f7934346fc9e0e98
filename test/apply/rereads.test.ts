/**
 * Apply re-reads only what the plan touches, for the stale check and the verification:
 * per collection the cheaper of its pages (ceil(n/500) GETs) and one `GET /userPortalLink/{id}` per
 * touched object; a collection with a create in it is read whole. Plain apply skips the stale check
 * when its plan was read under 10 s before (an injected clock decides), and runs it when it waited.
 * Every count below is of requests the simulator logged over HTTP.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { applyPlanned, applySavedPlan, planTenant, StalePlanError } from '../../src/index.js';
import { ApiError } from '../../src/core/errors.js';
import { FRESH_PLAN_MS } from '../../src/apply/fresh-plan.js';
import { desired, type LinkSpec } from '../support/builders.js';
import { ManualClock } from '../support/manual-clock.js';
import { portalNames, shareSimAndClient, spreadLinks, tenantSeed } from '../support/sim.js';

const shared = shareSimAndClient();

const api = () => shared.sim.requests.filter((r) => !/\/signin$/.test(r.path));
const listGets = () => api().filter((r) => r.method === 'GET' && /\/userPortalLink$/.test(r.path)).length;
const byIdGets = () => api().filter((r) => r.method === 'GET' && /\/userPortalLink\/\d+$/.test(r.path)).length;
const writes = () => api().filter((r) => r.method !== 'GET');

const PORTALS = 12;
const LINKS = 1200; // three pages of 500

/** 1,200 live links on 12 portals, all in the manifests; `edit` changes some of the desired ones. */
function tenantWith(edit: (links: LinkSpec[]) => LinkSpec[] = (l) => l) {
  const { seed } = spreadLinks(LINKS, PORTALS);
  shared.sim.seed(tenantSeed(PORTALS, seed));
  const links: LinkSpec[] = seed.map(({ portals, ...fields }) => ({ ...fields, portals }));
  return desired({ portals: portalNames(PORTALS), links: edit(links) });
}

const describeFirst = (n: number) => (links: LinkSpec[]) =>
  links.map((l, i) => (i < n ? { ...l, description: `changed ${i}` } : l));

/** Changes a live link behind the plan's back, as someone in the console would. */
function editLive(name: string, description: string): void {
  const snapshot = shared.sim.snapshot();
  const link = snapshot.userPortalLinks.find((l) => l.name === name);
  if (!link) throw new Error(`no live link ${name}`);
  link.description = description;
  shared.sim.seed(snapshot);
}

describe('saved plans: the stale check and the verification read only what the plan touches', () => {
  beforeEach(() => shared.sim.clearRequests());

  it('one update among 1,200 links: 1 GET by id before the PUT, 1 after (was 3 pages + 3 pages)', async () => {
    const { plan } = await planTenant(tenantWith(describeFirst(1)), shared.client);
    expect(plan.counts.update).toBe(1);
    shared.sim.clearRequests();
    const report = await applySavedPlan(plan, shared.client);
    expect(report.counts).toEqual({ done: 1, failed: 0, 'not-attempted': 0 });
    expect(report.mismatches).toEqual([]);
    expect(api().map((r) => r.method)).toEqual(['GET', 'PUT', 'GET']);
    expect(byIdGets()).toBe(2);
    expect(listGets()).toBe(0);
  });

  it('refuses a touched link that changed since the plan, after one GET by id and no write', async () => {
    const { plan } = await planTenant(tenantWith(describeFirst(1)), shared.client);
    editLive('link-00000', 'someone else');
    shared.sim.clearRequests();
    await expect(applySavedPlan(plan, shared.client)).rejects.toThrow(/Saved plan is stale: link "link-00000" changed/);
    expect(byIdGets()).toBe(1);
    expect(listGets()).toBe(0);
    expect(writes()).toEqual([]);
  });

  it('refuses a touched link that is gone (the simulator answers 400 resource.not.found), before any write', async () => {
    const { plan } = await planTenant(tenantWith(describeFirst(1)), shared.client);
    const snapshot = shared.sim.snapshot();
    shared.sim.seed({ ...snapshot, userPortalLinks: snapshot.userPortalLinks.filter((l) => l.name !== 'link-00000') });
    shared.sim.clearRequests();
    await expect(applySavedPlan(plan, shared.client)).rejects.toThrow(/link "link-00000" was deleted/);
    expect(api().map((r) => `${r.method} ${r.status}`)).toEqual(['GET 400']);
    expect(writes()).toEqual([]);
  });

  it('a plain 404 on the GET by id reads as gone too', async () => {
    const { plan } = await planTenant(tenantWith(describeFirst(1)), shared.client);
    shared.sim.clearRequests();
    shared.sim.injectFault({ method: 'GET', path: /\/userPortalLink\/\d+$/, status: 404 });
    await expect(applySavedPlan(plan, shared.client)).rejects.toThrow(/link "link-00000" was deleted/);
    expect(api().map((r) => `${r.method} ${r.status}`)).toEqual(['GET 404']);
    expect(writes()).toEqual([]);
  });

  it('a create reads the collection whole: a link with its name made since is refused (no duplicate)', async () => {
    const { plan } = await planTenant(
      tenantWith((links) => [...links, { name: 'brand-new', link: 'new.corp.example.com', portals: ['portal-000'] }]),
      shared.client,
    );
    expect(plan.counts.create).toBe(1);
    const snapshot = shared.sim.snapshot();
    const twin = snapshot.userPortalLinks[0];
    if (!twin) throw new Error('no live link');
    shared.sim.seed({
      ...snapshot,
      userPortalLinks: [...snapshot.userPortalLinks, { ...twin, id: '9' + twin.id, name: 'brand-new' }],
    });
    shared.sim.clearRequests();
    await expect(applySavedPlan(plan, shared.client)).rejects.toThrow(/link "brand-new" now exists/);
    expect(listGets()).toBe(3);
    expect(byIdGets()).toBe(0);
    expect(writes()).toEqual([]);
  });

  it('a create without a twin: 3 pages before, the POST, 3 pages after (creates are verified by key)', async () => {
    const { plan } = await planTenant(
      tenantWith((links) => [...links, { name: 'brand-new', link: 'new.corp.example.com', portals: ['portal-000'] }]),
      shared.client,
    );
    shared.sim.clearRequests();
    const report = await applySavedPlan(plan, shared.client);
    expect(report.counts.done).toBe(1);
    expect(report.mismatches).toEqual([]);
    expect(listGets()).toBe(6);
    expect(byIdGets()).toBe(0);
    expect(writes().map((r) => r.method)).toEqual(['POST']);
  });

  it('four updates among 1,200: the 3 pages are cheaper than 4 GETs by id, before and after', async () => {
    const { plan } = await planTenant(tenantWith(describeFirst(4)), shared.client);
    expect(plan.counts.update).toBe(4);
    shared.sim.clearRequests();
    const report = await applySavedPlan(plan, shared.client);
    expect(report.counts.done).toBe(4);
    expect(report.mismatches).toEqual([]);
    expect(listGets()).toBe(6);
    expect(byIdGets()).toBe(0);
  });

  it('three updates: a tie (3 by id, 3 pages) goes to the GETs by id', async () => {
    const { plan } = await planTenant(tenantWith(describeFirst(3)), shared.client);
    shared.sim.clearRequests();
    await applySavedPlan(plan, shared.client);
    expect(byIdGets()).toBe(6);
    expect(listGets()).toBe(0);
  });

  it('a GET by id of the wrong shape stops the run before its first write', async () => {
    const { plan } = await planTenant(tenantWith(describeFirst(1)), shared.client);
    shared.sim.clearRequests();
    shared.sim.injectFault({
      method: 'GET',
      path: /\/userPortalLink\/\d+$/,
      patchReply: [{ op: 'replace', path: '/name', value: 7 }],
    });
    const failure = await applySavedPlan(plan, shared.client).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(String((failure as Error).message)).toMatch(
      /GET \/userPortalLink\/\d+: reply is not the expected shape: `name` is a number/,
    );
    expect(writes()).toEqual([]);
  });

  it('a GET by id that answers for another link stops the run before its first write', async () => {
    const { plan } = await planTenant(tenantWith(describeFirst(1)), shared.client);
    shared.sim.clearRequests();
    shared.sim.injectFault({
      method: 'GET',
      path: /\/userPortalLink\/\d+$/,
      patchReply: [{ op: 'replace', path: '/id', value: '42' }],
    });
    await expect(applySavedPlan(plan, shared.client)).rejects.toThrow(/reply is for another object/);
    expect(writes()).toEqual([]);
  });

  it('a change that did not land is reported by the verifying GET by id', async () => {
    const { plan } = await planTenant(tenantWith(describeFirst(1)), shared.client);
    shared.sim.clearRequests();
    // The PUT is answered 204 without being carried out: only the verifying read can tell.
    shared.sim.injectFault({ method: 'PUT', path: /\/userPortalLink\/\d+$/, status: 204 });
    // No patience: one verifying read, as the read count below says (patience is test/apply/read-lag.test.ts's).
    const report = await applySavedPlan(plan, shared.client, { readPatienceMs: 0 });
    expect(report.counts.done).toBe(1);
    expect(report.mismatches).toEqual([
      'link "link-00000" differs from the plan after apply: description is "App 0", planned "changed 0"',
    ]);
    expect(byIdGets()).toBe(2);
  });
});

describe('plain apply: the stale check is skipped for a plan read moments ago, run for one that waited', () => {
  beforeEach(() => shared.sim.clearRequests());

  it(`read ${FRESH_PLAN_MS - 1} ms before: no read before the PUT, one GET by id after`, async () => {
    const clock = new ManualClock();
    const planned = await planTenant(tenantWith(describeFirst(1)), shared.client, { clock });
    shared.sim.clearRequests();
    await clock.advance(FRESH_PLAN_MS - 1);
    await applyPlanned(planned, { clock });
    expect(api().map((r) => r.method)).toEqual(['PUT', 'GET']);
    expect(byIdGets()).toBe(1);
  });

  it(`read ${FRESH_PLAN_MS} ms before: one GET by id before the PUT, and a change since is refused`, async () => {
    const clock = new ManualClock();
    const planned = await planTenant(tenantWith(describeFirst(1)), shared.client, { clock });
    shared.sim.clearRequests();
    await clock.advance(FRESH_PLAN_MS);
    await applyPlanned(planned, { clock });
    expect(api().map((r) => r.method)).toEqual(['GET', 'PUT', 'GET']);

    const again = await planTenant(tenantWith(describeFirst(1)), shared.client, { clock });
    editLive('link-00000', 'someone else');
    shared.sim.clearRequests();
    await clock.advance(FRESH_PLAN_MS);
    const failure = await applyPlanned(again, { clock }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StalePlanError);
    expect((failure as Error).message).toBe(
      'The tenant changed since this plan was read: link "link-00000" changed. Nothing was written; run apply again.',
    );
    expect(writes()).toEqual([]);
  });
});
