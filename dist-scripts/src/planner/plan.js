/**
 * plan(): pure and deterministic. Desired and live state in, a Plan out: no I/O, no clock.
 */
import { ManifestError } from '../core/errors.js';
import { KINDS } from '../kinds/registry.js';
import { compareIds, idOf, optionalString, unescapeHtml } from '../kinds/normalize.js';
import { resolveDesired } from './resolve.js';
export const PLAN_FORMAT_VERSION = 1;
export const DEFAULT_SAFETY = { pruneThreshold: 0.3, pruneMinimum: 10 };
const ACTION_ORDER = { create: 0, update: 1, delete: 2, 'no-op': 3 };
/** Plans changes; throws ManifestError when a name does not resolve or live state is ambiguous. */
export function planChanges(desired, live, options) {
    const { resolved, diagnostics } = resolveDesired(desired, live, options.target.microtenantId);
    if (diagnostics.length > 0)
        throw new ManifestError(diagnostics);
    return planResolved(resolved, live, options);
}
export function planResolved(resolved, live, options) {
    const changes = [];
    const problems = [];
    const prune = [];
    for (const kind of KINDS) {
        const result = kind.plan(resolved, live);
        changes.push(...result.changes);
        problems.push(...result.diagnostics);
        if (result.pruneStats)
            prune.push(result.pruneStats);
    }
    const errors = problems.filter((d) => d.severity === 'error');
    if (errors.length > 0)
        throw new ManifestError(problems);
    changes.sort(compareChanges);
    return {
        formatVersion: PLAN_FORMAT_VERSION,
        toolVersion: options.toolVersion,
        target: options.target,
        changes,
        counts: countChanges(changes),
        safety: assessSafety(prune, options.safety ?? DEFAULT_SAFETY),
        warnings: problems,
        names: {
            userPortals: namesById(live.userPortals),
            enrollmentCerts: namesById(live.enrollmentCerts ?? []),
        },
    };
}
function compareChanges(a, b) {
    const kindOrder = KINDS.findIndex((k) => k.name === a.kind) - KINDS.findIndex((k) => k.name === b.kind);
    if (kindOrder !== 0)
        return kindOrder;
    const actionOrder = ACTION_ORDER[a.action] - ACTION_ORDER[b.action];
    if (actionOrder !== 0)
        return actionOrder;
    if (a.key !== b.key)
        return a.key < b.key ? -1 : 1;
    const idA = 'id' in a ? a.id : '';
    const idB = 'id' in b ? b.id : '';
    return idA < idB ? -1 : idA > idB ? 1 : 0;
}
export function countChanges(changes) {
    const counts = { create: 0, update: 0, delete: 0, noOp: 0 };
    for (const change of changes) {
        if (change.action === 'no-op')
            counts.noOp += 1;
        else
            counts[change.action] += 1;
    }
    return counts;
}
function assessSafety(stats, options) {
    const reasons = [];
    for (const { counted, managedLive, pruned } of stats) {
        if (managedLive >= options.pruneMinimum && pruned / managedLive > options.pruneThreshold) {
            const share = Math.round((pruned / managedLive) * 100);
            reasons.push(`pruning would remove ${pruned} of ${managedLive} ${counted} (${share} %, above the ${Math.round(options.pruneThreshold * 100)} % threshold)`);
        }
    }
    return { safe: reasons.length === 0, reasons };
}
/** Sorted by id, so the order the API listed things in never shows in a plan. */
function namesById(objects) {
    const entries = objects.map((o) => [idOf(o['id']), unescapeHtml(optionalString(o['name']))]);
    return Object.fromEntries(entries.sort(([a], [b]) => compareIds(a, b)));
}
