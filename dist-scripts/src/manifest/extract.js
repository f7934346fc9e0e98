/**
 * One parsed file to what it declares, with locations. Reads defensively: parts the schema
 * rejected are skipped (already reported) and the rest is still checked, so a file's problems
 * all show at once.
 */
import { CLIENT_CERTIFICATE_TYPES, } from '../core/types.js';
import { ABSENT, LINK_FIELD_TYPES, PROTOCOLS } from './document.js';
import { checkLinkTarget, checkProtocol } from './link-checks.js';
import { describeLink } from './subject.js';
export function extractDeclarations(data, locator, folder) {
    const diagnostics = [];
    const root = record(data) ?? {};
    const microtenant = readMicrotenant(root, locator);
    const clientSettings = readClientSettings(record(root['clientSettings']), locator);
    const portals = [];
    for (const [name, value] of Object.entries(record(root['userPortals']) ?? {})) {
        if (name.trim() === '')
            continue;
        const portal = record(value) ?? {};
        const links = [];
        const items = Array.isArray(portal['links']) ? portal['links'] : [];
        items.forEach((item, index) => {
            const mention = readMention(record(item), [...['userPortals', name, 'links'], index], name, locator, folder);
            if (!mention)
                return;
            links.push(mention);
            diagnostics.push(...checkMention(mention, describeLink(data, name, index)));
        });
        portals.push({ name, prune: portal['prune'] !== false, location: locator.key(['userPortals', name]), links });
    }
    return { declarations: { ...(microtenant ? { microtenant } : {}), clientSettings, portals }, diagnostics };
}
function readMicrotenant(root, locator) {
    const { microtenant: name, microtenantId: id } = root;
    if (typeof name === 'string' && name.trim() !== '')
        return { name, location: locator.value(['microtenant']) };
    if (typeof id === 'string' && /^\d+$/.test(id))
        return { id, location: locator.value(['microtenantId']) };
    return undefined;
}
function readClientSettings(settings, locator) {
    const result = [];
    for (const type of Object.keys(settings ?? {})) {
        const known = CLIENT_CERTIFICATE_TYPES.find((t) => t === type);
        const value = settings?.[type];
        if (!known)
            continue;
        const location = locator.key(['clientSettings', type]);
        if (value === ABSENT) {
            result.push({ type: known, absent: true, location });
            continue;
        }
        const fields = record(value);
        if (!fields)
            continue;
        const { enrollmentCert: certName, enrollmentCertId: certId, name } = fields;
        const enrollmentCert = typeof certName === 'string' ? { name: certName } : typeof certId === 'string' ? { id: certId } : undefined;
        if (!enrollmentCert)
            continue;
        result.push({
            type: known,
            absent: false,
            enrollmentCert,
            ...(typeof name === 'string' ? { name } : {}),
            location,
        });
    }
    return result;
}
function readMention(item, path, portal, locator, folder) {
    const name = item?.['name'];
    if (!item || typeof name !== 'string' || name.trim() === '')
        return undefined;
    const fields = {};
    const fieldLocations = {};
    for (const field of Object.keys(LINK_FIELD_TYPES)) {
        const value = item[field];
        if (field === 'name' || typeof value !== LINK_FIELD_TYPES[field])
            continue;
        if (field === 'protocol' && !isProtocol(value))
            continue;
        if (field === 'icon' && value === '')
            continue;
        Object.assign(fields, { [field]: value });
        fieldLocations[field] = locator.value([...path, field]);
    }
    return { name, portal, fields, fieldLocations, location: locator.value(path), folder };
}
function checkMention(mention, subject) {
    const { link, protocol } = mention.fields;
    const { link: linkAt, protocol: protocolAt } = mention.fieldLocations;
    return [
        ...(link !== undefined && linkAt ? checkLinkTarget(link, subject, linkAt) : []),
        ...(protocol !== undefined && protocolAt ? checkProtocol(protocol, subject, protocolAt) : []),
    ];
}
function isProtocol(value) {
    return PROTOCOLS.some((p) => p === value);
}
function record(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
