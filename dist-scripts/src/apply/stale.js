/**
 * The stale check of `apply --plan`: a saved plan is applied only to the tenant it was computed from.
 */
import { StalePlanError } from '../core/errors.js';
import { kindOf } from '../kinds/registry.js';
import { idOf } from '../kinds/normalize.js';
import { fingerprint } from '../planner/equality.js';
export function assertSameTarget(plan, target) {
    const fields = ['host', 'customerId', 'microtenantId'];
    const different = fields.filter((f) => plan.target[f] !== target[f]);
    if (different.length > 0) {
        const detail = different.map((f) => `${f} ${plan.target[f]} in the plan, ${target[f]} now`).join('; ');
        throw new StalePlanError(`Saved plan was made for another target (${detail}). Run plan again.`);
    }
}
/** Every object the plan would change that no longer matches what the plan was computed from. */
export function staleObjects(plan, live) {
    const problems = [];
    for (const change of plan.changes) {
        if (change.action === 'no-op')
            continue;
        const kind = kindOf(change.kind);
        const objects = kind.liveObjects(live);
        const label = `${kind.noun} "${change.key}"`;
        if (change.action === 'create') {
            if (objects.some((o) => kind.keyOfLive(o) === change.key))
                problems.push(`${label} now exists`);
            continue;
        }
        const object = objects.find((o) => idOf(o['id']) === change.id);
        if (!object)
            problems.push(`${label} was deleted`);
        else if (fingerprint(kind.canonicalLive(object)) !== change.fingerprint)
            problems.push(`${label} changed`);
    }
    return problems;
}
export function assertFresh(plan, live) {
    const problems = staleObjects(plan, live);
    if (problems.length > 0) {
        const shown = problems.slice(0, 10).join(', ') + (problems.length > 10 ? `, and ${problems.length - 10} more` : '');
        throw new StalePlanError(`Saved plan is stale: ${shown}. Run plan again.`);
    }
}
