/**
 * The plan digest: what a reviewer approved, in one comparable string. SHA-256 over a canonical
 * serialisation of the target and of the changes that would write, in the plan's order, with what
 * a rendering of them shows (the names of the ids they hold, warnings) and what their safety verdict
 * is worked out from; nothing that varies by machine, run or output format (no timestamps, tool
 * version, manifest locations), so the same manifests and tenant give the same digest anywhere.
 */
import { createHash } from 'node:crypto';
import type { Change, Json, Plan } from '../core/types.js';

export const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** Bumped only if the serialisation below changes, so two algorithms can never produce equal strings. */
const DIGEST_VERSION = 1;

/** The parts of a plan the digest covers: enough to compute it from a plan still being built. */
export type DigestInput = Pick<Plan, 'target' | 'changes'> &
  Partial<Pick<Plan, 'names' | 'safety' | 'warnings'>> & { targets?: Json };

export function digestPlan(plan: DigestInput): string {
  const { host, customerId, microtenantId } = plan.target;
  const names = referencedNames(plan);
  const guards = activeGuards(plan.safety);
  const material: Json = {
    digestVersion: DIGEST_VERSION,
    target: { host, customerId, microtenantId },
    // A plan spanning several targets lists them; the digest covers them too.
    ...(plan.targets === undefined ? {} : { targets: plan.targets }),
    changes: plan.changes.flatMap(digestedChange),
    // Each part below is left out when empty, so a plan without it keeps the digest it always had.
    // The display names of the ids the writing changes hold: what a reviewer read them as.
    ...(names === undefined ? {} : { names }),
    // What the safety verdict is worked out from, once a guard applies (below its minimum a kind
    // is never unsafe, whatever the thresholds say).
    ...(guards === undefined ? {} : { safety: guards }),
    ...(plan.warnings && plan.warnings.length > 0 ? { warnings: plan.warnings as unknown as Json } : {}),
  };
  return `sha256:${createHash('sha256').update(canonicalJson(material)).digest('hex')}`;
}

/** True when a plan's content still matches the digest it carries (a hand-edited file does not). */
export function digestMatches(plan: Plan): boolean {
  return typeof plan.digest === 'string' && plan.digest === digestPlan(plan);
}

/** What each change contributes: identity, the live object's fingerprint it was computed from, the state after, why. */
function digestedChange(change: Change): Json[] {
  const { kind, action, key } = change;
  switch (change.action) {
    case 'create':
      return [{ kind, action, key, after: change.after }];
    case 'update':
      return [
        {
          kind,
          action,
          key,
          id: change.id,
          fingerprint: change.fingerprint,
          after: change.after,
          ...(change.reason === undefined ? {} : { reason: change.reason }),
        },
      ];
    case 'delete':
      return [{ kind, action, key, id: change.id, fingerprint: change.fingerprint, reason: change.reason }];
    case 'no-op':
      return [];
  }
}

/**
 * Each name table cut to the ids that occur in a writing change's before or after state. Kind-free:
 * any string there that a table holds counts, so a table entry a rendering could show is covered,
 * while portals no change mentions can be renamed without moving the digest.
 */
function referencedNames(plan: DigestInput): Json | undefined {
  if (!plan.names) return undefined;
  const strings = new Set<string>();
  for (const change of plan.changes) {
    if (change.action === 'no-op') continue;
    if (change.action !== 'create') collectStrings(change.before, strings);
    if (change.action !== 'delete') collectStrings(change.after, strings);
  }
  const tables: Record<string, Json> = {};
  for (const [table, names] of Object.entries(plan.names)) {
    const kept = Object.entries(names).filter(([id]) => strings.has(id));
    if (kept.length > 0) tables[table] = Object.fromEntries(kept);
  }
  return Object.keys(tables).length > 0 ? tables : undefined;
}

function collectStrings(value: Json, into: Set<string>): void {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) collectStrings(item, into);
}

function activeGuards(safety: Plan['safety'] | undefined): Json | undefined {
  const basis = safety?.basis;
  if (!basis) return undefined;
  const managed = basis.managed.filter((m) => m.live >= basis.thresholds.minimum);
  return managed.length > 0 ? { thresholds: basis.thresholds, managed } : undefined;
}

/**
 * JSON with object keys sorted by code unit and no whitespace. Kept here rather than shared with the
 * planner's equality helper so that a change there can never silently change every digest.
 */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] ?? null)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
