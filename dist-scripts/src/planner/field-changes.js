import jsonpatch from 'fast-json-patch';
/**
 * Field-level changes between two canonical objects. fast-json-patch finds every difference,
 * however deep; we report them per top-level managed field, since that is what a reviewer reads
 * (`userPortals: [A] → [A, B]`, not `/userPortals/1 add`).
 */
export function fieldChanges(before, after) {
    const fields = new Set();
    for (const op of jsonpatch.compare(before, after)) {
        const field = op.path.split('/')[1];
        if (field !== undefined)
            fields.add(decodePointer(field));
    }
    return [...fields].sort().map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}
function decodePointer(segment) {
    return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
