/** A path in a manifest in words, for messages: `link "Grafana"`, `prune in portal "Ops"`. */
import { quote } from './diagnostic.js';
export function describePath(data, path) {
    const [section, key, field, index, linkField] = path.map(String);
    if (section === undefined)
        return 'the manifest';
    if (key === undefined)
        return section;
    if (section === 'clientSettings') {
        const setting = `client setting ${key}`;
        return field === undefined ? setting : `${field} in ${setting}`;
    }
    if (section !== 'userPortals')
        return path.join('.');
    const portal = `portal ${quote(key)}`;
    if (field === undefined)
        return portal;
    if (field !== 'links' || index === undefined)
        return `${field} in ${portal}`;
    const link = describeLink(data, key, Number(index));
    return linkField === undefined
        ? link
        : path.length > 5
            ? `${path.slice(4).join('.')} in ${link}`
            : `${linkField} in ${link}`;
}
/** A link by its name when it has a usable one, else by its position under the portal. */
export function describeLink(data, portal, index) {
    const name = linkName(data, portal, index);
    return name !== undefined ? `link ${quote(name)}` : `link #${index + 1} in portal ${quote(portal)}`;
}
function linkName(data, portal, index) {
    const portals = field(data, 'userPortals');
    const links = field(field(portals, portal), 'links');
    const name = field(Array.isArray(links) ? links[index] : undefined, 'name');
    return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}
function field(value, key) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key)
        ? value[key]
        : undefined;
}
