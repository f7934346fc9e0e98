/** Building diagnostics: a stable code, what is wrong, how to fix it, and where. */
import type { Diagnostic, SourceLocation } from '../core/types.js';

export function problem(
  code: string,
  message: string,
  hint: string | undefined,
  location: SourceLocation | undefined,
): Diagnostic {
  return shape('error', code, message, hint, location);
}

export function warning(
  code: string,
  message: string,
  hint: string | undefined,
  location: SourceLocation | undefined,
): Diagnostic {
  return shape('warning', code, message, hint, location);
}

function shape(
  severity: Diagnostic['severity'],
  code: string,
  message: string,
  hint: string | undefined,
  location: SourceLocation | undefined,
): Diagnostic {
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

export { closest } from '../core/closest.js';
