/**
 * The library's main paths, shared by the CLI, the demo and scripts: manifests to plan, and a plan
 * to an applied tenant. I/O happens here and at the edges it calls; planning stays pure.
 */
import { ManifestError } from './core/errors.js';
import type { ApiObject, DesiredState, LiveState, Plan, PlanTarget } from './core/types.js';
import { readLiveCollections, readLiveState } from './live/read-live.js';
import type { LiveSource } from './live/source.js';
import { planChanges } from './plan-changes.js';
import type { SafetyOptions } from './planner/plan.js';
import { resolveMicrotenant } from './planner/look-up.js';
import { applyChanges, type ApplyOptions } from './apply/apply.js';
import type { ApplyReport } from './apply/report.js';
import { assertSafe, type SafetyGate } from './apply/safety.js';
import { assertFresh, assertSameTarget } from './apply/stale.js';
import type { ApiWriter } from './apply/writer.js';
import { KINDS } from './kinds/registry.js';
import { TOOL_VERSION } from './version.js';

/** What the workflow needs of a ZPA client. */
export interface TenantClient extends LiveSource, ApiWriter {
  readonly target: PlanTarget;
  listMicrotenants(): Promise<ApiObject[]>;
  withMicrotenant(id: string): TenantClient;
}

export interface PlannedTenant {
  plan: Plan;
  live: LiveState;
  /** The client scoped to the plan's microtenant. */
  client: TenantClient;
}

/**
 * Resolves the manifests' microtenant, reads what they need, and plans. With `targets`, every
 * manifest is still read and every live collection they need, but only the changes inside the
 * targets are planned.
 */
export async function planTenant(
  desired: DesiredState,
  client: TenantClient,
  safety?: SafetyOptions,
  targets?: readonly string[],
): Promise<PlannedTenant> {
  const byName = desired.microtenant !== undefined && 'name' in desired.microtenant;
  const microtenants = byName ? await client.listMicrotenants() : undefined;
  const { id, diagnostics } = resolveMicrotenant(desired, microtenants, client.target.microtenantId);
  if (diagnostics.length > 0) throw new ManifestError(diagnostics);
  const scoped = id === client.target.microtenantId ? client : client.withMicrotenant(id);
  const live = await readLiveState(scoped, desired);
  if (microtenants) live['microtenants'] = microtenants;
  const plan = planChanges(desired, live, {
    target: scoped.target,
    toolVersion: TOOL_VERSION,
    ...(safety ? { safety } : {}),
    ...(targets && targets.length > 0 ? { targets } : {}),
  });
  return { plan, live, client: scoped };
}

export type ApplyRunOptions = Omit<ApplyOptions, 'writer' | 'source' | 'live'> & SafetyGate;

/** Applies a fresh plan; refuses (UnsafePlanError) one marked unsafe unless `allowUnsafe` is set. */
export async function applyPlanned(planned: PlannedTenant, options: ApplyRunOptions = {}): Promise<ApplyReport> {
  const { plan, live, client } = planned;
  const { allowUnsafe, ...run } = options;
  assertSafe(plan, allowUnsafe === undefined ? {} : { allowUnsafe });
  return applyChanges(plan.changes, { ...run, writer: client, source: client, live });
}

/**
 * Applies a saved plan exactly, after checking that it is safe (or `allowUnsafe` is set), that it
 * was made for this target, and that nothing it would change has changed since (the collections it
 * touches are read again). Refusals throw UnsafePlanError or StalePlanError before any write.
 */
export async function applySavedPlan(
  plan: Plan,
  client: TenantClient,
  options: ApplyRunOptions = {},
): Promise<ApplyReport> {
  const { allowUnsafe, ...run } = options;
  assertSafe(plan, allowUnsafe === undefined ? {} : { allowUnsafe });
  const scoped =
    plan.target.microtenantId === client.target.microtenantId
      ? client
      : client.withMicrotenant(plan.target.microtenantId);
  assertSameTarget(plan, scoped.target);
  const touched = new Set(plan.changes.filter((c) => c.action !== 'no-op').map((c) => c.kind));
  const collections = KINDS.filter((k) => touched.has(k.name)).map((k) => k.collection);
  const live = await readLiveCollections(scoped, collections);
  assertFresh(plan, live);
  return applyChanges(plan.changes, { ...run, writer: scoped, source: scoped, live });
}
