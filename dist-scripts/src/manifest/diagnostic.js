export function problem(code, message, hint, location) {
    return shape('error', code, message, hint, location);
}
export function warning(code, message, hint, location) {
    return shape('warning', code, message, hint, location);
}
function shape(severity, code, message, hint, location) {
    return { severity, code, message, ...(hint ? { hint } : {}), ...(location ? { location } : {}) };
}
export function hasErrors(diagnostics) {
    return diagnostics.some((d) => d.severity === 'error');
}
/** A user's value inside a message: quoted, escaped, and cut short so a line stays readable. */
export function quote(value) {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}…"` : text;
}
/** `did you mean "x"?` when one candidate is close (case, a typo or two, or a prefix). */
export function closest(word, candidates) {
    const folded = word.toLowerCase();
    const exact = candidates.find((c) => c.toLowerCase() === folded);
    if (exact)
        return exact;
    let best;
    for (const candidate of candidates) {
        const distance = editDistance(folded, candidate.toLowerCase());
        if (!best || distance < best.distance)
            best = { candidate, distance };
    }
    const limit = Math.max(1, Math.floor(word.length / 3));
    if (best && best.distance <= limit)
        return best.candidate;
    const prefixed = candidates.filter((c) => folded.length >= 3 && c.toLowerCase().startsWith(folded));
    return prefixed.length === 1 ? prefixed[0] : undefined;
}
/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment): "nmae" is one from "name". */
function editDistance(a, b) {
    if (a.length > 64 || b.length > 64)
        return Math.max(a.length, b.length);
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    const at = (i, j) => rows[i]?.[j] ?? Number.MAX_SAFE_INTEGER;
    for (let i = 1; i <= a.length; i++) {
        const row = rows[i] ?? [];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, at(i - 2, j - 2) + 1);
            row[j] = best;
        }
    }
    return at(a.length, b.length);
}
