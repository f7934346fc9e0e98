/**
 * Every file's declarations into one desired state. A link is one object however many portals
 * list it: its fields may be given in several mentions as long as they agree, and a mention may
 * give only the name. Each clash cites both places.
 */
import { resolve } from 'node:path';
import { formatLocation } from '../render/diagnostics.js';
import { problem, quote } from './diagnostic.js';
export function mergeDeclarations(files) {
    const diagnostics = [];
    let microtenant;
    const settings = new Map();
    const portals = new Map();
    const links = new Map();
    for (const file of files) {
        const wanted = file.microtenant;
        if (wanted && microtenant && !sameMicrotenant(wanted, microtenant))
            diagnostics.push(microtenantConflict(wanted, microtenant));
        microtenant ??= wanted;
        for (const setting of file.clientSettings) {
            const first = settings.get(setting.type);
            if (first)
                diagnostics.push(problem('duplicate-client-setting', `client setting ${setting.type} is declared twice`, `first at ${formatLocation(first.location)}; keep one`, setting.location));
            else
                settings.set(setting.type, setting);
        }
        for (const portal of file.portals) {
            const first = portals.get(portal.name);
            if (first) {
                diagnostics.push(problem('duplicate-portal', `portal ${quote(portal.name)} is declared twice`, `first at ${formatLocation(first.location)}; declare each portal in one place`, portal.location));
                continue;
            }
            portals.set(portal.name, { name: portal.name, prune: portal.prune, location: portal.location });
            for (const mention of portal.links)
                addMention(links, mention, diagnostics);
        }
    }
    const merged = [];
    for (const build of links.values()) {
        const link = finish(build, diagnostics);
        if (link)
            merged.push(link);
    }
    return {
        ...(microtenant ? { microtenant } : {}),
        clientSettings: [...settings.values()],
        portals: [...portals.values()],
        links: merged,
        diagnostics,
    };
}
function addMention(links, mention, diagnostics) {
    let build = links.get(mention.name);
    if (!build) {
        build = { name: mention.name, fields: {}, origins: {}, listedAt: new Map() };
        links.set(mention.name, build);
    }
    const listed = build.listedAt.get(mention.portal);
    if (listed) {
        diagnostics.push(problem('duplicate-link', `link ${quote(mention.name)} is listed twice in portal ${quote(mention.portal)}`, `first at ${formatLocation(listed)}; remove one`, mention.location));
        return;
    }
    build.listedAt.set(mention.portal, mention.location);
    for (const [field, value] of Object.entries(mention.fields)) {
        const at = mention.fieldLocations[field] ?? mention.location;
        if (field === 'icon') {
            const icon = {
                path: String(value),
                absolute: resolve(mention.folder, String(value)),
                folder: mention.folder,
                location: at,
            };
            if (!build.icon)
                build.icon = icon;
            else if (build.icon.absolute !== icon.absolute)
                diagnostics.push(conflict(mention.name, field, icon.path, build.icon.path, at, build.icon.location));
            continue;
        }
        const before = build.fields[field];
        const origin = build.origins[field];
        if (before === undefined || !origin) {
            Object.assign(build.fields, { [field]: value });
            build.origins[field] = at;
        }
        else if (before !== value) {
            diagnostics.push(conflict(mention.name, field, value, before, at, origin));
        }
    }
    if (mention.fields.link !== undefined)
        build.definedAt ??= mention.location;
}
function finish(build, diagnostics) {
    const { link, ...rest } = build.fields;
    const [firstListed] = build.listedAt.values();
    if (link === undefined || !build.definedAt) {
        const onlyNames = Object.keys(build.fields).length === 0 && !build.icon;
        const message = onlyNames
            ? `link ${quote(build.name)} is only ever listed by name`
            : `link ${quote(build.name)} has no link (domain or IP address) in any mention`;
        if (firstListed)
            diagnostics.push(problem('link-not-defined', message, 'give link: <domain or IP address> (and its other fields) in one of its mentions', firstListed));
        return undefined;
    }
    return {
        name: build.name,
        fields: { link, ...rest },
        ...(build.icon ? { icon: build.icon } : {}),
        portals: [...build.listedAt.keys()],
        location: build.definedAt,
        // fromEntries defines own properties, so even a portal named "__proto__" is kept as data.
        listedAt: Object.fromEntries(build.listedAt),
    };
}
function conflict(name, field, value, before, at, origin) {
    return problem('conflicting-link', `link ${quote(name)} has ${field} ${quote(value)} here but ${quote(before)} at ${formatLocation(origin)}`, 'a link is one object on every portal: give its fields in one mention and list only its name elsewhere, or make them agree', at);
}
function sameMicrotenant(a, b) {
    return 'id' in a ? 'id' in b && a.id === b.id : 'name' in b && a.name === b.name;
}
function microtenantConflict(wanted, first) {
    const describe = (m) => 'id' in m ? `microtenantId ${quote(m.id)}` : `microtenant ${quote(m.name)}`;
    const sameForm = 'id' in wanted === 'id' in first;
    return problem('microtenant-conflict', `${describe(wanted)} differs from ${describe(first)} at ${formatLocation(first.location)}`, sameForm
        ? 'all manifests in one run must target the same microtenant'
        : 'all manifests must target the same microtenant, named the same way (microtenant or microtenantId) in every file', wanted.location);
}
