/**
 * The safety gates live in the library, not only in the CLI: applyPlanned and applySavedPlan refuse
 * an unsafe plan unless `allowUnsafe` is set, and a saved plan that went stale, before any write.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  applyPlanned,
  applySavedPlan,
  planTenant,
  PlanChangedError,
  StalePlanError,
  UnsafePlanError,
  type Plan,
} from '../../src/index.js';
import { desired } from '../support/builders.js';
import { shareSimAndClient, spreadLinks, tenantSeed } from '../support/sim.js';

const shared = shareSimAndClient();

const writes = () => shared.sim.requests.filter((r) => r.method !== 'GET' && !/\/signin$/.test(r.path));

/** 20 live links on one portal, 5 kept: pruning 15 of 20 makes the plan unsafe. */
async function unsafePlan() {
  const { seed, manifests } = spreadLinks(20, 1);
  shared.sim.seed(tenantSeed(1, seed));
  const kept = (manifests['portal-000'] ?? []).slice(0, 5).map((l) => ({ ...l, portals: ['portal-000'] }));
  return planTenant(desired({ portals: ['portal-000'], links: kept }), shared.client);
}

describe('library gates', () => {
  beforeEach(() => shared.sim.clearRequests());

  it('applyPlanned refuses an unsafe plan without allowUnsafe, and applies it with', async () => {
    const planned = await unsafePlan();
    expect(planned.plan.safety.safe).toBe(false);
    shared.sim.clearRequests();
    await expect(applyPlanned(planned)).rejects.toThrow(UnsafePlanError);
    await expect(applyPlanned(planned, { allowUnsafe: false })).rejects.toThrow(UnsafePlanError);
    expect(shared.sim.requests, 'refused before any call').toEqual([]);
    const report = await applyPlanned(planned, { allowUnsafe: true });
    expect(report.counts).toEqual({ done: 15, failed: 0, 'not-attempted': 0 });
    expect(shared.sim.snapshot().userPortalLinks).toHaveLength(5);
  });

  it('applySavedPlan refuses an unsafe plan before reading, and a stale one before writing', async () => {
    const { plan } = await unsafePlan();
    shared.sim.clearRequests();
    await expect(applySavedPlan(plan, shared.client)).rejects.toThrow(UnsafePlanError);
    expect(shared.sim.requests, 'refused before any call').toEqual([]);
    await applySavedPlan(plan, shared.client, { allowUnsafe: true });
    expect(writes()).toHaveLength(15);
    shared.sim.clearRequests();
    // The same plan again: every link it deletes is gone, so it is stale.
    await expect(applySavedPlan(plan, shared.client, { allowUnsafe: true })).rejects.toThrow(StalePlanError);
    expect(writes()).toEqual([]);
  });

  it('applySavedPlan refuses a plan whose verdict, before-state or counts were edited, before any call', async () => {
    const { plan } = await unsafePlan();
    const copy = (): Plan => JSON.parse(JSON.stringify(plan)) as Plan;
    const flipped = copy();
    flipped.safety = { ...flipped.safety, safe: true, reasons: [] };
    const zeroed = copy();
    zeroed.counts = { create: 0, update: 0, delete: 0, noOp: 0 };
    const hidden = copy();
    for (const change of hidden.changes) if (change.action === 'delete') change.before = {};
    shared.sim.clearRequests();
    for (const edited of [flipped, zeroed, hidden]) {
      await expect(applySavedPlan(edited, shared.client)).rejects.toThrow(/^Saved plan .*edited/);
      await expect(applySavedPlan(edited, shared.client, { allowUnsafe: true })).rejects.toThrow(StalePlanError);
    }
    expect(shared.sim.requests, 'refused before any call').toEqual([]);
  });

  it('applySavedPlan and applyPlanned refuse another digest than the reviewed one, before any call', async () => {
    const planned = await unsafePlan();
    const other = `sha256:${'0'.repeat(64)}`;
    shared.sim.clearRequests();
    await expect(
      applySavedPlan(planned.plan, shared.client, { allowUnsafe: true, expectDigest: other }),
    ).rejects.toThrow(PlanChangedError);
    await expect(applyPlanned(planned, { allowUnsafe: true, expectDigest: other })).rejects.toThrow(PlanChangedError);
    expect(shared.sim.requests, 'refused before any call').toEqual([]);
    const report = await applySavedPlan(planned.plan, shared.client, {
      allowUnsafe: true,
      expectDigest: planned.plan.digest,
    });
    expect(report.counts.done).toBe(15);
  });

  it('applyPlanned judges a plan by its changes, not by a safe flag set by hand', async () => {
    const planned = await unsafePlan();
    planned.plan.safety = { ...planned.plan.safety, safe: true, reasons: [] };
    shared.sim.clearRequests();
    await expect(applyPlanned(planned)).rejects.toThrow(UnsafePlanError);
    expect(shared.sim.requests).toEqual([]);
  });
});
