/** The unsafe-plan gate: the library's apply functions and the CLI refuse through this one check. */
import { UnsafePlanError } from '../core/errors.js';
import type { Plan } from '../core/types.js';

export interface SafetyGate {
  /** Apply a plan the pruning threshold marked unsafe. Off unless asked for. */
  allowUnsafe?: boolean;
  /**
   * Let exactly this digest through the unsafe guard, and nothing else: an approval a person gave
   * for one reviewed plan (the request's `zpa-gitops:allow-unsafe` label, src/ci/unsafe-approval.ts).
   */
  approvedUnsafeDigest?: string;
}

export function assertSafe(plan: Plan, gate: SafetyGate = {}): void {
  if (plan.safety.safe || gate.allowUnsafe === true) return;
  if (gate.approvedUnsafeDigest !== undefined && gate.approvedUnsafeDigest === plan.digest) return;
  throw new UnsafePlanError(plan.safety.reasons);
}
