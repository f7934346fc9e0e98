import { createHash } from 'node:crypto';
/** JSON with object keys sorted, so that equal values always serialise equally. */
export function stableJson(value) {
    if (Array.isArray(value))
        return `[${value.map(stableJson).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const keys = Object.keys(value).sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(value[k] ?? null)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
/**
 * The one equality function: canonical shapes are already normalised by their kind
 * (optional strings, HTML entities, portal sets, icons), so equality is equality of stable JSON.
 */
export function sameCanonical(a, b) {
    return stableJson(a) === stableJson(b);
}
/** A short hash of a live object's canonical shape: what a saved plan was computed from. */
export function fingerprint(canonical) {
    return createHash('sha256').update(stableJson(canonical)).digest('hex').slice(0, 16);
}
