/**
 * User portal links. Identity is the name within the microtenant; a link may sit on several
 * portals. Portals the manifests do not manage are preserved in a link's portal set; pruning
 * detaches a link from a managed portal, or deletes it when that was its last portal. Its writes
 * are in user-portal-link-writes.ts.
 */
import type { DesiredObject, ExtraChange, KindChange, LiveEntry, ResourceKind } from '../core/kind.js';
import type { ApiObject, DesiredLink, DesiredPortal, Diagnostic, LiveState, Plan } from '../core/types.js';
import {
  compareIds,
  enabledFlag,
  idOf,
  idSet,
  normalizeDataUri,
  optionalString,
  unescapeHtml,
} from '../canonical/normalize.js';
import { displayName } from '../canonical/planned-refs.js';
import { knownLinkAddresses, LINK_ADDRESS_TYPES, linkAddressesOf } from './link-addresses.js';
import { keepIgnoredFields, portalIgnores, type PortalIgnores } from './link-co-management.js';
import { checkPortalCapacity, type DeclaredPortal } from './user-portal-link-capacity.js';
import { writeLinks } from './user-portal-link-writes.js';
import { PORTAL_READS } from './user-portal.js';

export type LinkCanonical = {
  name: string;
  link: string;
  protocol: string;
  linkPath: string;
  description: string;
  enabled: boolean;
  iconText: string;
  logoFileName: string;
  /** Portal ids, as a sorted set. */
  userPortals: string[];
};

type LinkChange = KindChange<LinkCanonical>;

function livePortalIds(live: ApiObject): string[] {
  const portals = live['userPortals'];
  const ids: string[] = [];
  if (!Array.isArray(portals)) return ids;
  for (const portal of portals as unknown[]) {
    const id = idOf((portal as ApiObject | null)?.['id']);
    if (id) ids.push(id);
  }
  return ids;
}

/**
 * A live link as the run keeps it: every field (a PUT sends them back), but of the portals it
 * embeds whole only their ids, all that anything reads of them (its portal set, a PUT's refs).
 */
function keepPortalIds(live: ApiObject): ApiObject {
  const portals = live['userPortals'];
  if (Array.isArray(portals))
    live['userPortals'] = (portals as unknown[]).map((portal) =>
      typeof portal === 'object' && portal !== null && 'id' in portal ? { id: (portal as ApiObject)['id'] } : portal,
    );
  return live;
}

function canonicalLink(live: ApiObject): LinkCanonical {
  return {
    name: unescapeHtml(optionalString(live['name'])),
    link: optionalString(live['link']),
    protocol: optionalString(live['protocol']),
    linkPath: optionalString(live['linkPath']),
    description: unescapeHtml(optionalString(live['description'])),
    enabled: enabledFlag(live['enabled']),
    iconText: normalizeDataUri(live['iconText']),
    logoFileName: optionalString(live['logoFileName']),
    userPortals: idSet(livePortalIds(live)),
  };
}

// --- Planning: the desired links, and the prune and detach pass over the links not listed.

