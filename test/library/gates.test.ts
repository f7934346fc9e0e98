/**
 * The safety gates live in the library, not only in the CLI: applyPlanned and applySavedPlan refuse
 * an unsafe plan unless `allowUnsafe` is set, and a saved plan that went stale, before any write.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  applyPlanned,
  applySavedPlan,
  planTenant,
  PlanChangedError,
  StalePlanError,
  UnsafePlanError,
  type Plan,
} from '../../src/index.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { settingsFromEnv, ZpaClient } from '../../src/zpa/index.js';
import { desired } from '../support/builders.js';
import { spreadLinks, tenantSeed } from '../support/sim.js';

let sim: Simulator;
let client: ZpaClient;
beforeAll(async () => {
  sim = await startSimulator();
  // The simulator enforces no limits here; a wide client budget keeps the test from waiting on a window.
  client = new ZpaClient({
    settings: settingsFromEnv({ ...sim.env() }),
    rateLimits: { get: 1000, write: 1000, windowMs: 10_000 },
  });
});
afterAll(async () => {
  client.close();
  await sim.close();
});

const writes = () => sim.requests.filter((r) => r.method !== 'GET' && !/\/signin$/.test(r.path));

/** 20 live links on one portal, 5 kept: pruning 15 of 20 makes the plan unsafe. */
async function unsafePlan() {
  const { seed, manifests } = spreadLinks(20, 1);
  sim.seed(tenantSeed(1, seed));
  const kept = (manifests['portal-000'] ?? []).slice(0, 5).map((l) => ({ ...l, portals: ['portal-000'] }));
  return planTenant(desired({ portals: ['portal-000'], links: kept }), client);
}

describe('library gates', () => {
  beforeEach(() => sim.clearRequests());

  it('applyPlanned refuses an unsafe plan without allowUnsafe, and applies it with', async () => {
    const planned = await unsafePlan();
    expect(planned.plan.safety.safe).toBe(false);
    sim.clearRequests();
    await expect(applyPlanned(planned)).rejects.toThrow(UnsafePlanError);
    await expect(applyPlanned(planned, { allowUnsafe: false })).rejects.toThrow(UnsafePlanError);
    expect(sim.requests, 'refused before any call').toEqual([]);
    const report = await applyPlanned(planned, { allowUnsafe: true });
    expect(report.counts).toEqual({ done: 15, failed: 0, 'not-attempted': 0 });
    expect(sim.snapshot().userPortalLinks).toHaveLength(5);
  });

  it('applySavedPlan refuses an unsafe plan before reading, and a stale one before writing', async () => {
    const { plan } = await unsafePlan();
    sim.clearRequests();
    await expect(applySavedPlan(plan, client)).rejects.toThrow(UnsafePlanError);
    expect(sim.requests, 'refused before any call').toEqual([]);
    await applySavedPlan(plan, client, { allowUnsafe: true });
    expect(writes()).toHaveLength(15);
    sim.clearRequests();
    // The same plan again: every link it deletes is gone, so it is stale.
    await expect(applySavedPlan(plan, client, { allowUnsafe: true })).rejects.toThrow(StalePlanError);
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
    sim.clearRequests();
    for (const edited of [flipped, zeroed, hidden]) {
      await expect(applySavedPlan(edited, client)).rejects.toThrow(/^Saved plan .*edited/);
      await expect(applySavedPlan(edited, client, { allowUnsafe: true })).rejects.toThrow(StalePlanError);
    }
    expect(sim.requests, 'refused before any call').toEqual([]);
  });

  it('applySavedPlan and applyPlanned refuse another digest than the reviewed one, before any call', async () => {
    const planned = await unsafePlan();
    const other = `sha256:${'0'.repeat(64)}`;
    sim.clearRequests();
    await expect(applySavedPlan(planned.plan, client, { allowUnsafe: true, expectDigest: other })).rejects.toThrow(
      PlanChangedError,
    );
    await expect(applyPlanned(planned, { allowUnsafe: true, expectDigest: other })).rejects.toThrow(PlanChangedError);
    expect(sim.requests, 'refused before any call').toEqual([]);
    const report = await applySavedPlan(planned.plan, client, { allowUnsafe: true, expectDigest: planned.plan.digest });
    expect(report.counts.done).toBe(15);
  });

  it('applyPlanned judges a plan by its changes, not by a safe flag set by hand', async () => {
    const planned = await unsafePlan();
    planned.plan.safety = { ...planned.plan.safety, safe: true, reasons: [] };
    sim.clearRequests();
    await expect(applyPlanned(planned)).rejects.toThrow(UnsafePlanError);
    expect(sim.requests).toEqual([]);
  });
});
