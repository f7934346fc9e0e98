/**
 * Where a diagnostic is and in what order diagnostics come: shared by the manifest loader (which
 * sorts and quotes places in its messages) and the renderers, so neither imports the other.
 */
import type { Diagnostic, SourceLocation } from './types.js';

export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.col}`;
}

/** File, line, column; problems with no location (a missing path) come first. Then errors first. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const byLocation = compareLocations(a.location, b.location);
  if (byLocation !== 0) return byLocation;
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  return compareText(a.code, b.code) || compareText(a.message, b.message);
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

function compareLocations(a: SourceLocation | undefined, b: SourceLocation | undefined): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return compareText(a.file, b.file) || a.line - b.line || a.col - b.col;
}

/** Code-unit order, not locale order, so output is the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
