import { ZpaClient, settingsFromEnv } from '../src/zpa/index.js';
export function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
export function ratio(figure, bound) {
    return bound === null || bound === 0 ? null : figure / bound;
}
const LOC = { file: 'bench.yaml', line: 1, col: 1 };
export const portalName = (p) => `portal-${p}`;
export const linkName = (l) => `link-${l}`;
/** Link l sits on portal l mod portals. */
export const portalOf = (l, portals) => portalName(l % portals);
/** Most links a portal holds in ZPA (and the simulator). */
export const PORTAL_LINK_CAP = 500;
export function tenantSeed(links, portals, description = (l) => `Application ${l}`) {
    return {
        userPortals: Array.from({ length: portals }, (_, p) => ({ name: portalName(p) })),
        userPortalLinks: Array.from({ length: links }, (_, l) => ({
            name: linkName(l),
            link: `app-${l}.corp.example.com`,
            description: description(l),
            portals: [portalOf(l, portals)],
        })),
    };
}
export function desiredState(links, portals, options = {}) {
    const describe = options.description ?? ((l) => `Application ${l}`);
    const desiredLinks = [];
    for (let l = 0; l < links; l++) {
        if (options.skip?.(l))
            continue;
        const portal = portalOf(l, portals);
        desiredLinks.push({
            name: linkName(l),
            fields: { link: `app-${l}.corp.example.com`, description: describe(l) },
            portals: [portal],
            location: LOC,
            listedAt: { [portal]: LOC },
        });
    }
    return {
        clientSettings: [],
        portals: Array.from({ length: portals }, (_, p) => ({ name: portalName(p), prune: true, location: LOC })),
        links: desiredLinks,
        files: ['bench.yaml'],
    };
}
/** Live state as the API would return it for `tenantSeed`, built in memory. */
export function liveState(links, portals) {
    const userPortals = Array.from({ length: portals }, (_, p) => ({ id: String(1000 + p), name: portalName(p) }));
    const userPortalLinks = Array.from({ length: links }, (_, l) => {
        const portal = userPortals[l % portals];
        return {
            id: String(100000 + l),
            name: linkName(l),
            link: `app-${l}.corp.example.com`,
            description: `Application ${l}`,
            enabled: true,
            userPortals: [portal],
        };
    });
    return { clientSettings: [], userPortalLinks, userPortals };
}
/** Limits so generous the client never waits. */
export const NO_LIMITS = { get: 1_000_000, write: 1_000_000, windowMs: 1 };
export function clientFor(sim, rateLimits = NO_LIMITS) {
    return new ZpaClient({ settings: settingsFromEnv({ ...sim.env() }), rateLimits });
}
const isAuth = (path) => path.endsWith('/signin') || path.includes('/oauth2/');
export const countGets = (sim) => sim.requests.filter((r) => r.method === 'GET' && !isAuth(r.path)).length;
export const countWrites = (sim) => sim.requests.filter((r) => r.method !== 'GET' && !isAuth(r.path)).length;
export const count429 = (sim) => sim.requests.filter((r) => r.status === 429).length;
