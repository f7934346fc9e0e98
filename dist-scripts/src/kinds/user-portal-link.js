import { stableJson } from '../planner/equality.js';
import { compareIds, optionalString, unescapeHtml } from './normalize.js';
import { canonicalLink } from './user-portal-link-canonical.js';
import { planLinks } from './user-portal-link-plan.js';
/** A portal holds at most 500 links, so no bulk call can usefully carry more. */
export const MAX_LINKS_PER_BULK_CALL = 500;
/** Fields the server owns: never sent back in a PUT, never compared. */
const SERVER_OWNED = ['creationTime', 'modifiedTime', 'modifiedBy'];
function portalRefs(ids) {
    return Array.isArray(ids) ? ids.map((id) => ({ id: String(id) })) : [];
}
/** The link fields of a create: empty optional strings left out, `enabled` always explicit. */
function createBody(after) {
    const body = {};
    for (const [field, value] of Object.entries(after)) {
        if (field === 'userPortals' || value === '')
            continue;
        body[field] = value;
    }
    return body;
}
/**
 * The body of a full-replace PUT: the live object (so unmanaged fields such as `applicationId`
 * survive), minus server-owned fields, plus every managed field, with `""` to clear a value.
 */
function updateBody(live, after) {
    const body = { ...(live ?? {}) };
    for (const field of SERVER_OWNED)
        delete body[field];
    for (const [field, value] of Object.entries(after))
        body[field] = field === 'userPortals' ? portalRefs(value) : value;
    return body;
}
function removesPortals(change) {
    if (change.action !== 'update')
        return false;
    const kept = new Set(portalRefs(change.after['userPortals']).map((p) => p.id));
    return portalRefs(change.before['userPortals']).some((p) => !kept.has(p.id));
}
function writes(changes, liveById) {
    const planned = [];
    const createGroups = new Map();
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
    for (const group of createGroups.values())
        planned.push(...createWrites(group));
    return planned;
}
/** One bulk POST per portal set (split past the per-call cap); a group of one uses the single POST. */
function createWrites(group) {
    const planned = [];
    for (let start = 0; start < group.length; start += MAX_LINKS_PER_BULK_CALL) {
        const chunk = group.slice(start, start + MAX_LINKS_PER_BULK_CALL);
        const first = chunk[0];
        if (first?.action !== 'create')
            continue;
        const portalIds = portalRefs(first.after['userPortals']).map((p) => p.id);
        const links = chunk.map((change) => (change.action === 'create' ? createBody(change.after) : {}));
        const op = chunk.length === 1 && links[0]
            ? { call: 'createUserPortalLink', link: links[0], portalIds }
            : { call: 'bulkCreateUserPortalLinks', links, portalIds };
        planned.push({ op, changes: chunk, destructive: false });
    }
    return planned;
}
/** Grouped by every portal the change touches: a detach shows under the portal it leaves. */
function groupOf(change, names) {
    const sides = change.action === 'create'
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
export const userPortalLinkKind = {
    name: 'userPortalLink',
    collection: 'userPortalLinks',
    noun: 'link',
    liveObjects: (live) => live.userPortalLinks,
    keyOfLive: (live) => unescapeHtml(optionalString(live['name'])),
    canonicalLive: canonicalLink,
    plan: planLinks,
    writes,
    groupOf,
    references: { userPortals: 'userPortals' },
};
