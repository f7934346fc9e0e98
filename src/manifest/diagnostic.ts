/** Building diagnostics: a stable code, what is wrong, how to fix it, and where. */
import type { Diagnostic, SourceLocation } from '../core/types.js';

export function problem(code: string, message: string, hint: string | undefined, location: SourceLocation | undefined): Diagnostic {
  return shape('error', code, message, hint, location);
}

export function warning(code: string, message: string, hint: string | undefined, location: SourceLocation | undefined): Diagnostic {
  return shape('warning', code, message, hint, location);
}

function shape(severity: Diagnostic['severity'], code: string, message: string, hint: string | undefined, location: SourceLocation | undefined): Diagnostic {
  return { severity, code, message, ...(hint ? { hint } : {}), ...(location ? { location } : {}) };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** A user's value inside a message: quoted, escaped, and cut short so a line stays readable. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…"` : text;
}

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

/** Levenshtein distance; inputs are short field names, so the quadratic cost is nothing. */
function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.max(a.length, b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitute));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
