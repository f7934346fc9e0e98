/**
 * The stale check of `apply --plan`: a saved plan is applied only to the tenant it was computed from.
 * Plain `apply` runs it too when its plan waited (fresh-plan.ts).
 */
import { StalePlanError } from '../core/errors.js';
import type { LiveState, Plan, PlanTarget } from '../core/types.js';
import type { KindSet } from '../core/kind-set.js';
import { fingerprint } from '../canonical/equality.js';
import { liveObjectsOf } from './live-object.js';

export function assertSameTarget(plan: Plan, target: PlanTarget): void {
  const fields = ['host', 'customerId', 'microtenantId'] as const;
  const different = fields.filter((f) => plan.target[f] !== target[f]);
  if (different.length > 0) {
    const detail = different.map((f) => `${f} ${plan.target[f]} in the plan, ${target[f]} now`).join('; ');
    throw new StalePlanError(`Saved plan was made for another target (${detail}). Run plan again.`);
  }
}

/** Every object the plan would change that no longer matches what the plan was computed from. */
function staleObjects(plan: Plan, live: LiveState, kinds: KindSet): string[] {
  const problems: string[] = [];
  for (const change of plan.changes) {
    if (change.action === 'no-op') continue;
    const kind = kinds.kind(change.kind);
    const [object] = liveObjectsOf(kind, change, live);
    const label = `${kind.noun} "${change.key}"`;
    if (change.action === 'create') {
      if (object) problems.push(`${label} now exists`);
      continue;
    }
    if (!object) problems.push(`${label} was deleted`);
    else if (fingerprint(kind.canonicalLive(object)) !== change.fingerprint) problems.push(`${label} changed`);
  }
  return problems;
}

/**
 * `live` needs only what the plan touches (apply/reread.ts): a collection read whole where the plan
 * creates (a key that now exists), the changed objects by id otherwise (a 404 reads as deleted).
 * `what` names the plan in the message: a saved plan, or one made in this run that waited.
 */
export function assertFresh(plan: Plan, live: LiveState, kinds: KindSet, what: 'saved' | 'this run' = 'saved'): void {
  const problems = staleObjects(plan, live, kinds);
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join(', ') + (problems.length > 10 ? `, and ${problems.length - 10} more` : '');
    throw new StalePlanError(
      what === 'saved'
        ? `Saved plan is stale: ${shown}. Run plan again.`
        : `The tenant changed since this plan was read: ${shown}. Nothing was written; run apply again.`,
    );
  }
}