const desiredObjects: ResourceKind<LinkCanonical>['desiredObjects'] = (desired, lookUp) => {
  const diagnostics: Diagnostic[] = [];
  const portalIdByName = new Map<string, string>();
  const declared = new Map<string, DeclaredPortal>();
  const managed = new Set<string>();
  const pruned = new Set<string>();
  const found: { portal: DesiredPortal; id: string }[] = [];
  for (const portal of desired.portals) {
    // A portal this plan creates resolves too (its id a planned reference, known after apply).
    const result = lookUp('user portal', { name: portal.name }, 'userPortals', portal.location);
    if ('problem' in result) {
      // A portal declared absent that does not exist is already as wanted: nothing sits on it.
      if (!portal.absent) diagnostics.push(result.problem);
      continue;
    }
    portalIdByName.set(portal.name, result.found.id);
    declared.set(result.found.id, { name: portal.name, location: portal.location });
    managed.add(result.found.id);
    found.push({ portal, id: result.found.id });
    // A retired portal lists no links: every link comes off it (and is deleted where it was the last).
    if (portal.prune || portal.absent) pruned.add(result.found.id);
  }
  // Most links sit on one portal: they share that portal's one-id list (never written to).
  const onlyOn = new Map<string, string[]>();
  for (const [name, id] of portalIdByName) onlyOn.set(name, [id]);
  const idsOf = (names: readonly string[]): readonly string[] =>
    names.length === 1 ? (onlyOn.get(names[0] ?? '') ?? []) : names.flatMap((name) => portalIdByName.get(name) ?? []);
  const objects: DesiredObject<LinkCanonical>[] = desired.links.map(
    (link) => new WantedLink(link, idsOf(link.portals), pruned),
  );
  const ignores = portalIgnores(found);
  return {
    objects,
    diagnostics,
    extraChanges: (live) => prunePass(live, managed, pruned, ignores),
    checkChanges: (changes, live) => checkPortalCapacity(changes, live, declared),
  };
};

/**
 * One desired link for the planner. A class rather than an object with a closure: one object per
 * link instead of three (object, closure, captured scope).
 */
class WantedLink {
  readonly key: string;
  readonly location: DesiredLink['location'];

  constructor(
    private readonly link: DesiredLink,
    private readonly portalIds: readonly string[],
    private readonly pruned: ReadonlySet<string>,
  ) {
    this.key = link.name;
    this.location = link.location;
  }

  after(live: LinkCanonical | undefined): LinkCanonical {
    const { link } = this;
    return keepIgnoredFields(wantedLink(link, this.portalIds, live, this.pruned), live, link.ignoreChanges);
  }
}

/**
 * The link as the manifests want it. Its portal set is the portals that list it, plus the live
 * portals it sits on that are not pruned (unmanaged portals, or managed with `prune: false`).
 * `protocol` left out of a manifest keeps the live value: ZPA sets it itself for Browser Access
 * applications, so treating it as "empty" would show drift forever.
 */
function wantedLink(
  link: DesiredLink,
  portalIds: readonly string[],
  live: LinkCanonical | undefined,
  pruned: ReadonlySet<string>,
): LinkCanonical {
  const { fields } = link;
  const iconText = fields.icon ? normalizeDataUri(fields.icon.dataUri) : '';
  return {
    name: link.name,
    link: fields.link,
    protocol: fields.protocol ?? live?.protocol ?? '',
    linkPath: fields.linkPath ?? '',
    description: fields.description ?? '',
    enabled: fields.enabled ?? true,
    iconText,
    logoFileName: iconFileName(fields.icon?.fileName, iconText, live),
    userPortals: portalSet(portalIds, live, pruned),
  };
}

/**
 * Icons compare by content: the file name goes with the image, so an image the link already shows
 * keeps the name ZPA holds for it (none, say, or one an export had to change to write it).
 */
function iconFileName(fileName: string | undefined, iconText: string, live: LinkCanonical | undefined): string {
  if (fileName === undefined) return '';
  return live !== undefined && live.iconText === iconText ? live.logoFileName : fileName;
}

function portalSet(portalIds: readonly string[], live: LinkCanonical | undefined, pruned: ReadonlySet<string>) {
  // The live portals already listed are left out before idSet, which makes a Set only when ids repeat.
  let kept: string[] | undefined;
  if (live) for (const id of live.userPortals) if (!pruned.has(id) && !portalIds.includes(id)) (kept ??= []).push(id);
  return idSet(kept ? [...portalIds, ...kept] : portalIds);
}

/**
 * Live links the manifests do not list: only the portals they prune are taken from them, and not
 * a portal whose `ignore` matches the link's name (it is left alone there, and not counted).
 */
