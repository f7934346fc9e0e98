/**
 * Diagnostics as text: one line each, `file:line:col severity what — how to fix`, and as GitHub
 * Actions workflow commands so that a pull request shows them on the offending lines.
 */
import { formatLocation, sortDiagnostics } from '../core/diagnostic-order.js';
import type { Diagnostic } from '../core/types.js';
import { visible } from './visible.js';

export { compareDiagnostics, formatLocation, sortDiagnostics } from '../core/diagnostic-order.js';

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
