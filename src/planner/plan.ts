/**
 * plan(): pure and deterministic. Desired and live state and the kinds in, a Plan out: no I/O, no
 * clock. The planner never names a kind: the registry (src/kinds/registry.ts) passes them in.
 */
import { ManifestError } from '../core/errors.js';
import type { PruneStats, ResourceKind } from '../core/kind.js';
import type {
  Action,
  ApiObject,
  Change,
  DesiredState,
  Diagnostic,
  LiveState,
  Plan,
  PlanCounts,
  PlanSafety,
  PlanTarget,
} from '../core/types.js';
import { compareIds, idOf, optionalString, unescapeHtml } from '../canonical/normalize.js';
import { desiredOf, diffKind } from './diff.js';
import { nameLookup } from './look-up.js';
import { digestPlan } from '../digest/plan-digest.js';

export const PLAN_FORMAT_VERSION = 1;

export interface SafetyOptions {
  /** Pruning more than this share of the live objects on managed scopes makes a plan unsafe. */
  pruneThreshold: number;
  /** The threshold applies only from this many live objects on. */
  pruneMinimum: number;
}

export const DEFAULT_SAFETY: SafetyOptions = { pruneThreshold: 0.3, pruneMinimum: 10 };

export interface PlanOptions {
  target: PlanTarget;
  toolVersion: string;
  safety?: SafetyOptions;
}

const ACTION_ORDER: Record<Action, number> = { create: 0, update: 1, delete: 2, 'no-op': 3 };

/**
 * Plans changes with these kinds, in their order; throws ManifestError when a name does not resolve
 * or live state is ambiguous.
 */
export function planKinds(
  kinds: readonly ResourceKind[],
  desired: DesiredState,
  live: LiveState,
  options: PlanOptions,
): Plan {
  const lookUp = nameLookup(live);
  const resolved = kinds.map((kind) => desiredOf(kind, desired, lookUp));
  // In manifest order, whichever kind found them.
  const unresolved = resolved.flatMap((r) => r.wanted.diagnostics).sort(byLocation);
  if (unresolved.length > 0) throw new ManifestError(unresolved);
  const diffs = resolved.map((r) => diffKind(r, live));
  const problems = diffs.flatMap((d) => d.diagnostics);
  if (problems.some((d) => d.severity === 'error')) throw new ManifestError(problems);
  const prune = diffs.flatMap((d) => (d.pruneStats ? [d.pruneStats] : []));
  const order = new Map(kinds.map((kind, index) => [kind.name, index]));
  const changes = diffs.flatMap((d) => d.changes).sort((a, b) => compareChanges(order, a, b));
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    toolVersion: options.toolVersion,
    target: options.target,
    digest: digestPlan({ target: options.target, changes }),
    changes,
    counts: countChanges(changes),
    safety: assessSafety(prune, options.safety ?? DEFAULT_SAFETY),
    warnings: problems,
    names: nameTables(kinds, live),
  };
}

/**
 * Each kind's name tables, sorted by id. Later kinds' tables come first: plan format 1 wrote
 * `userPortals` before `enrollmentCerts`, and saved plans stay byte-identical.
 */
function nameTables(kinds: readonly ResourceKind[], live: LiveState): Plan['names'] {
  const tables = [...kinds].reverse().flatMap((kind) => Object.entries(kind.nameTables));
  return Object.fromEntries(tables.map(([table, collection]) => [table, namesById(live[collection] ?? [])]));
}

function byLocation(a: Diagnostic, b: Diagnostic): number {
  const [x, y] = [a.location, b.location];
  if (!x || !y) return (x ? 1 : 0) - (y ? 1 : 0);
  return x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line || x.col - y.col;
}

function compareChanges(order: ReadonlyMap<string, number>, a: Change, b: Change): number {
  const kindOrder = (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0);
  if (kindOrder !== 0) return kindOrder;
  const actionOrder = ACTION_ORDER[a.action] - ACTION_ORDER[b.action];
  if (actionOrder !== 0) return actionOrder;
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  const idA = 'id' in a ? a.id : '';
  const idB = 'id' in b ? b.id : '';
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

export function countChanges(changes: readonly Change[]): PlanCounts {
  const counts: PlanCounts = { create: 0, update: 0, delete: 0, noOp: 0 };
  for (const change of changes) {
    if (change.action === 'no-op') counts.noOp += 1;
    else counts[change.action] += 1;
  }
  return counts;
}

function assessSafety(stats: PruneStats[], options: SafetyOptions): PlanSafety {
  const reasons: string[] = [];
  for (const { counted, managedLive, pruned } of stats) {
    if (managedLive >= options.pruneMinimum && pruned / managedLive > options.pruneThreshold) {
      const share = Math.round((pruned / managedLive) * 100);
      reasons.push(
        `pruning would remove ${pruned} of ${managedLive} ${counted} (${share} %, above the ${Math.round(options.pruneThreshold * 100)} % threshold)`,
      );
    }
  }
  return { safe: reasons.length === 0, reasons };
}

/** Sorted by id, so the order the API listed things in never shows in a plan. */
function namesById(objects: readonly ApiObject[]): Record<string, string> {
  const entries = objects.map((o) => [idOf(o['id']), unescapeHtml(optionalString(o['name']))] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => compareIds(a, b)));
}
