/**
 * The nearest of some candidates to a word a user typed, for every `did you mean …?` hint: manifest
 * keys and values, `--target` addresses, command-line flags and the names manifests refer to.
 */

/** `did you mean "x"?` when one candidate is close (case, a typo or two, or a prefix). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const folded = word.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === folded);
  if (exact) return exact;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(folded, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  if (best && best.distance <= limit) return best.candidate;
  const prefixed = candidates.filter((c) => folded.length >= 3 && c.toLowerCase().startsWith(folded));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment): "nmae" is one from "name". */
export function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.max(a.length, b.length);
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.MAX_SAFE_INTEGER;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] ?? [];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}
