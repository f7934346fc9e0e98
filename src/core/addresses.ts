/**
 * Addresses (`portal:Ops`, `link:Grafana`, `client-settings`): a type, and a name after the first
 * colon. The planner keeps the changes inside some; renderers and the CLI read them back.
 */
import type { ResourceKind } from './kind.js';
import type { Change, Plan } from './types.js';

/**
 * The addresses a kept change alters outside the targets, of the types the targets name: a
 * shared link changed for `portal:Ops` that also shows on Eng gives `portal:Eng`.
 */
export function addressesOutside(
  kind: ResourceKind,
  change: Change,
  names: Plan['names'],
  targets: readonly string[],
): string[] {
  const targetTypes = new Set(targets.map(typeOf));
  const wanted = new Set(targets);
  return (kind.addressesOf?.(change, names) ?? []).filter((a) => targetTypes.has(typeOf(a)) && !wanted.has(a));
}

export function typeOf(address: string): string {
  const colon = address.indexOf(':');
  return colon < 0 ? address : address.slice(0, colon);
}

export function nameOf(address: string): string {
  const colon = address.indexOf(':');
  return colon < 0 ? '' : address.slice(colon + 1);
}
