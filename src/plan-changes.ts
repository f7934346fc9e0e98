/** The planner wired to a set of kinds, the built-in ones unless given: what the CLI and library callers plan with. */
import type { KindSet } from './core/kind-set.js';
import type { DesiredState, LiveState, Plan } from './core/types.js';
import { BUILT_IN_KINDS } from './kinds/built-in.js';
import { planKinds, type PlanOptions } from './planner/plan.js';

/** Plans changes; throws ManifestError when a name does not resolve or live state is ambiguous. */
export function planChanges(
  desired: DesiredState,
  live: LiveState,
  options: PlanOptions,
  kinds: KindSet = BUILT_IN_KINDS,
): Plan {
  return planKinds(kinds, desired, live, options);
}
