/** The unsafe-plan gate: the library's apply functions and the CLI refuse through this one check. */
import { UnsafePlanError } from '../core/errors.js';
import type { Plan } from '../core/types.js';

export interface SafetyGate {
  /** Apply a plan the pruning threshold marked unsafe. Off unless asked for. */
  allowUnsafe?: boolean;
}

export function assertSafe(plan: Plan, gate: SafetyGate = {}): void {
  if (!plan.safety.safe && gate.allowUnsafe !== true) throw new UnsafePlanError(plan.safety.reasons);
}
