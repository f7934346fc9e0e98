/**
 * `--target` addresses of link changes. A change is inside `link:NAME` for its own name, and inside
 * `portal:NAME` for each portal it alters: every portal the link sits on when its fields change (the
 * link is one object, shown on all of them), else only the portals it joins or leaves.
 */
import type { Change, DesiredState, LiveState, Plan } from '../core/types.js';
import { optionalString, unescapeHtml } from '../canonical/normalize.js';
import { displayName } from '../canonical/planned-refs.js';
import type { LinkCanonical } from './user-portal-link.js';

/** `portal:NAME` is the portal kind's type; a link change is inside the portals it alters too. */
export const LINK_ADDRESS_TYPES = { link: { plural: 'links' } };

export function linkAddressesOf(change: Change<LinkCanonical>, names: Plan['names']): string[] {
  const portalIds = alteredPortals(change);
  const portalNames = [...new Set(portalIds.map((id) => displayName(id, names['userPortals'])))].sort();
  return [`link:${change.key}`, ...portalNames.map((name) => `portal:${name}`)];
}

function alteredPortals(change: Change<LinkCanonical>): string[] {
  switch (change.action) {
    case 'create':
      return change.after.userPortals;
    case 'delete':
    case 'no-op':
      return change.before.userPortals;
    case 'update': {
      const before = new Set(change.before.userPortals);
      const after = new Set(change.after.userPortals);
      if (change.fieldChanges.some((fc) => fc.field !== 'userPortals')) return [...new Set([...before, ...after])];
      return [...before, ...after].filter((id) => before.has(id) !== after.has(id));
    }
  }
}

export function knownLinkAddresses(desired: DesiredState, live: LiveState): string[] {
  const liveNames = (collection: string) =>
    (live[collection] ?? []).map((o) => unescapeHtml(optionalString(o['name'])));
  return [
    ...desired.portals.map((p) => `portal:${p.name}`),
    ...liveNames('userPortals').map((name) => `portal:${name}`),
    ...desired.links.map((l) => `link:${l.name}`),
    ...liveNames('userPortalLinks').map((name) => `link:${name}`),
  ];
}
