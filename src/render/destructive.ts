/**
 * The changes a reviewer must never miss: deletes (declared `absent` or pruned) and updates that take
 * an object off something it sat on (a link off a portal). Kind-free: "sat on" is any reference field
 * holding a list of ids, read through the kind's `references`.
 */
import type { Change, Json, Plan, SourceLocation } from '../core/types.js';
import type { KindSet } from '../core/kind-set.js';
import { idOf } from '../canonical/normalize.js';
import { displayName } from '../canonical/planned-refs.js';

export interface DestructiveChange {
  change: Change;
  /** Verb for the list: `delete` or `detach`. */
  verb: 'delete' | 'detach';
  noun: string;
  /** Display names of what the object sits on before the change (its portals), sorted. */
  on: string[];
  /** What it is taken off (a detach). */
  removed: string[];
  /** What it stays on after a detach. */
  kept: string[];
  /** Where it was declared, or why it is pruned. */
  why: string;
}

export function isDestructive(change: Change, kinds: KindSet): boolean {
  return change.action === 'delete' || (change.action === 'update' && removedRefs(change, kinds).length > 0);
}

export function destructiveChanges(plan: Plan, kinds: KindSet): DestructiveChange[] {
  return plan.changes.filter((c) => isDestructive(c, kinds)).map((change) => describeDestructive(change, plan, kinds));
}

function describeDestructive(change: Change, plan: Plan, kinds: KindSet): DestructiveChange {
  const kind = kinds.kind(change.kind);
  const name = (table: string, id: string) => displayName(id, plan.names[table]);
  const before = change.action === 'create' ? {} : change.before;
  const on = Object.entries(kind.references).flatMap(([field, table]) =>
    idsIn(before[field]).map((id) => name(table, id)),
  );
  const removed = change.action === 'update' ? removedRefs(change, kinds).map(({ table, id }) => name(table, id)) : [];
  const at = change.declaredAt ? ` at ${where(change.declaredAt)}` : '';
  // The wording is the kind's (src/core/kind.ts), so a new kind reads right here with no change.
  const { reasons, plural } = kind.wording;
  const why =
    change.action === 'delete'
      ? change.reason === 'absent'
        ? `${reasons.absent ?? 'declared absent'}${at}`
        : `pruned: ${reasons.prune ?? 'not in the manifests'}`
      : `${change.declaredAt ? `declared${at} without ${removed.join(', ')}` : 'not in the manifests'}; ${removed.join(', ')} ${removed.length === 1 ? 'prunes' : 'prune'} ${plural} the manifests do not list there`;
  return {
    change,
    verb: change.action === 'delete' ? 'delete' : 'detach',
    noun: kind.noun,
    on: on.sort(),
    removed: removed.sort(),
    kept: on.filter((n) => !removed.includes(n)).sort(),
    why,
  };
}

function removedRefs(change: Change, kinds: KindSet): { table: string; id: string }[] {
  if (change.action !== 'update') return [];
  const kind = kinds.kind(change.kind);
  return Object.entries(kind.references).flatMap(([field, table]) => {
    const after = new Set(idsIn(change.after[field]));
    return idsIn(change.before[field])
      .filter((id) => !after.has(id))
      .map((id) => ({ table, id }));
  });
}

/** Only list-valued references count: a single id (a certificate) is replaced, never "left". */
function idsIn(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.map((v) => idOf(v)) : [];
}

export function where(location: SourceLocation): string {
  return `${location.file}:${location.line}`;
}
