/**
 * plan(): pure and deterministic. Desired and live state and the kinds in, a Plan out: no I/O, no
 * clock. The planner never names a kind: they are passed in, as one set (core/kind-set.ts).
 */
import { ManifestError } from '../core/errors.js';
import type { Named, ResourceKind } from '../core/kind.js';
import type { KindSet } from '../core/kind-set.js';
import type {
  Action,
  ApiObject,
  Canonical,
  Change,
  CreateChange,
  DesiredState,
  Diagnostic,
  LiveState,
  Plan,
  PlanCounts,
  PlanTarget,
} from '../core/types.js';
import { compareIds, idOf, optionalString, unescapeHtml } from '../canonical/normalize.js';
import { desiredOf, diffKind, type KindDesired, type KindDiff } from './diff.js';
import { plannedRef } from '../canonical/planned-refs.js';
import { buildLookUp } from './look-up.js';
import { scopeNotes } from './scope-notes.js';
import { setAsideLive } from './set-aside.js';
import { checkKeptReferences } from './kept-references.js';
import { keepTargeted, parseTargets } from './targets.js';
import { assessSafety, DEFAULT_SAFETY, type GuardInput, type SafetyOptions } from './update-guard.js';
import { digestPlan } from '../digest/plan-digest.js';

export const PLAN_FORMAT_VERSION = 1;

export { DEFAULT_SAFETY, type SafetyOptions } from './update-guard.js';
export { parseTargets } from './targets.js';
export { resolveMicrotenant } from './look-up.js';

export interface PlanOptions {
  target: PlanTarget;
  toolVersion: string;
  safety?: SafetyOptions;
  /** Plan only the changes inside these addresses (checked with `parseTargets`). */
  targets?: readonly string[];
}

const ACTION_ORDER: Record<Action, number> = { create: 0, update: 1, delete: 2, 'no-op': 3 };

/**
 * Plans changes with these kinds, in their order; throws ManifestError when a name does not resolve
 * or live state is ambiguous, and LiveReadsDisagreeError when two reads cannot both be true.
 */
export function planKinds(set: KindSet, desired: DesiredState, everything: LiveState, options: PlanOptions): Plan {
  const { kinds } = set;
  const aside = setAsideLive(kinds, everything, options.target);
  const live = aside.live;
  checkKeptReferences(set, live, everything);
  // Kinds in dependency order: each resolves its names against the live objects and what the kinds
  // before it plan to create, so a link may sit on a portal this plan creates.
  const planned = new Map<string, Named[]>();
  const lookUp = buildLookUp(live, planned);
  const resolved: KindDesired<Canonical>[] = [];
  const diffs: KindDiff[] = [];
  for (const kind of kinds) {
    const wanted = desiredOf(kind, desired, lookUp);
    const diff = diffKind(wanted, live);
    resolved.push(wanted);
    diffs.push(diff);
    const creates = diff.changes.flatMap((c) => (c.action === 'create' ? [plannedObject(kind.name, c)] : []));
    if (creates.length > 0) planned.set(kind.collection, creates);
  }
  // In manifest order, whichever kind found them.
  const unresolved = resolved.flatMap((r) => r.wanted.diagnostics).sort(byLocation);
  if (unresolved.length > 0) throw new ManifestError(unresolved);
  const problems = [
    ...scopeNotes(kinds, live, options.target),
    ...aside.warnings,
    ...diffs.flatMap((d) => d.diagnostics),
  ];
  if (problems.some((d) => d.severity === 'error')) throw new ManifestError(problems);
  const order = new Map(kinds.map((kind, index) => [kind.name, index]));
  const names = nameTables(kinds, live);
  const all = sortChanges(
    order,
    diffs.flatMap((d) => d.changes),
  );
  const targets = options.targets ? parseTargets(options.targets, set) : undefined;
  const changes = targets ? keepTargeted(set, all, { targets, desired, live, names }) : all;
  // Every kind feeds the guards: those with a prune pass by their own figures, the others by what they list.
  const guarded: GuardInput[] = diffs.map((d, index) => ({
    kind: kinds[index]?.name ?? '',
    stats: d.pruneStats,
    changes: changes.filter((c) => c.kind === kinds[index]?.name),
  }));
  const ignored = diffs.flatMap((d, index) =>
    (d.ignored ?? [])
      .filter((i) => !targets || targets.includes(i.scope))
      .map((i) => ({ kind: kinds[index]?.name ?? '', ...i })),
  );
  const safety = assessSafety(guarded, options.safety ?? DEFAULT_SAFETY);
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    toolVersion: options.toolVersion,
    target: options.target,
    digest: digestPlan({
      target: options.target,
      changes,
      names,
      safety,
      warnings: problems,
      ...(targets ? { targets } : {}),
    }),
    changes,
    counts: countChanges(changes),
    safety,
    warnings: problems,
    names,
    ...(targets ? { targets } : {}),
    ...(ignored.length > 0 ? { ignored } : {}),
  };
}

/** A planned create as a look-up finds it: by its `name` field (else its key), its id a planned reference. */
function plannedObject(kind: string, change: CreateChange): Named {
  const name = change.after['name'];
  return { id: plannedRef(kind, change.key), name: typeof name === 'string' ? name : change.key };
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

/**
 * What the planner would refuse in a kind's live objects with nothing desired (an object without a
 * usable id, two with one key): `doctor` checks a tenant by it before the first plan.
 */
export function refusedLive(kind: ResourceKind, live: LiveState): Diagnostic[] {
  return diffKind({ kind, wanted: { objects: [], diagnostics: [] } }, live).diagnostics.filter(
    (d) => d.severity === 'error',
  );
}

/**
 * By kind (in the kinds' order), action, key, then id. Each change's kind and action rank is worked
 * out once rather than at every comparison: a sort compares each change many times.
 */
function sortChanges(order: ReadonlyMap<string, number>, changes: Change[]): Change[] {
  const rows = changes.map((change) => ({
    change,
    rank: (order.get(change.kind) ?? 0) * 4 + ACTION_ORDER[change.action],
    key: change.key,
    id: 'id' in change ? change.id : '',
  }));
  rows.sort((a, b) => {
    if (a.rank !== b.rank) return a.rank - b.rank;
    if (a.key !== b.key) return a.key < b.key ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return rows.map((row) => row.change);
}

export function countChanges(changes: readonly Change[]): PlanCounts {
  const counts: PlanCounts = { create: 0, update: 0, delete: 0, noOp: 0 };
  for (const change of changes) {
    if (change.action === 'no-op') counts.noOp += 1;
    else counts[change.action] += 1;
  }
  return counts;
}

/** Sorted by id, so the order the API listed things in never shows in a plan. */
function namesById(objects: readonly ApiObject[]): Record<string, string> {
  const entries = objects.map((o) => [idOf(o['id']), unescapeHtml(optionalString(o['name']))] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => compareIds(a, b)));
}
