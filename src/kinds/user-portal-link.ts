/**
 * User portal links. Identity is the name within the microtenant; a link may sit on several
 * portals. Creates are grouped by portal set into bulk POSTs; an update is a full-replace PUT
 * (shared/zpa-api/NOTES.md: "A PUT replaces the whole object").
 */
import type { ApiObject, Canonical, Change, Json, LiveState, Plan } from '../core/types.js';
import { stableJson } from '../planner/equality.js';
import type { PlannedWrite, ResourceKind } from './kind.js';
import { compareIds, optionalString, unescapeHtml } from './normalize.js';
import { canonicalLink } from './user-portal-link-canonical.js';
import { planLinks } from './user-portal-link-plan.js';

/** A portal holds at most 500 links, so no bulk call can usefully carry more. */
export const MAX_LINKS_PER_BULK_CALL = 500;

/** Fields the server owns: never sent back in a PUT, never compared. */
const SERVER_OWNED = ['creationTime', 'modifiedTime', 'modifiedBy'];

function portalRefs(ids: Json | undefined): { id: string }[] {
  return Array.isArray(ids) ? ids.map((id) => ({ id: String(id) })) : [];
}

/** The link fields of a create: empty optional strings left out, `enabled` always explicit. */
function createBody(after: Canonical): ApiObject {
  const body: ApiObject = {};
  for (const [field, value] of Object.entries(after)) {
    if (field === 'userPortals' || value === '') continue;
    body[field] = value;
  }
  return body;
}

/**
 * The body of a full-replace PUT: the live object (so unmanaged fields such as `applicationId`
 * survive), minus server-owned fields, plus every managed field, with `""` to clear a value.
 */
function updateBody(live: ApiObject | undefined, after: Canonical): ApiObject {
  const body: ApiObject = { ...(live ?? {}) };
  for (const field of SERVER_OWNED) delete body[field];
  for (const [field, value] of Object.entries(after)) body[field] = field === 'userPortals' ? portalRefs(value) : value;
  return body;
}

function removesPortals(change: Change): boolean {
  if (change.action !== 'update') return false;
  const kept = new Set(portalRefs(change.after['userPortals']).map((p) => p.id));
  return portalRefs(change.before['userPortals']).some((p) => !kept.has(p.id));
}

function writes(changes: Change[], liveById: ReadonlyMap<string, ApiObject>): PlannedWrite[] {
  const planned: PlannedWrite[] = [];
  const createGroups = new Map<string, Change[]>();
  for (const change of changes) {
    switch (change.action) {
      case 'create': {
        const portals = stableJson(change.after['userPortals'] ?? []);
        createGroups.set(portals, [...(createGroups.get(portals) ?? []), change]);
        break;
      }
      case 'update':
        planned.push({
          op: { call: 'updateUserPortalLink', id: change.id, body: updateBody(liveById.get(change.id), change.after) },
          changes: [change],
          destructive: removesPortals(change),
        });
        break;
      case 'delete':
        planned.push({ op: { call: 'deleteUserPortalLink', id: change.id }, changes: [change], destructive: true });
        break;
      case 'no-op':
        break;
    }
  }
  for (const group of createGroups.values()) planned.push(...createWrites(group));
  return planned;
}

/** One bulk POST per portal set (split past the per-call cap); a group of one uses the single POST. */
function createWrites(group: Change[]): PlannedWrite[] {
  const planned: PlannedWrite[] = [];
  for (let start = 0; start < group.length; start += MAX_LINKS_PER_BULK_CALL) {
    const chunk = group.slice(start, start + MAX_LINKS_PER_BULK_CALL);
    const first = chunk[0];
    if (first?.action !== 'create') continue;
    const portalIds = portalRefs(first.after['userPortals']).map((p) => p.id);
    const links = chunk.map((change) => (change.action === 'create' ? createBody(change.after) : {}));
    const op =
      chunk.length === 1 && links[0]
        ? ({ call: 'createUserPortalLink', link: links[0], portalIds } as const)
        : ({ call: 'bulkCreateUserPortalLinks', links, portalIds } as const);
    planned.push({ op, changes: chunk, destructive: false });
  }
  return planned;
}

/** Grouped by every portal the change touches: a detach shows under the portal it leaves. */
function groupOf(change: Change, names: Plan['names']): string {
  const sides =
    change.action === 'create'
      ? [change.after]
      : change.action === 'update'
        ? [change.before, change.after]
        : [change.before];
  const ids = new Set(sides.flatMap((side) => portalRefs(side['userPortals']).map((p) => p.id)));
  const labels = [...ids]
    .sort(compareIds)
    .map((id) => names.userPortals[id] ?? id)
    .sort();
  return labels.length ? `User portal ${labels.join(', ')}` : 'User portal links on no portal';
}

export const userPortalLinkKind: ResourceKind = {
  name: 'userPortalLink',
  collection: 'userPortalLinks',
  noun: 'link',
  liveObjects: (live: LiveState) => live.userPortalLinks,
  keyOfLive: (live) => unescapeHtml(optionalString(live['name'])),
  canonicalLive: canonicalLink,
  plan: planLinks,
  writes,
  groupOf,
  references: { userPortals: 'userPortals' },
};
