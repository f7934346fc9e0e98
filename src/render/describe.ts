/**
 * A plan as groups of readable entries. The text and Markdown renderers both draw from this,
 * so the terminal and the pull-request comment can never say different things.
 */
import type { Canonical, Change, Json, Plan } from '../core/types.js';
import { assertNever } from '../core/assert-never.js';
import { kindNamed } from '../kinds/registry.js';
import { formatValue, isMultiline, lineDiff, namesFor } from './values.js';

export type Sign = '+' | '~' | '-' | '=';

export interface DetailLine {
  sign: '+' | '-' | ' ';
  text: string;
}

export interface Entry {
  sign: Sign;
  title: string;
  details: DetailLine[];
  /** The change described, for renderers that list some changes apart (Markdown's destructive list). */
  change: Change;
}

export interface Group {
  heading: string;
  entries: Entry[];
}

export function describePlan(plan: Plan, options: { showNoOps?: boolean } = {}): Group[] {
  const groups = new Map<string, Group>();
  for (const change of plan.changes) {
    if (change.action === 'no-op' && !options.showNoOps) continue;
    const kind = kindNamed(change.kind);
    const heading = kind.groupOf(change, plan.names);
    let group = groups.get(heading);
    if (!group) groups.set(heading, (group = { heading, entries: [] }));
    group.entries.push({ ...describeChange(change, plan), change });
  }
  return [...groups.values()];
}

function describeChange(change: Change, plan: Plan): Omit<Entry, 'change'> {
  const kind = kindNamed(change.kind);
  const label = `${kind.noun} ${JSON.stringify(change.key)}`;
  const names = (field: string) => namesFor(kind.references[field], plan);
  switch (change.action) {
    case 'create':
      return { sign: '+', title: `create ${label}`, details: fieldsOf(change.after, names) };
    case 'update': {
      const why = change.reason ? ` (${kind.wording.reasons[change.reason] ?? change.reason})` : '';
      const details = change.fieldChanges.flatMap((fc) =>
        describeFieldChange(fc.field, fc.before, fc.after, names(fc.field)),
      );
      return { sign: '~', title: `update ${label}${why}`, details };
    }
    case 'delete': {
      const why = kind.wording.reasons[change.reason] ?? change.reason;
      return { sign: '-', title: `delete ${label} (${why})`, details: [] };
    }
    case 'no-op':
      return { sign: '=', title: `unchanged ${label}`, details: [] };
    default:
      return assertNever(change);
  }
}

function fieldsOf(object: Canonical, names: (field: string) => Record<string, string> | undefined): DetailLine[] {
  return Object.entries(object)
    .filter(([, value]) => value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(([field, value]) => ({ sign: ' ', text: `${field}: ${formatValue(value, names(field))}` }));
}

function describeFieldChange(
  field: string,
  before: Json,
  after: Json,
  names: Record<string, string> | undefined,
): DetailLine[] {
  if (isMultiline(before, after)) {
    const lines = lineDiff(String(before), String(after));
    return [{ sign: ' ', text: `${field}:` }, ...lines.map(({ sign, line }) => ({ sign, text: `  ${line}` }))];
  }
  return [{ sign: ' ', text: `${field}: ${formatValue(before, names)} → ${formatValue(after, names)}` }];
}

export function summaryLine(plan: Plan): string {
  const { create, update, delete: del } = plan.counts;
  if (create + update + del === 0) return 'No changes. The tenant matches the manifests.';
  return `Plan: ${create} to create, ${update} to update, ${del} to delete.`;
}
