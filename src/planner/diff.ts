/**
 * The one diff loop, for every kind: match desired and live objects by key, refuse live duplicates
 * and live objects without a usable id, and decide create / update / no-op / delete with field
 * changes and fingerprints. A kind only supplies its objects and hooks (core/kind.ts).
 */
import type {
  DesiredObject,
  DesiredSet,
  ExtraChange,
  IgnoredStats,
  KindChange,
  LiveEntry,
  LookUp,
  PruneStats,
  ResourceKind,
} from '../core/kind.js';
import type {
  ApiObject,
  Canonical,
  Change,
  DesiredState,
  Diagnostic,
  LiveState,
  NoOpChange,
  SourceLocation,
} from '../core/types.js';
import { fingerprint, sameCanonical } from '../canonical/equality.js';
import { fieldChanges } from '../canonical/field-changes.js';
import { hasUsableId, idOf } from '../canonical/normalize.js';
import { assertNever } from '../core/assert-never.js';
import { codeWord } from './look-up.js';

export interface KindDiff {
  changes: Change[];
  diagnostics: Diagnostic[];
  /** What the guards count against: the kind's own figures, else its live objects the manifests list. */
  pruneStats: PruneStats;
  ignored?: IgnoredStats[];
}

/** A kind and its desired objects, names resolved. */
export interface KindDesired<C extends Canonical> {
  kind: ResourceKind<C>;
  wanted: DesiredSet<C>;
}

export function desiredOf<C extends Canonical>(
  kind: ResourceKind<C>,
  desired: DesiredState,
  lookUp: LookUp,
): KindDesired<C> {
  return { kind, wanted: kind.desiredObjects(desired, lookUp) };
}

/*
 * Each pass over the objects is its own function, named for its job; a long plan spends its time in
 * these loops, and the engine optimises each on its own.
 */
export function diffKind<C extends Canonical>({ kind, wanted }: KindDesired<C>, live: LiveState): KindDiff {
  const diagnostics: Diagnostic[] = [];
  const entries = liveEntries(kind, live[kind.collection] ?? [], diagnostics);
  const changes = matchDesired(kind, wanted.objects, entries, diagnostics, live);
  const extra = wanted.extraChanges?.(entries);
  for (const change of extra?.changes ?? []) changes.push(extraChange(kind.name, change));
  // The changes made here are all this kind's, built from its canonical shape C.
  diagnostics.push(...(wanted.checkChanges?.(changes as KindChange<C>[], entries) ?? []));
  return {
    changes,
    diagnostics,
    pruneStats: extra?.pruneStats ?? listedStats(kind, entries),
    ...(extra?.ignored ? { ignored: extra.ignored } : {}),
  };
}

/** A kind without a prune pass manages the live objects its manifests list; it prunes none. */
function listedStats<C extends Canonical>(kind: ResourceKind<C>, entries: readonly LiveEntry<C>[]): PruneStats {
  let managedLive = 0;
  for (const entry of entries) if (entry.listed) managedLive += 1;
  return { counted: `live ${kind.wording.plural} the manifests list`, managedLive, pruned: 0 };
}

/** One canonical shape per live object, made here once: every comparison and fingerprint uses it. */
function liveEntries<C extends Canonical>(
  kind: ResourceKind<C>,
  raws: readonly ApiObject[],
  diagnostics: Diagnostic[],
): LiveEntry<C>[] {
  const entries: LiveEntry<C>[] = new Array<LiveEntry<C>>(raws.length);
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i] as ApiObject;
    const key = kind.keyOfLive(raw);
    entries[i] = { raw, id: idOf(raw['id']), key, canonical: kind.canonicalLive(raw), listed: false };
    if (!hasUsableId(raw)) diagnostics.push(unusableId(kind, key));
  }
  return entries;
}

/** Each desired object against the live one of its key: create, update, no-op or (absent) delete. */
function matchDesired<C extends Canonical>(
  kind: ResourceKind<C>,
  objects: readonly DesiredObject<C>[],
  entries: LiveEntry<C>[],
  diagnostics: Diagnostic[],
  live: LiveState,
): Change[] {
  const byKey = groupByKey(entries);
  const changes: Change[] = [];
  for (const object of objects) {
    const current = byKey.get(object.key);
    // Marked here rather than through a set of desired keys: one look-up per desired object.
    if (Array.isArray(current)) {
      for (const match of current) match.listed = true;
      diagnostics.push(duplicateLive(kind, object.key, current, object.location, live));
      continue;
    }
    if (current) current.listed = true;
    // Key order as plan format 1 wrote these changes (kind, key, declaredAt, action, ...).
    const { key, location: declaredAt } = object;
    if (object.absent) {
      if (current) changes.push({ kind: kind.name, key, declaredAt, ...deleted(current), reason: 'absent' });
      continue;
    }
    const after = object.after(current?.canonical);
    if (!current) {
      changes.push({ kind: kind.name, key, declaredAt, action: 'create', after });
      continue;
    }
    const before = current.canonical;
    changes.push(
      sameCanonical(before, after)
        ? new NoOp(kind.name, key, declaredAt, current.id, before)
        : {
            kind: kind.name,
            key,
            declaredAt,
            action: 'update',
            id: current.id,
            before,
            after,
            fieldChanges: fieldChanges(before, after),
            fingerprint: fingerprint(before),
          },
    );
  }
  return changes;
}

