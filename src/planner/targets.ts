/**
 * `--target`: plan only the changes inside some addresses (`portal:Ops`, `link:Grafana`,
 * `client-setting:ZAPP_CLIENT`, `client-settings`). Everything is still read and validated; the
 * changes are cut afterwards, so a target never changes what a change is, only which ones are kept.
 * A kind says which addresses a change is inside; the planner never parses a kind's address.
 */
import { TargetError } from '../core/errors.js';
import type { AddressType } from '../core/kind.js';
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
      throw new TargetError(address, {
        problem: 'not-an-address',
        ...(suggestion ? { suggestion: `${suggestion}${types.get(suggestion)?.bare ? '' : ':NAME'}` } : {}),
        usage: usage(types),
      });
    }
    if (known.bare && name !== undefined) throw new TargetError(address, { problem: 'takes-no-name', type });
    if (!known.bare && (name === undefined || name.trim() === ''))
      throw new TargetError(address, { problem: 'needs-a-name', type });
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
    throw new TargetError(target, { problem: 'matches-nothing', ...(suggestion ? { suggestion } : {}) });
  }
  const wanted = new Set(targets);
  return changes.filter((change) =>
    (set.kind(change.kind).addressesOf?.(change, names) ?? []).some((a) => wanted.has(a)),
  );
}