function prunePass(
  live: readonly LiveEntry<LinkCanonical>[],
  managed: ReadonlySet<string>,
  pruned: ReadonlySet<string>,
  ignores: PortalIgnores,
) {
  const changes: ExtraChange<LinkCanonical>[] = [];
  const ignoredOn = new Map<string, number>();
  // Without any `ignore` pattern nothing is ignored anywhere: no list per live link to find that.
  const anyIgnore = ignores.scopes.length > 0;
  const none: readonly string[] = [];
  let managedLive = 0;
  for (const entry of live) {
    const portals = entry.canonical.userPortals;
    const ignoredHere = anyIgnore ? portals.filter((id) => ignores.test(id, entry.key)) : none;
    for (const id of ignoredHere) ignoredOn.set(id, (ignoredOn.get(id) ?? 0) + 1);
    if (portals.some((id) => managed.has(id) && !ignoredHere.includes(id))) managedLive += 1;
    if (entry.listed) continue;
    const kept = portals.filter((id) => !pruned.has(id) || ignoredHere.includes(id));
    if (kept.length === portals.length) continue;
    changes.push(
      kept.length === 0
        ? { entry, action: 'delete', reason: 'prune' }
        : { entry, action: 'update', after: { ...entry.canonical, userPortals: kept }, reason: 'detach' },
    );
  }
  const ignored = ignores.scopes.map(({ portalId, scope }) => ({ scope, count: ignoredOn.get(portalId) ?? 0 }));
  return {
    changes,
    pruneStats: { counted: 'live links on managed portals', managedLive, pruned: changes.length },
    ...(ignored.length > 0 ? { ignored } : {}),
  };
}

// --- Rendering.

/** Grouped by every portal the change touches: a detach shows under the portal it leaves. */
function groupOf(change: LinkChange, names: Plan['names']): string {
  const sides =
    change.action === 'create'
      ? [change.after]
      : change.action === 'update'
        ? [change.before, change.after]
        : [change.before];
  const ids = new Set(sides.flatMap((side) => side.userPortals));
  const labels = [...ids]
    .sort(compareIds)
    .map((id) => displayName(id, names['userPortals']))
    .sort();
  return labels.length ? `User portal ${labels.join(', ')}` : 'User portal links on no portal';
}

/** The portals a live link sits on, by name: what tells two live links of one name apart. */
function whereLink(link: LinkCanonical, live: LiveState): string {
  const names = new Map(
    (live['userPortals'] ?? []).map((p) => [idOf(p['id']), unescapeHtml(optionalString(p['name']))]),
  );
  const portals = link.userPortals.map((id) => `"${names.get(id) ?? id}"`);
  if (portals.length === 0) return 'on no portal';
  return `on portal${portals.length === 1 ? '' : 's'} ${portals.join(', ')}`;
}

export const userPortalLinkKind: ResourceKind<LinkCanonical> = {
  name: 'userPortalLink',
  // Its portals: a link may sit on a portal the same plan creates, and comes off one it deletes.
  dependsOn: ['userPortal'],
  noun: 'link',
  wording: {
    plural: 'links',
    key: (key) => `named "${key}"`,
    reasons: {
      absent: 'declared absent',
      prune: 'no longer listed on any portal it sat on',
      detach: 'taken off pruned portals',
    },
  },
  collection: 'userPortalLinks',
  reads: {
    userPortalLinks: {
      path: '/userPortalLink',
      paged: true,
      scoped: true,
      item: 'userPortalLinkRead',
      byId: true,
      compact: keepPortalIds,
    },
    userPortals: PORTAL_READS.userPortals,
  },
  collectionsFor: (desired) => (desired.portals.length > 0 ? ['userPortalLinks', 'userPortals'] : []),
  desiredObjects,
  keyOfLive: (live) => unescapeHtml(optionalString(live['name'])),
  canonicalLive: canonicalLink,
  whereLive: whereLink,
  writes: writeLinks,
  groupOf,
  references: { userPortals: 'userPortals' },
  nameTables: { userPortals: 'userPortals' },
  keptReferences: { userPortals: livePortalIds },
  addressTypes: LINK_ADDRESS_TYPES,
  addressesOf: linkAddressesOf,
  knownAddresses: knownLinkAddresses,
};
