/** The unsafe-plan gate: the library's apply functions and the CLI refuse through this one check. */
import { UnsafePlanError } from '../core/errors.js';
import type { Plan } from '../core/types.js';
import { recomputedSafety } from '../planner/update-guard.js';

export interface SafetyGate {
  /** Apply a plan the pruning threshold marked unsafe. Off unless asked for. */
  allowUnsafe?: boolean;
  /**
   * Let exactly this digest through the unsafe guard, and nothing else: an approval a person gave
   * for one reviewed plan (the request's `zpa-gitops:allow-unsafe` label, src/ci/unsafe-approval.ts).
   */
  approvedUnsafeDigest?: string;
}

/**
 * The verdict is worked out again from the changes and the counts it was judged by: a plan whose
 * `safe` was set by hand (or by a caller) is judged by what it would do.
 */
export function assertSafe(plan: Plan, gate: SafetyGate = {}): void {
  if (gate.allowUnsafe === true) return;
  const recomputed = recomputedSafety(plan);
  if (recomputed.safe && plan.safety.safe) return;
  if (gate.approvedUnsafeDigest !== undefined && gate.approvedUnsafeDigest === plan.digest) return;
  throw new UnsafePlanError(recomputed.safe ? plan.safety.reasons : recomputed.reasons);
}
