/**
 * The keyed digest and the unsafe approval hold when the library is called directly: a saved plan
 * or an expected digest the key does not verify is refused before any call, and an approval lets
 * through exactly the digest it names.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  applyPlanned,
  applySavedPlan,
  digestHmac,
  planTenant,
  PlanChangedError,
  signPlan,
  UnsafePlanError,
  UnverifiedDigestError,
} from '../../src/index.js';
import { desired } from '../support/builders.js';
import { shareSimAndClient, spreadLinks, tenantSeed } from '../support/sim.js';

const KEY = 'the protected environment key';

const shared = shareSimAndClient();
beforeEach(() => shared.sim.clearRequests());

/** 20 live links on one portal, 5 kept: pruning 15 of 20 makes the plan unsafe. */
async function unsafePlan() {
  const { seed, manifests } = spreadLinks(20, 1);
  shared.sim.seed(tenantSeed(1, seed));
  const kept = (manifests['portal-000'] ?? []).slice(0, 5).map((l) => ({ ...l, portals: ['portal-000'] }));
  const planned = await planTenant(desired({ portals: ['portal-000'], links: kept }), shared.client);
  shared.sim.clearRequests();
  return planned;
}

describe('keyed digest in the library', () => {
  it('applySavedPlan with a planKey refuses an unkeyed plan and one keyed with another key, before any call', async () => {
    const { plan } = await unsafePlan();
    const gate = { planKey: KEY, allowUnsafe: true };
    await expect(applySavedPlan(plan, shared.client, gate)).rejects.toThrow(UnverifiedDigestError);
    await expect(applySavedPlan(signPlan(plan, 'another key'), shared.client, gate)).rejects.toThrow(
      /has an HMAC that ZPA_GITOPS_PLAN_KEY does not verify/,
    );
    expect(shared.sim.requests).toEqual([]);
    const report = await applySavedPlan(signPlan(plan, KEY), shared.client, gate);
    expect(report.counts.done).toBe(15);
  });

  it('expectDigest with a planKey must be keyed with it, and must name the plan', async () => {
    const planned = await unsafePlan();
    const { digest } = planned.plan;
    const run = { planKey: KEY, allowUnsafe: true };
    await expect(applyPlanned(planned, { ...run, expectDigest: digest })).rejects.toThrow(/carries no HMAC/);
    const other = `sha256:${'0'.repeat(64)}`;
    await expect(applyPlanned(planned, { ...run, expectDigest: `${other}+${digestHmac(other, KEY)}` })).rejects.toThrow(
      PlanChangedError,
    );
    expect(shared.sim.requests).toEqual([]);
    const report = await applyPlanned(planned, { ...run, expectDigest: `${digest}+${digestHmac(digest, KEY)}` });
    expect(report.counts.done).toBe(15);
  });
});

describe('unsafe approval in the library', () => {
  it('approvedUnsafeDigest lets through exactly the digest it names', async () => {
    const planned = await unsafePlan();
    await expect(applyPlanned(planned, { approvedUnsafeDigest: `sha256:${'1'.repeat(64)}` })).rejects.toThrow(
      UnsafePlanError,
    );
    await expect(
      applySavedPlan(planned.plan, shared.client, { approvedUnsafeDigest: `sha256:${'1'.repeat(64)}` }),
    ).rejects.toThrow(UnsafePlanError);
    expect(shared.sim.requests).toEqual([]);
    const report = await applyPlanned(planned, { approvedUnsafeDigest: planned.plan.digest });
    expect(report.counts.done).toBe(15);
  });
});
