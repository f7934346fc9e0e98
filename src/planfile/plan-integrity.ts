/**
 * A saved plan is believed only as far as its digest reaches. Every other field that apply reads or
 * a rendering shows is worked out again from the digested ones and must agree: the counts from the
 * changes, each `before` from the fingerprint it was taken with, each update's field changes from
 * its before and after, and the safety verdict from the changes and the live counts and thresholds
 * it was judged by. A file that fails any of these was edited after plan wrote it.
 */
import { StalePlanError } from '../core/errors.js';
import type { Json, Plan } from '../core/types.js';
import { fieldChanges } from '../canonical/field-changes.js';
import { fingerprint, stableJson } from '../canonical/equality.js';
import { digestMatches } from '../digest/plan-digest.js';
import { countChanges } from '../planner/plan.js';
import { recomputedSafety } from '../planner/update-guard.js';

/** The parts of `plan` that no longer follow from what its digest covers; empty for an unedited plan. */
export function editedParts(plan: Plan): string[] {
  const parts: string[] = [];
  if (!finite(plan as unknown as Json)) parts.push('numbers (one is out of range)');
  if (stableJson({ ...plan.counts }) !== stableJson({ ...countChanges(plan.changes) })) parts.push('counts');
  const befores = plan.changes.filter((c) => c.action !== 'create' && fingerprint(c.before) !== c.fingerprint);
  if (befores.length > 0) parts.push(`before-state of ${quoted(befores.map((c) => c.key))}`);
  const fields = plan.changes.filter(
    (c) =>
      c.action === 'update' &&
      stableJson(c.fieldChanges as unknown as Json) !== stableJson(fieldChanges(c.before, c.after) as unknown as Json),
  );
  if (fields.length > 0) parts.push(`field changes of ${quoted(fields.map((c) => c.key))}`);
  const safety = recomputedSafety(plan);
  if (safety.safe !== plan.safety.safe || stableJson(safety.reasons) !== stableJson(plan.safety.reasons))
    parts.push('safety verdict');
  return parts;
}

/**
 * Refuses (StalePlanError, exit 3) a plan that does not match its own digest or whose other fields
 * do not follow from it. `label` names the plan in the message: its file, or "Saved plan".
 */
export function assertUnedited(plan: Plan, label: string): void {
  const parts = editedParts(plan);
  // Out-of-range numbers first: the digest of a value that is not JSON means nothing.
  if (parts[0]?.startsWith('numbers') || !digestMatches(plan))
    throw new StalePlanError(`${label} does not match its own digest ${plan.digest}: it was edited. Run plan again.`);
  if (parts.length > 0)
    throw new StalePlanError(
      `${label} was edited: its ${parts.join(', ')} no longer follow from its digest ${plan.digest}. Run plan again.`,
    );
}

/** JSON.parse reads `1e400` as Infinity, which JSON cannot hold: no plan ever wrote one. */
function finite(value: Json): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(finite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(finite);
  return true;
}

function quoted(keys: string[]): string {
  const shown = keys.slice(0, 3).map((k) => JSON.stringify(k));
  return shown.join(', ') + (keys.length > 3 ? ` and ${keys.length - 3} more` : '');
}
