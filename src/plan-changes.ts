/** The planner wired to the registered kinds: what the CLI and library callers plan with. */
import type { DesiredState, LiveState, Plan } from './core/types.js';
import { KINDS } from './kinds/registry.js';
import { planKinds, type PlanOptions } from './planner/plan.js';

/** Plans changes; throws ManifestError when a name does not resolve or live state is ambiguous. */
export function planChanges(desired: DesiredState, live: LiveState, options: PlanOptions): Plan {
  return planKinds(KINDS, desired, live, options);
}
