/** The closest of `candidates` to a mistyped `given`, or undefined when none is close enough. */
export function closestMatch(given: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = candidate.startsWith(given) && given.length >= 3 ? 1 : editDistance(given, candidate);
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  // A third of the word may be wrong: `--detailed-exit-code` finds `--detailed-exitcode`, `--nope` finds nothing.
  const allowed = Math.max(2, Math.floor(given.length / 3));
  return best !== undefined && best.distance <= allowed ? best.candidate : undefined;
}

/** Levenshtein distance (insert, delete, substitute), two rows at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitute, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
