import { idOf, optionalString, unescapeHtml } from '../kinds/normalize.js';
function named(objects) {
    return (objects ?? []).map((o) => ({ id: idOf(o['id']), name: unescapeHtml(optionalString(o['name'])) }));
}
function lookUp(what, ref, candidates, location) {
    if ('id' in ref) {
        const found = candidates.find((c) => c.id === ref.id);
        if (found)
            return { found };
        return {
            problem: {
                severity: 'error',
                code: `unknown-${slug(what)}`,
                message: `no ${what} has id "${ref.id}"`,
                hint: `check the id in ZPA, or refer to the ${what} by name`,
                location,
            },
        };
    }
    const matches = candidates.filter((c) => c.name === ref.name);
    const [found, ...others] = matches;
    if (found && others.length === 0)
        return { found };
    if (found) {
        const ids = matches.map((m) => m.id).join(', ');
        return {
            problem: {
                severity: 'error',
                code: `ambiguous-${slug(what)}`,
                message: `${matches.length} ${what}s are named "${ref.name}" (ids ${ids})`,
                hint: `rename one in ZPA, or refer to it by id`,
                location,
            },
        };
    }
    return {
        problem: {
            severity: 'error',
            code: `unknown-${slug(what)}`,
            message: `no ${what} is named "${ref.name}"`,
            hint: suggest(what, ref.name, candidates),
            location,
        },
    };
}
function slug(what) {
    return what.replace(/ /g, '-');
}
function suggest(what, name, candidates) {
    const folded = name.trim().toLowerCase();
    const close = candidates.find((c) => c.name.trim().toLowerCase() === folded);
    if (close)
        return `did you mean "${close.name}"? Names are case-sensitive`;
    const known = candidates
        .slice(0, 8)
        .map((c) => `"${c.name}"`)
        .join(', ');
    return known
        ? `create it in ZPA first, or check the spelling (known: ${known}${candidates.length > 8 ? ', …' : ''})`
        : `create it in ZPA first`;
}
/** The microtenant to work in: the manifests' choice, else the settings' default ("0" = Default). */
export function resolveMicrotenant(desired, microtenants, fallback) {
    const ref = desired.microtenant;
    if (!ref)
        return { id: fallback, diagnostics: [] };
    if ('id' in ref)
        return { id: ref.id, diagnostics: [] };
    const result = lookUp('microtenant', ref, named(microtenants), ref.location);
    return 'found' in result ? { id: result.found.id, diagnostics: [] } : { id: fallback, diagnostics: [result.problem] };
}
export function resolveDesired(desired, live, microtenantId) {
    const diagnostics = [];
    const portals = named(live.userPortals);
    const certs = named(live.enrollmentCerts);
    const resolvedPortals = [];
    const portalIdByName = new Map();
    for (const portal of desired.portals) {
        const result = lookUp('user portal', { name: portal.name }, portals, portal.location);
        if ('problem' in result) {
            diagnostics.push(result.problem);
            continue;
        }
        portalIdByName.set(portal.name, result.found.id);
        resolvedPortals.push({ id: result.found.id, name: portal.name, prune: portal.prune, location: portal.location });
    }
    const links = desired.links.map((link) => ({
        name: link.name,
        fields: link.fields,
        portalIds: link.portals.flatMap((name) => portalIdByName.get(name) ?? []),
        location: link.location,
    }));
    const clientSettings = [];
    for (const setting of desired.clientSettings) {
        if (setting.absent) {
            clientSettings.push({ type: setting.type, absent: true, location: setting.location });
            continue;
        }
        // The loader guarantees a certificate on a present setting; never read its absence as `absent`.
        const ref = setting.enrollmentCert ?? { name: '' };
        const result = lookUp('enrollment certificate', ref, certs, setting.location);
        if ('problem' in result) {
            diagnostics.push(result.problem);
            continue;
        }
        const cert = result.found;
        clientSettings.push({
            type: setting.type,
            absent: false,
            name: setting.name ?? cert.name,
            enrollmentCertId: cert.id,
            enrollmentCertName: cert.name,
            location: setting.location,
        });
    }
    return { resolved: { microtenantId, clientSettings, portals: resolvedPortals, links }, diagnostics };
}
