/**
 * The library's main paths, shared by the CLI, the demo and scripts: manifests to plan, and a plan
 * to an applied tenant. I/O happens here and at the edges it calls; planning stays pure.
 */
import { systemClock, type Clock } from './core/clock.js';
import { ManifestError, UsageError } from './core/errors.js';
import type { KindSet } from './core/kind-set.js';
import type { DesiredState, LiveState, Plan, PlanTarget } from './core/types.js';
import { BUILT_IN_KINDS } from './kinds/built-in.js';
import { readMicrotenants } from './live/microtenants.js';
import { readLiveState } from './live/read-live.js';
import type { LiveSource } from './live/source.js';
import { planChanges } from './plan-changes.js';
import type { SafetyOptions } from './planner/plan.js';
import { resolveMicrotenant } from './planner/look-up.js';
import { applyChanges, type ApplyOptions } from './apply/apply.js';
import type { ApplyReport } from './apply/report.js';
import { assertSafe, type SafetyGate } from './apply/safety.js';
import { assertExpectedDigest, assertSavedPlanKeyed, type DigestGate } from './apply/digest-gate.js';
import { assertFresh, assertSameTarget } from './apply/stale.js';
import { isFreshPlan } from './apply/fresh-plan.js';
import { rereadTouched, sizesNamedBy, sizesOf } from './apply/reread.js';
import type { ApiWriter } from './apply/writer.js';
import { assertUnedited } from './planfile/plan-integrity.js';
import { TOOL_VERSION } from './version.js';

/** What the workflow needs of a ZPA client. */
export interface TenantClient extends LiveSource, ApiWriter {
  readonly target: PlanTarget;
  withMicrotenant(id: string): TenantClient;
}

export interface PlannedTenant {
  plan: Plan;
  live: LiveState;
  /** The client scoped to the plan's microtenant. */
  client: TenantClient;
  /** When the live read finished, on the clock `planTenant` was given: `applyPlanned` re-reads a plan that waited. */
  readAt?: number;
  /** The kinds it was planned with, which `applyPlanned` applies it with. */
  kinds?: KindSet;
}

export interface PlanTenantOptions {
  /** The prune and update thresholds; DEFAULT_SAFETY when absent. */
  safety?: SafetyOptions;
  /** `kind:name` targets (as `--target` takes them): only their changes are planned. */
  targets?: readonly string[] | undefined;
  /** When the live read finished is taken from it (see PlannedTenant.readAt); the system clock by default. */
  clock?: Clock;
  /** The kinds to read and plan; the built-in ones by default. */
  kinds?: KindSet;
}

/**
 * Resolves the manifests' microtenant, reads what they need, and plans. With `targets`, every
 * manifest is still read and every live collection they need, but only the changes inside the
 * targets are planned.
 */
export async function planTenant(
  desired: DesiredState,
  client: TenantClient,
  options: PlanTenantOptions = {},
): Promise<PlannedTenant> {
  const { safety, targets, clock = systemClock, kinds = BUILT_IN_KINDS } = options;
  // A JavaScript caller can pass what loadManifests gave for manifests with errors: no desired state.
  if (typeof desired !== 'object' || desired === null)
    throw new UsageError(
      'planTenant needs a desired state: loadManifests gives none while its diagnostics hold an error (nothing was read or written)',
    );
  const byName = desired.microtenant !== undefined && 'name' in desired.microtenant;
  const microtenants = byName ? await readMicrotenants(client) : undefined;
  const { id, diagnostics } = resolveMicrotenant(desired, microtenants, client.target.microtenantId);
  if (diagnostics.length > 0) throw new ManifestError(diagnostics);
  const scoped = id === client.target.microtenantId ? client : client.withMicrotenant(id);
  const live = await readLiveState(scoped, desired, kinds);
  if (microtenants) live['microtenants'] = microtenants;
  const readAt = clock.now();
  const plan = planChanges(
    desired,
    live,
    {
      target: scoped.target,
      toolVersion: TOOL_VERSION,
      ...(safety ? { safety } : {}),
      ...(targets && targets.length > 0 ? { targets } : {}),
    },
    kinds,
  );
  return { plan, live, client: scoped, readAt, kinds };
}

