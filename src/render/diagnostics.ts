/**
 * Diagnostics as text: one line each, `file:line:col severity what — how to fix`, and as GitHub
 * Actions workflow commands so that a pull request shows them on the offending lines.
 */
import type { Diagnostic, SourceLocation } from '../core/types.js';
import { visible } from './visible.js';

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

export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.location ? `${formatLocation(diagnostic.location)} ` : '';
  const how = diagnostic.hint ? ` — ${diagnostic.hint}` : '';
  return oneLine(`${where}${diagnostic.severity} ${diagnostic.message}${how}`);
}

/** Sorted, one per line, ending with a newline (empty string for none). */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics)
    .map((d) => `${formatDiagnostic(d)}\n`)
    .join('');
}

/**
 * `::error file=…,line=…,col=…::message` lines. GitHub's escaping rules (actions/toolkit,
 * packages/core/src/command.ts): data escapes % CR LF; property values also escape : and ,.
 */
export function githubAnnotations(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics)
    .map((d) => {
      const where = d.location
        ? ` file=${escapeProperty(d.location.file)},line=${d.location.line},col=${d.location.col}`
        : '';
      const text = d.hint ? `${d.message} — ${d.hint}` : d.message;
      return `::${d.severity}${where}::${escapeData(text)}\n`;
    })
    .join('');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A value quoted into a message may hold a line break; a diagnostic must stay on one line. */
function oneLine(text: string): string {
  return visible(text.replace(/\r\n|\r|\n/g, '⏎'));
}

function compareLocations(a: SourceLocation | undefined, b: SourceLocation | undefined): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return compareText(a.file, b.file) || a.line - b.line || a.col - b.col;
}

/** Code-unit order, not locale order, so output is the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
