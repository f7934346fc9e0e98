/**
 * `--target`: plan only the changes inside some addresses (`portal:Ops`, `link:Grafana`,
 * `client-setting:ZAPP_CLIENT`, `client-settings`). Everything is still read and validated; the
 * changes are cut afterwards, so a target never changes what a change is, only which ones are kept.
 * A kind says which addresses a change is inside; the planner never parses a kind's address.
 */
import { UsageError } from '../core/errors.js';
import type { AddressType, ResourceKind } from '../core/kind.js';
import type { KindSet } from '../core/kind-set.js';
import type { Change, DesiredState, LiveState, Plan } from '../core/types.js';
import { closest } from '../core/closest.js';

/** Checks the form of each address; sorted and without repeats, as the plan records them. */
export function parseTargets(raw: readonly string[], kinds: KindSet): string[] {
  const types = kinds.addressTypes;
  for (const address of raw) {
    const colon = address.indexOf(':');
    const type = colon < 0 ? address : address.slice(0, colon);
    const name = colon < 0 ? undefined : address.slice(colon + 1);
    const known = types.get(type);
    if (!known) {
      const suggestion = closest(type, [...types.keys()]);
      throw new UsageError(
        `--target ${JSON.stringify(address)} is not an address: ${suggestion ? `did you mean ${suggestion}${types.get(suggestion)?.bare ? '' : ':NAME'}? ` : ''}use ${usage(types)}`,
      );
    }
    if (known.bare && name !== undefined)
      throw new UsageError(`--target ${type} takes no name, got ${JSON.stringify(address)}`);
    if (!known.bare && (name === undefined || name.trim() === ''))
      throw new UsageError(`--target ${type} needs a name: --target ${type}:NAME`);
  }
  return [...new Set(raw)].sort();
}

function usage(types: ReadonlyMap<string, AddressType>): string {
  return [...types].map(([type, t]) => (t.bare ? type : `${type}:NAME`)).join(', ');
}

/**
 * The changes inside the targets. A target that matches nothing the manifests or the live state
 * know is an error with the nearest address, not an empty plan.
 */
export function keepTargeted(
  set: KindSet,
  changes: readonly Change[],
  context: { targets: readonly string[]; desired: DesiredState; live: LiveState; names: Plan['names'] },
): Change[] {
  const { targets, desired, live, names } = context;
  const known = new Set(set.kinds.flatMap((kind) => kind.knownAddresses?.(desired, live) ?? []));
  for (const target of targets) {
    if (known.has(target)) continue;
    const suggestion = closest(target, [...known]);
    throw new UsageError(
      `--target ${target} matches nothing in the manifests or the tenant${suggestion ? `; did you mean ${suggestion}?` : ''}`,
    );
  }
  const wanted = new Set(targets);
  return changes.filter((change) =>
    (set.kind(change.kind).addressesOf?.(change, names) ?? []).some((a) => wanted.has(a)),
  );
}

/**
 * The addresses a kept change alters outside the targets, of the types of the targets that kept
 * it: a shared link changed for `portal:Ops` that also shows on Eng gives `portal:Eng`. A link kept
 * for `link:CRM` alone gives nothing, whatever portals it is on: the whole link was asked for, and
 * a change is never "also on" its own address.
 */
export function addressesOutside(
  kind: ResourceKind,
  change: Change,
  names: Plan['names'],
  targets: readonly string[],
): string[] {
  const wanted = new Set(targets);
  const addresses = kind.addressesOf?.(change, names) ?? [];
  const keptBy = new Set(addresses.filter((a) => wanted.has(a)).map(typeOf));
  return addresses.filter((a) => keptBy.has(typeOf(a)) && !wanted.has(a));
}

export function typeOf(address: string): string {
  const colon = address.indexOf(':');
  return colon < 0 ? address : address.slice(0, colon);
}

export function nameOf(address: string): string {
  const colon = address.indexOf(':');
  return colon < 0 ? '' : address.slice(colon + 1);
}
