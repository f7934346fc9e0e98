/**
 * A plan as groups of readable entries. The text and Markdown renderers both draw from this,
 * so the terminal and the pull-request comment can never say different things.
 */
import type { Canonical, Change, Json, Plan } from '../core/types.js';
import { assertNever } from '../core/assert-never.js';
import type { KindSet } from '../core/kind-set.js';
import { addressesOutside, nameOf, typeOf } from '../core/addresses.js';
import { formatValue, isMultiline, lineDiff, namesFor } from './values.js';
import { quoted, visible } from './visible.js';

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

export function describePlan(plan: Plan, kinds: KindSet, options: { showNoOps?: boolean } = {}): Group[] {
  const groups = new Map<string, Group>();
  for (const change of plan.changes) {
    if (change.action === 'no-op' && !options.showNoOps) continue;
    const kind = kinds.kind(change.kind);
    const heading = visible(kind.groupOf(change, plan.names));
    let group = groups.get(heading);
    if (!group) groups.set(heading, (group = { heading, entries: [] }));
    group.entries.push({ ...shown(withReach(describeChange(change, plan, kinds), change, plan, kinds)), change });
  }
  return [...groups.values()];
}

/** Names, keys and values come from the tenant: every entry is made visible before any renderer sees it. */
function shown(entry: Omit<Entry, 'change'>): Omit<Entry, 'change'> {
  return {
    ...entry,
    title: visible(entry.title),
    details: entry.details.map((d) => ({ ...d, text: visible(d.text) })),
  };
}

/** In a targeted plan, a change that also alters things outside the targets says so. */
function withReach(entry: Omit<Entry, 'change'>, change: Change, plan: Plan, kinds: KindSet): Omit<Entry, 'change'> {
  if (!plan.targets || change.action === 'no-op') return entry;
  const kind = kinds.kind(change.kind);
  const outside = addressesOutside(kind, change, plan.names, plan.targets);
  if (outside.length === 0) return entry;
  const byType = new Map<string, string[]>();
  for (const address of outside) byType.set(typeOf(address), [...(byType.get(typeOf(address)) ?? []), nameOf(address)]);
  const parts = [...byType].map(
    ([type, names]) => `${kinds.addressTypes.get(type)?.plural ?? type} ${names.join(', ')}`,
  );
  return { ...entry, title: `${entry.title} (also on ${parts.join('; ')})` };
}

/**
 * What a plan was made against and at: host, customer, microtenant, and the commit when known.
 * `code` marks values up (Markdown's backticks); plain text by default.
 */
export function targetSummary(plan: Plan, code: (text: string) => string = (text) => text): string {
  const { host, customerId, microtenantId } = plan.target;
  const commit = plan.commit === undefined ? '' : ` · commit ${code(plan.commit.slice(0, 12))}`;
  return visible(`${code(host)} · customer ${code(customerId)} · microtenant ${code(microtenantId)}${commit}`);
}

/** One line saying the plan is partial, Terraform's targeting warning in short; undefined for a full plan. */
export function partialNote(plan: Plan): string | undefined {
  if (!plan.targets) return undefined;
  const flags = plan.targets.map((t) => `--target ${visible(t)}`).join(' ');
  return `Partial plan (${flags}): changes outside the targets are not planned, so the tenant may still differ from the manifests.`;
}

/** One line per scope with `ignore` patterns: how many live objects they left alone. */
export function ignoredLines(plan: Plan, kinds: KindSet): string[] {
  return (plan.ignored ?? []).map(({ kind, scope, count }) => {
    const known = nounFor(kinds, kind, count);
    return `Ignored ${count} live ${known} on ${typeOf(scope)} ${quoted(nameOf(scope))} (ignore patterns).`;
  });
}

function nounFor(kinds: KindSet, kindName: string, count: number): string {
  const kind = kinds.kind(kindName);
  return count === 1 ? kind.noun : kind.wording.plural;
}

function describeChange(change: Change, plan: Plan, kinds: KindSet): Omit<Entry, 'change'> {
  const kind = kinds.kind(change.kind);
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
  if (typeof before === 'string' && typeof after === 'string' && isMultiline(before, after)) {
    const lines = lineDiff(before, after);
    return [{ sign: ' ', text: `${field}:` }, ...lines.map(({ sign, line }) => ({ sign, text: `  ${line}` }))];
  }
  return [{ sign: ' ', text: `${field}: ${formatValue(before, names)} → ${formatValue(after, names)}` }];
}

export function summaryLine(plan: Plan): string {
  const { create, update, delete: del } = plan.counts;
  if (create + update + del === 0)
    return plan.targets ? 'No changes inside the targets.' : 'No changes. The tenant matches the manifests.';
  return `Plan: ${create} to create, ${update} to update, ${del} to delete.`;
}
