/**
 * zpa-gitops as a library: the CLI is a thin layer over these.
 *
 *   const { desired, diagnostics } = await loadManifests(['zpa/']);
 *   if (!desired) throw new Error(formatDiagnostics(diagnostics)); // manifests with errors: no desired state
 *   const client = new ZpaClient({ settings: settingsFromEnv() });
 *   const planned = await planTenant(desired, client);
 *   console.log(renderPlan(planned.plan, { format: 'text' }));
 *   const report = await applyPlanned(planned);
 */
export type * from './core/types.js';
export * from './core/errors.js';
export {
  loadManifests,
  hasErrors,
  YAML_READERS,
  type LoadOptions,
  type LoadResult,
  type YamlReader,
} from './manifest/index.js';
export { formatDiagnostic, formatDiagnostics, githubAnnotations } from './render/diagnostics.js';
export { planChanges } from './plan-changes.js';
export {
  planKinds,
  DEFAULT_SAFETY,
  PLAN_FORMAT_VERSION,
  type PlanOptions,
  type SafetyOptions,
} from './planner/plan.js';
export { renderPlan, PLAN_FORMATS, type PlanFormat, type RenderOptions } from './render/plan.js';
export { renderApplyReport } from './render/apply-report.js';
export { COLOR, PLAIN, wantsColor, type Style } from './render/style.js';
export { readPlanFile, writePlanFile } from './planfile/planfile.js';
export { assertUnedited, editedParts } from './planfile/plan-integrity.js';
export { recomputedSafety } from './planner/update-guard.js';
export { digestPlan, digestMatches, DIGEST_PATTERN } from './digest/plan-digest.js';
export {
  digestHmac,
  formatDigest,
  parseDigestText,
  signPlan,
  verifyDigest,
  verifyPlanKey,
  PLAN_KEY_VARIABLE,
} from './digest/keyed-digest.js';
export { applyChanges, DEFAULT_PARALLELISM, type ApplyOptions } from './apply/apply.js';
export type { ApplyReport, ChangeOutcome, Outcome, ProgressEvent } from './apply/report.js';
export {
  planTenant,
  applyPlanned,
  applySavedPlan,
  type PlannedTenant,
  type PlanTenantOptions,
  type TenantClient,
} from './workflow.js';
export { readLiveState } from './live/read-live.js';
export { MICROTENANTS_READ, readMicrotenants } from './live/microtenants.js';
export { ZpaClient, settingsFromEnv, type ZpaClientOptions, type ZpaSettings } from './zpa/index.js';
export { BUILT_IN_KINDS, withKinds } from './kinds/built-in.js';
export { buildKindSet, type KindSet } from './core/kind-set.js';
export type * from './core/kind.js';
export { TOOL_VERSION } from './version.js';
