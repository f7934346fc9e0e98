/**
 * The kinds a run knows, as one immutable value: the built-in ones (src/kinds/built-in.ts) and any a
 * library user adds. Plan, live reads, apply, the stale check, render, doctor and export all take
 * it, so every layer of one run sees the same kinds, and nothing global can change under a run.
 */
import type { AddressType, ReadCall, ResourceKind } from './kind.js';

export interface KindSet {
  /** In plan order: each kind after the kinds it depends on. */
  readonly kinds: readonly ResourceKind[];
  /** The kind of this name; throws for a name no kind has. */
  kind(name: string): ResourceKind;
  has(name: string): boolean;
  /**
   * How many kinds deep the kind's dependencies go: 0 for a kind that depends on none. The applier
   * writes creates and updates by rising depth and deletes and detaches by falling depth.
   */
  depthOf(name: string): number;
  /** The kind whose own collection this is, if any. */
  owner(collection: string): ResourceKind | undefined;
  /** The read of a collection: its owner's (the kind whose `collection` it is), else the first kind's that reads it. */
  readCall(collection: string): ReadCall;
  /** Every address type the kinds take, by name. */
  readonly addressTypes: ReadonlyMap<string, AddressType>;
}

/**
 * Builds a set of kinds; throws when two kinds share a name, a collection or an address type, or
 * when a kind depends on a kind the set does not hold (or on itself, through others).
 */
export function buildKindSet(kinds: readonly ResourceKind[]): KindSet {
  const byName = new Map<string, ResourceKind>();
  const owners = new Map<string, ResourceKind>();
  const addressTypes = new Map<string, AddressType>();
  const claimedBy = new Map<string, string>();
  for (const kind of kinds) {
    if (byName.has(kind.name)) throw new Error(`two kinds are named ${kind.name}`);
    byName.set(kind.name, kind);
    const owner = owners.get(kind.collection);
    if (owner) throw new Error(`kinds ${owner.name} and ${kind.name} both claim the collection ${kind.collection}`);
    owners.set(kind.collection, kind);
    for (const [type, address] of Object.entries(kind.addressTypes ?? {})) {
      const other = claimedBy.get(type);
      if (other) throw new Error(`kinds ${other} and ${kind.name} both claim the address type ${type}`);
      claimedBy.set(type, kind.name);
      addressTypes.set(type, address);
    }
  }
  const ordered = inDependencyOrder(kinds, byName);
  const depths = new Map<string, number>();
  // In dependency order, every kind's dependencies have their depth before it.
  for (const kind of ordered)
    depths.set(kind.name, Math.max(-1, ...(kind.dependsOn ?? []).map((name) => depths.get(name) ?? 0)) + 1);
  return Object.freeze({
    kinds: Object.freeze(ordered),
    kind(name: string): ResourceKind {
      const kind = byName.get(name);
      if (!kind) throw new Error(`unknown kind ${name}`);
      return kind;
    },
    has: (name: string) => byName.has(name),
    owner: (collection: string) => owners.get(collection),
    depthOf: (name: string) => depths.get(name) ?? 0,
    readCall(collection: string): ReadCall {
      const call =
        owners.get(collection)?.reads[collection] ?? ordered.find((k) => k.reads[collection])?.reads[collection];
      if (!call) throw new Error(`no kind reads the collection ${collection}`);
      return call;
    },
    addressTypes,
  });
}

/** The kinds in their given order, except that each comes after every kind it depends on. */
function inDependencyOrder(kinds: readonly ResourceKind[], byName: ReadonlyMap<string, ResourceKind>): ResourceKind[] {
  const ordered: ResourceKind[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (kind: ResourceKind, path: readonly string[]): void => {
    const seen = state.get(kind.name);
    if (seen === 'done') return;
    if (seen === 'visiting')
      throw new Error(`kinds depend on each other in a cycle: ${[...path, kind.name].join(' -> ')}`);
    state.set(kind.name, 'visiting');
    for (const name of kind.dependsOn ?? []) {
      const dependency = byName.get(name);
      if (!dependency) throw new Error(`kind ${kind.name} depends on ${name}, which is not in the set`);
      visit(dependency, [...path, kind.name]);
    }
    state.set(kind.name, 'done');
    ordered.push(kind);
  };
  for (const kind of kinds) visit(kind, []);
  return ordered;
}
