import * as links from './link-handlers.js';
import * as lookups from './lookup-handlers.js';
import * as settings from './setting-handlers.js';
const V1 = ['v1'];
const V2 = ['v2'];
// Literal routes come before parameter routes of the same length (`bulk` is not an id).
const ROUTES = [
    { method: 'GET', versions: V1, pattern: ['clientSetting'], handler: settings.getDefaultSetting },
    { method: 'GET', versions: V1, pattern: ['clientSetting', 'all'], handler: settings.getAllSettings },
    { method: 'POST', versions: V1, pattern: ['clientSetting'], handler: settings.upsertSetting },
    { method: 'DELETE', versions: V1, pattern: ['clientSetting'], handler: settings.deleteSetting },
    { method: 'GET', versions: V1, pattern: ['userPortalLink'], handler: links.listLinks, paged: true },
    { method: 'POST', versions: V1, pattern: ['userPortalLink'], handler: links.createLink },
    // The page documents bulk under v1, the vendor's SDKs call v2 (NOTES.md): the `bulkCreate` reading
    // picks v1, v2 or both (api-readings.ts), so tests can prove the client's fallback either way.
    {
        method: 'POST',
        versions: ['v1', 'v2'],
        pattern: ['userPortalLink', 'bulk'],
        handler: links.bulkCreateLinks,
        bulk: true,
    },
    {
        method: 'GET',
        versions: V1,
        pattern: ['userPortalLink', 'userPortal', ':portalId'],
        handler: links.listLinksOfPortal,
        paged: true,
    },
    { method: 'GET', versions: V1, pattern: ['userPortalLink', ':id'], handler: links.getLink },
    { method: 'PUT', versions: V1, pattern: ['userPortalLink', ':id'], handler: links.updateLink },
    { method: 'DELETE', versions: V1, pattern: ['userPortalLink', ':id'], handler: links.deleteLink },
    { method: 'GET', versions: V1, pattern: ['userPortal'], handler: lookups.listPortals, paged: true },
    { method: 'GET', versions: V1, pattern: ['userPortal', ':id'], handler: lookups.getPortal },
    { method: 'GET', versions: V2, pattern: ['enrollmentCert'], handler: lookups.listCerts, paged: true },
    { method: 'GET', versions: V2, pattern: ['enrollmentCert', ':id'], handler: lookups.getCert },
    { method: 'GET', versions: V1, pattern: ['microtenants', 'summary'], handler: lookups.microtenantSummary },
];
const API_PATH = /^(\/zpa)?\/mgmtconfig\/(v1|v2)\/admin\/customers\/([^/]+)(\/.*)?$/;
/** Split an API path; undefined when it is not one (it then gets a 404 without auth). */
export function parseApiPath(path) {
    const match = API_PATH.exec(path);
    if (!match)
        return undefined;
    const [, zpa, version, customerId = '', rest = ''] = match;
    return {
        mode: zpa ? 'oneapi' : 'legacy',
        version: version === 'v2' ? 'v2' : 'v1',
        customerId: decodeURIComponent(customerId),
        // The page's own list example has a trailing slash (`userPortalLink/?...`): ignore empty segments.
        segments: rest
            .split('/')
            .filter((s) => s !== '')
            .map((s) => decodeURIComponent(s)),
    };
}
function matchPattern(pattern, segments) {
    if (pattern.length !== segments.length)
        return undefined;
    const params = {};
    for (const [i, part] of pattern.entries()) {
        const segment = segments[i] ?? '';
        if (part.startsWith(':'))
            params[part.slice(1)] = segment;
        else if (part !== segment)
            return undefined;
    }
    return params;
}
/**
 * `bulkVersions`: where bulk create is served now. Where it is not, a POST there meets the
 * `userPortalLink/:id` routes (v1): 405, as a server with only those would answer; on v2: 404.
 */
export function matchRoute(method, api, bulkVersions = ['v1', 'v2']) {
    let pathKnown = false;
    for (const route of ROUTES) {
        if (!(route.bulk ? bulkVersions : route.versions).includes(api.version))
            continue;
        const params = matchPattern(route.pattern, api.segments);
        if (!params)
            continue;
        if (route.method === method)
            return { found: true, route, params };
        pathKnown = true;
    }
    return { found: false, methodNotAllowed: pathKnown };
}
