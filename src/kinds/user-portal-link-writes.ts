/**
 * The writes of user portal links, as data: creates grouped by portal set into bulk POSTs, an
 * update as a full-replace PUT (shared/zpa-api/NOTES.md: "A PUT replaces the whole object"), a
 * delete by id. `microtenantId` is a query parameter on every call (NOTES.md).
 */
import type { KindChange, PlannedWrite, ResourceKind } from '../core/kind.js';
import type { ApiObject, CreateChange } from '../core/types.js';
import { assertNever } from '../core/assert-never.js';
import { stableJson } from '../canonical/equality.js';
import { idRefs } from '../canonical/refs.js';
import type { LinkCanonical } from './user-portal-link.js';

type LinkChange = KindChange<LinkCanonical>;

/** A portal holds at most 500 links, so no bulk call can usefully carry more. */
const MAX_LINKS_PER_BULK_CALL = 500;

/**
 * NOTES.md, "Still unknown": the largest request body the API accepts is not published; keep bulk
 * bodies to a few MB. 500 links with 256 KiB icons would be about 170 MB in one call.
 */
export const MAX_BULK_BODY_BYTES = 4 * 1024 * 1024;

/** Fields the server owns: never sent back in a PUT, never compared. */
const SERVER_OWNED = ['creationTime', 'modifiedTime', 'modifiedBy'];

/** The link fields of a create: empty optional strings left out, `enabled` always explicit. */
function createBody(after: LinkCanonical): ApiObject {
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
function updateBody(live: ApiObject | undefined, after: LinkCanonical): ApiObject {
  const body: ApiObject = { ...(live ?? {}), ...after, userPortals: idRefs(after.userPortals) };
  for (const field of SERVER_OWNED) delete body[field];
  return body;
}

function removesPortals(change: LinkChange): boolean {
  if (change.action !== 'update') return false;
  const kept = new Set(change.after.userPortals);
  return change.before.userPortals.some((id) => !kept.has(id));
}

const linkPath = (id: string) => `/userPortalLink/${encodeURIComponent(id)}`;

export const writeLinks: ResourceKind<LinkCanonical>['writes'] = (changes, liveById) => {
  const planned: PlannedWrite[] = [];
  const createGroups = new Map<string, CreateChange<LinkCanonical>[]>();
  for (const change of changes) {
    switch (change.action) {
      case 'create': {
        const portals = stableJson(change.after.userPortals);
        createGroups.set(portals, [...(createGroups.get(portals) ?? []), change]);
        break;
      }
      case 'update': {
        const body = updateBody(liveById.get(change.id), change.after);
        planned.push({
          call: { method: 'PUT', path: linkPath(change.id), body, scoped: true, reply: { expect: 'nothing' } },
          changes: [change],
          destructive: removesPortals(change),
        });
        break;
      }
      case 'delete':
        planned.push({
          call: { method: 'DELETE', path: linkPath(change.id), scoped: true, reply: { expect: 'nothing' } },
          changes: [change],
          destructive: true,
        });
        break;
      case 'no-op':
        break;
      default:
        assertNever(change);
    }
  }
  for (const group of createGroups.values()) planned.push(...createWrites(group));
  return planned;
};

/**
 * One bulk POST per portal set (split past the per-call cap); a group of one uses the single POST.
 * NOTES.md: a failed bulk call may have been applied in part, so the applier re-reads after one.
 */
function createWrites(group: CreateChange<LinkCanonical>[]): PlannedWrite[] {
  const planned: PlannedWrite[] = [];
  for (const { chunk, links } of chunksOf(group)) {
    const userPortals = idRefs(chunk[0]?.after.userPortals ?? []);
    const [only] = links;
    const call: PlannedWrite['call'] =
      links.length === 1 && only
        ? {
            method: 'POST',
            path: '/userPortalLink',
            body: { ...only, userPortals },
            scoped: true,
            reply: { expect: 'object', item: 'userPortalLink' },
          }
        : {
            method: 'POST',
            path: '/userPortalLink/bulk',
            body: { userPortalLinks: links, userPortals },
            scoped: true,
            // No version: the client negotiates it for this route (v2, then v1; zpa/route-versions.ts).
            // The page's reply is `{userPortalLinks: [...], userPortals: [...]}`; a bare array is accepted too.
            reply: { expect: 'objects', field: 'userPortalLinks', item: 'userPortalLink' },
          };
    planned.push({ call, changes: chunk, destructive: false });
  }
  return planned;
}

/**
 * Consecutive creates cut into bulk calls of at most MAX_LINKS_PER_BULK_CALL links and about
 * MAX_BULK_BODY_BYTES of links (the portal list adds a few bytes); a link larger than that alone
 * goes in a call of its own.
 */
function chunksOf(
  group: CreateChange<LinkCanonical>[],
): { chunk: CreateChange<LinkCanonical>[]; links: ApiObject[] }[] {
  const chunks: { chunk: CreateChange<LinkCanonical>[]; links: ApiObject[] }[] = [];
  let current: { chunk: CreateChange<LinkCanonical>[]; links: ApiObject[] } = { chunk: [], links: [] };
  let bytes = 0;
  for (const change of group) {
    const link = createBody(change.after);
    // The UTF-8 length of the link's JSON, as it goes out, and its comma.
    const size = Buffer.byteLength(JSON.stringify(link)) + 1;
    const full = current.chunk.length >= MAX_LINKS_PER_BULK_CALL || bytes + size > MAX_BULK_BODY_BYTES;
    if (current.chunk.length > 0 && full) {
      chunks.push(current);
      current = { chunk: [], links: [] };
      bytes = 0;
    }
    current.chunk.push(change);
    current.links.push(link);
    bytes += size;
  }
  if (current.chunk.length > 0) chunks.push(current);
  return chunks;
}
