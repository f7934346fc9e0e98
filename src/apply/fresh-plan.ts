/**
 * When `apply` may skip the stale check: a plan made in this process whose live read
 * finished less than FRESH_PLAN_MS before the first write, as with `apply --auto-approve` or
 * `--expect-digest`. Re-reading then would only repeat a read taken a moment ago, and the apply's own
 * writes already take at least that long (10 writes per 10 s): a gap shorter than one rate window
 * adds no exposure the writes do not have. A plan that waited longer (at the `yes` prompt, say) is
 * checked like a saved plan, which is always checked however young its file is.
 */
import type { Clock } from '../core/clock.js';

/** One rate window of the published limits (NOTES.md: 20 GET and 10 writes per 10 seconds). */
export const FRESH_PLAN_MS = 10_000;

/** `readAt`: when the plan's live read finished, on `clock`; unknown counts as not fresh. */
export function isFreshPlan(readAt: number | undefined, clock: Clock): boolean {
  if (readAt === undefined) return false;
  const age = clock.now() - readAt;
  return age >= 0 && age < FRESH_PLAN_MS;
}
