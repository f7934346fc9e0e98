/**
 * Injected faults: a queue of one-shot (or n-shot) misbehaviours matched by method and path. One
 * request takes at most one fault: the first pending one that matches and can apply to it.
 */
import { SimInputError } from './http-error.js';
/** The effect names, as the request log reports them. */
export const FAULT_EFFECTS = [
    'delayMs',
    'status',
    'resetBeforeApply',
    'resetAfterApply',
    'malformedJson',
    'lieTotalPages',
    'partialBulk',
];
/**
 * A path filter as a RegExp. Stateful flags are dropped: a `g` regex's `test()` would otherwise
 * alternate between matching and not on the same path.
 */
export function toPattern(path) {
    if (path === undefined)
        return undefined;
    if (path instanceof RegExp)
        return new RegExp(path.source, path.flags.replace(/[gy]/g, ''));
    try {
        return new RegExp(path);
    }
    catch {
        throw new SimInputError(`fault path is not a regular expression: ${path}`);
    }
}
function checkFault(fault) {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1)
        throw new SimInputError('fault times must be a positive integer');
    if (fault.status !== undefined && (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599)) {
        throw new SimInputError('fault status must be an HTTP status (100-599)');
    }
    if (fault.delayMs !== undefined && (!(fault.delayMs >= 0) || !Number.isFinite(fault.delayMs))) {
        throw new SimInputError('fault delayMs must be a non-negative number');
    }
    if (fault.partialBulk !== undefined && (!Number.isInteger(fault.partialBulk) || fault.partialBulk < 0)) {
        throw new SimInputError('fault partialBulk must be a non-negative integer');
    }
    if (describeFault(fault) === '')
        throw new SimInputError(`a fault needs at least one effect: ${FAULT_EFFECTS.join(', ')}`);
}
/** The effects a fault carries, e.g. `delayMs+status`. */
export function describeFault(fault) {
    return FAULT_EFFECTS.filter((effect) => {
        const value = fault[effect];
        return typeof value === 'boolean' ? value : value !== undefined;
    }).join('+');
}
function applies(fault, target) {
    if (fault.lieTotalPages && !target.paged)
        return false;
    if (fault.partialBulk !== undefined && !target.bulk)
        return false;
    return true;
}
export class FaultQueue {
    pending = [];
    applied = 0;
    add(fault) {
        checkFault(fault);
        this.pending.push({ fault: { ...fault }, pathPattern: toPattern(fault.path), remaining: fault.times ?? 1 });
    }
    /** Consume one use of the first fault that matches `target`. */
    take(target) {
        const index = this.pending.findIndex(({ fault, pathPattern }) => (fault.method === undefined || fault.method.toUpperCase() === target.method) &&
            (pathPattern === undefined || pathPattern.test(target.path)) &&
            applies(fault, target));
        const entry = this.pending[index];
        if (!entry)
            return undefined;
        entry.remaining -= 1;
        if (entry.remaining === 0)
            this.pending.splice(index, 1);
        this.applied += 1;
        return entry.fault;
    }
    clear() {
        this.pending = [];
    }
    list() {
        return this.pending.map(({ fault, remaining }) => {
            const { path, times: _times, ...rest } = fault;
            return {
                ...rest,
                ...(path === undefined ? {} : { path: path instanceof RegExp ? path.source : path }),
                remaining,
            };
        });
    }
}