export type ApplyRunOptions = Omit<ApplyOptions, 'writer' | 'source' | 'live' | 'sizeOf'> &
  SafetyGate &
  DigestGate & {
    /**
     * Judges how long ago a plan was read (apply/fresh-plan.ts) and times the patient re-reads that
     * settle and verify writes; the system clock by default.
     */
    clock?: Clock;
  };

/**
 * Applies a plan made by `planTenant`; refuses (UnsafePlanError) one marked unsafe unless
 * `allowUnsafe` is set. A plan read less than FRESH_PLAN_MS ago is applied at once; one that waited
 * longer (at a prompt) first has what it touches read again, and a change since is a StalePlanError
 * before any write, as for a saved plan.
 */
export async function applyPlanned(planned: PlannedTenant, options: ApplyRunOptions = {}): Promise<ApplyReport> {
  const { plan, client } = planned;
  const kinds = planned.kinds ?? options.kinds ?? BUILT_IN_KINDS;
  const {
    allowUnsafe: _allow,
    approvedUnsafeDigest: _approved,
    expectDigest: _expect,
    planKey: _key,
    clock,
    ...run
  } = options;
  assertExpectedDigest(plan, options);
  assertSafe(plan, options);
  const sizeOf = sizesOf(planned.live);
  let live = planned.live;
  if (!isFreshPlan(planned.readAt, clock ?? systemClock)) {
    const fresh = await rereadTouched(client, plan.changes, sizeOf, kinds);
    assertFresh(plan, fresh, kinds, 'this run');
    live = { ...live, ...fresh };
  }
  return applyChanges(plan.changes, {
    ...run,
    kinds,
    writer: client,
    source: client,
    live,
    sizeOf,
    ...(clock ? { clock } : {}),
  });
}

/**
 * Applies a saved plan exactly, after checking that it is what plan wrote (its digest, and every
 * field that follows from what the digest covers: plan-integrity.ts), that it is the reviewed one
 * (`expectDigest`), that it is safe by its recomputed verdict (or `allowUnsafe` is set), that it
 * was made for this target, and that nothing it would change has changed since (the collections it
 * touches are read again). Refusals throw StalePlanError (PlanChangedError) or UnsafePlanError
 * before any write.
 */
export async function applySavedPlan(
  plan: Plan,
  client: TenantClient,
  options: ApplyRunOptions = {},
): Promise<ApplyReport> {
  const {
    allowUnsafe: _allow,
    approvedUnsafeDigest: _approved,
    expectDigest: _expect,
    planKey: _key,
    ...run
  } = options;
  assertUnedited(plan, 'Saved plan');
  assertSavedPlanKeyed(plan, options);
  assertExpectedDigest(plan, options);
  assertSafe(plan, options);
  const scoped =
    plan.target.microtenantId === client.target.microtenantId
      ? client
      : client.withMicrotenant(plan.target.microtenantId);
  assertSameTarget(plan, scoped.target);
  const { clock, ...rest } = run;
  // Only what the plan touches (apply/reread.ts); the file holds no live counts, so its own changes
  // stand in for the collection sizes.
  const kinds = run.kinds ?? BUILT_IN_KINDS;
  const sizeOf = sizesNamedBy(plan.changes, kinds);
  const live = await rereadTouched(scoped, plan.changes, sizeOf, kinds);
  assertFresh(plan, live, kinds);
  return applyChanges(plan.changes, {
    ...rest,
    kinds,
    writer: scoped,
    source: scoped,
    live,
    sizeOf,
    ...(clock ? { clock } : {}),
  });
}