/**
 * A no-op's fingerprint is made when first read (a saved plan, a stale check), not here: a plan of a
 * converged tenant is almost all no-ops, and hashing each one's canonical JSON would be a large
 * share of planning it. A class, so every no-op shares one getter rather than carrying its own. toJSON writes the fields in the order
 * plan format 1 gives them, fingerprint included.
 */
class NoOp implements NoOpChange {
  readonly action = 'no-op';
  #fingerprint: string | undefined;

  constructor(
    readonly kind: string,
    readonly key: string,
    readonly declaredAt: SourceLocation,
    readonly id: string,
    readonly before: Canonical,
  ) {}

  get fingerprint(): string {
    return (this.#fingerprint ??= fingerprint(this.before));
  }

  toJSON(): NoOpChange {
    const { kind, key, declaredAt, action, id, before } = this;
    return { kind, key, declaredAt, action, id, before, fingerprint: this.fingerprint };
  }
}

function deleted<C extends Canonical>(entry: LiveEntry<C>) {
  return {
    action: 'delete',
    id: entry.id,
    before: entry.canonical,
    fingerprint: fingerprint(entry.canonical),
  } as const;
}

/** Extra changes have no manifest location: they come from what the manifests leave out. */
function extraChange<C extends Canonical>(kind: string, change: ExtraChange<C>): Change {
  const { entry } = change;
  // Key order as plan format 1 wrote these changes, so saved plans stay byte-identical.
  const base = {
    kind,
    key: entry.key,
    id: entry.id,
    before: entry.canonical,
    fingerprint: fingerprint(entry.canonical),
  };
  switch (change.action) {
    case 'delete':
      return { ...base, action: 'delete', reason: change.reason };
    case 'update':
      return {
        ...base,
        action: 'update',
        after: change.after,
        fieldChanges: fieldChanges(entry.canonical, change.after),
        reason: change.reason,
      };
    default:
      return assertNever(change);
  }
}

/** Live entries by key: one entry, or (only for keys the API holds more than once) all of them. */
function groupByKey<C extends Canonical>(entries: LiveEntry<C>[]): Map<string, LiveEntry<C> | LiveEntry<C>[]> {
  const byKey = new Map<string, LiveEntry<C> | LiveEntry<C>[]>();
  for (const entry of entries) {
    const same = byKey.get(entry.key);
    if (same === undefined) byKey.set(entry.key, entry);
    else if (Array.isArray(same)) same.push(entry);
    else byKey.set(entry.key, [same, entry]);
  }
  return byKey;
}

function duplicateLive<C extends Canonical>(
  kind: ResourceKind<C>,
  key: string,
  matches: LiveEntry<C>[],
  location: SourceLocation,
  live: LiveState,
): Diagnostic {
  const which = matches
    .map((m) => `id ${m.id}${kind.whereLive ? ` ${kind.whereLive(m.canonical, live)}` : ''}`)
    .join(', ');
  return {
    severity: 'error',
    code: `live-duplicate-${codeWord(kind.noun)}`,
    message: `${matches.length} live ${kind.wording.plural} are ${kind.wording.key(key)} (${which}); zpa-gitops will not guess which one is meant`,
    hint: `the tenant holds both, not the manifests: rename or delete the extra ${kind.wording.plural} in ZPA, then plan again`,
    location,
    origin: 'tenant',
  };
}

/** A live object without a usable id cannot be written to: planning refuses rather than guess. */
function unusableId<C extends Canonical>(kind: ResourceKind<C>, key: string): Diagnostic {
  return {
    severity: 'error',
    code: 'live-object-without-id',
    message: `the API returned ${kind.noun} "${key}" without a valid id; nothing is planned for it`,
    hint: 'read it in the ZPA console or API; this may be a transient API fault, so try again',
    origin: 'tenant',
  };
}
