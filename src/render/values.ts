/** How one field value reads in a plan: short, exact, and never a wall of base64. */
import { createHash } from 'node:crypto';
import { diffLines } from 'diff';
import type { Json, Plan } from '../core/types.js';
import { quoted, visible } from './visible.js';
import { parsePlannedRef } from '../canonical/planned-refs.js';

const LONG = 120;

export function formatValue(value: Json, names?: Record<string, string>): string {
  if (Array.isArray(value)) return `[${value.map((v) => formatValue(v, names)).join(', ')}]`;
  if (typeof value === 'string') {
    if (names && value in names) return `${quoted(names[value] ?? '')} (${visible(value)})`;
    // An object this plan creates: its id is known only once apply has created it.
    const planned = parsePlannedRef(value);
    if (planned) return `${JSON.stringify(planned.key)} (known after apply)`;
    if (value.startsWith('data:')) return describeDataUri(value);
    if (value.length > LONG)
      return `${quoted(value.slice(0, LONG))}… (${value.length} characters, sha256 ${shortHash(value)})`;
  }
  return visible(JSON.stringify(value));
}

function describeDataUri(uri: string): string {
  const comma = uri.indexOf(',');
  const mime = uri.slice(5, comma < 0 ? undefined : comma).split(';')[0] ?? '';
  const bytes = comma < 0 ? 0 : Buffer.from(uri.slice(comma + 1), 'base64').length;
  return `<${visible(mime) || 'data'}, ${formatBytes(bytes)}, sha256 ${shortHash(uri)}>`;
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** Multi-line strings change line by line: unchanged lines stay quiet. */
export function isMultiline(before: Json, after: Json): boolean {
  return typeof before === 'string' && typeof after === 'string' && (before.includes('\n') || after.includes('\n'));
}

export function lineDiff(before: string, after: string): { sign: '+' | '-' | ' '; line: string }[] {
  const lines: { sign: '+' | '-' | ' '; line: string }[] = [];
  for (const part of diffLines(before, after)) {
    const sign = part.added ? '+' : part.removed ? '-' : ' ';
    for (const line of part.value.replace(/\n$/, '').split('\n')) lines.push({ sign, line });
  }
  return lines;
}

export function namesFor(table: string | undefined, plan: Plan): Record<string, string> | undefined {
  return table ? plan.names[table] : undefined;
}
