import { fieldChanges } from '../planner/field-changes.js';
import { fingerprint, sameCanonical } from '../planner/equality.js';
import { hasUsableId, idOf, idSet, normalizeDataUri, unusableIdDiagnostic } from './normalize.js';
import { canonicalLink } from './user-portal-link-canonical.js';
export function planLinks(desired, live) {
    const managed = new Set(desired.portals.map((p) => p.id));
    const pruned = new Set(desired.portals.filter((p) => p.prune).map((p) => p.id));
    const diagnostics = [];
    const liveLinks = live.userPortalLinks.map((raw) => ({ raw, canonical: canonicalLink(raw) }));
    for (const { raw, canonical } of liveLinks)
        if (!hasUsableId(raw))
            diagnostics.push(unusableIdDiagnostic('link', String(canonical['name'])));
    const liveByName = groupByName(liveLinks);
    const changes = [];
    for (const link of desired.links) {
        const matches = liveByName.get(link.name) ?? [];
        liveByName.delete(link.name);
        const [current, ...others] = matches;
        if (others.length > 0) {
            diagnostics.push(duplicateLive(link, matches.map((m) => m.raw)));
            continue;
        }
        const base = { kind: 'userPortalLink', key: link.name, declaredAt: link.location };
        if (!current) {
            changes.push({ ...base, action: 'create', after: desiredCanonical(link, undefined, pruned) });
            continue;
        }
        const before = current.canonical;
        const after = desiredCanonical(link, before, pruned);
        const id = idOf(current.raw['id']);
        const print = fingerprint(before);
        changes.push(sameCanonical(before, after)
            ? { ...base, action: 'no-op', id, before, fingerprint: print }
            : {
                ...base,
                action: 'update',
                id,
                before,
                after,
                fieldChanges: fieldChanges(before, after),
                fingerprint: print,
            });
    }
    // Live links the manifests do not list: only the portals they prune are taken from them.
    let managedLive = 0;
    let prunedCount = 0;
    for (const { raw, canonical: before } of liveLinks) {
        const portals = before['userPortals'];
        if (portals.some((id) => managed.has(id)))
            managedLive += 1;
        if (!liveByName.has(before['name']))
            continue;
        const kept = portals.filter((id) => !pruned.has(id));
        if (kept.length === portals.length)
            continue;
        prunedCount += 1;
        const base = {
            kind: 'userPortalLink',
            key: before['name'],
            id: idOf(raw['id']),
            before,
            fingerprint: fingerprint(before),
        };
        if (kept.length === 0) {
            changes.push({ ...base, action: 'delete', reason: 'prune' });
        }
        else {
            const after = { ...before, userPortals: kept };
            changes.push({ ...base, action: 'update', after, fieldChanges: fieldChanges(before, after), reason: 'detach' });
        }
    }
    return {
        changes,
        diagnostics,
        pruneStats: { counted: 'live links on managed portals', managedLive, pruned: prunedCount },
    };
}
/**
 * The link as the manifests want it. Its portal set is the portals that list it, plus the live
 * portals it sits on that are not pruned (unmanaged portals, or managed with `prune: false`).
 * `protocol` left out of a manifest keeps the live value: ZPA sets it itself for Browser Access
 * applications, so treating it as "empty" would show drift forever.
 */
function desiredCanonical(link, live, pruned) {
    const livePortals = live?.['userPortals'] ?? [];
    const { fields } = link;
    return {
        name: link.name,
        link: fields.link,
        protocol: fields.protocol ?? live?.['protocol'] ?? '',
        linkPath: fields.linkPath ?? '',
        description: fields.description ?? '',
        enabled: fields.enabled ?? true,
        iconText: fields.icon ? normalizeDataUri(fields.icon.dataUri) : '',
        logoFileName: fields.icon?.fileName ?? '',
        userPortals: idSet([...link.portalIds, ...livePortals.filter((id) => !pruned.has(id))]),
    };
}
function groupByName(links) {
    const byName = new Map();
    for (const link of links) {
        const name = link.canonical['name'];
        const same = byName.get(name);
        if (same)
            same.push(link);
        else
            byName.set(name, [link]);
    }
    return byName;
}
function duplicateLive(link, matches) {
    const ids = matches.map((m) => idOf(m['id'])).join(', ');
    return {
        severity: 'error',
        code: 'live-duplicate-link',
        message: `${matches.length} live links are named "${link.name}" (ids ${ids}); zpa-gitops will not guess which one is meant`,
        hint: 'rename or delete the extra links in ZPA, then plan again',
        location: link.location,
    };
}
