/**
 * Addresses (`portal:Ops`, `link:Grafana`, `client-settings`): a type, and a name after the first
 * colon. The planner keeps the changes inside some; renderers and the CLI read them back.
 */
import type { ResourceKind } from './kind.js';
import type { Change, Plan } from './types.js';

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
