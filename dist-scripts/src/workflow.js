/**
 * The library's main paths, shared by the CLI, the demo and scripts: manifests to plan, and a plan
 * to an applied tenant. I/O happens here and at the edges it calls; planning stays pure.
 */
import { ManifestError } from './core/errors.js';
import { readLiveCollections, readLiveState } from './live/read-live.js';
import { planChanges } from './planner/plan.js';
import { resolveMicrotenant } from './planner/resolve.js';
import { applyChanges } from './apply/apply.js';
import { assertFresh, assertSameTarget } from './apply/stale.js';
import { KINDS } from './kinds/registry.js';
import { TOOL_VERSION } from './version.js';
/** Resolves the manifests' microtenant, reads what they need, and plans. */
export async function planTenant(desired, client, safety) {
    const byName = desired.microtenant !== undefined && 'name' in desired.microtenant;
    const microtenants = byName ? await client.listMicrotenants() : undefined;
    const { id, diagnostics } = resolveMicrotenant(desired, microtenants, client.target.microtenantId);
    if (diagnostics.length > 0)
        throw new ManifestError(diagnostics);
    const scoped = id === client.target.microtenantId ? client : client.withMicrotenant(id);
    const live = await readLiveState(scoped, desired);
    if (microtenants)
        live.microtenants = microtenants;
    const plan = planChanges(desired, live, {
        target: scoped.target,
        toolVersion: TOOL_VERSION,
        ...(safety ? { safety } : {}),
    });
    return { plan, live, client: scoped };
}
export async function applyPlanned(planned, options = {}) {
    const { plan, live, client } = planned;
    return applyChanges(plan.changes, { ...options, writer: client, source: client, live });
}
/**
 * Applies a saved plan exactly, after checking that it was made for this target and that nothing
 * it would change has changed since (the collections it touches are read again).
 */
export async function applySavedPlan(plan, client, options = {}) {
    const scoped = plan.target.microtenantId === client.target.microtenantId
        ? client
        : client.withMicrotenant(plan.target.microtenantId);
    assertSameTarget(plan, scoped.target);
    const touched = new Set(plan.changes.filter((c) => c.action !== 'no-op').map((c) => c.kind));
    const collections = KINDS.filter((k) => touched.has(k.name)).map((k) => k.collection);
    const live = await readLiveCollections(scoped, collections);
    assertFresh(plan, live);
    return applyChanges(plan.changes, { ...options, writer: scoped, source: scoped, live });
}
