import { enabledFlag, idOf, idSet, normalizeDataUri, optionalString, unescapeHtml } from './normalize.js';
export function livePortalIds(live) {
    const portals = live['userPortals'];
    return Array.isArray(portals)
        ? portals.map((p) => idOf(p?.['id'])).filter(Boolean)
        : [];
}
export function canonicalLink(live) {
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
