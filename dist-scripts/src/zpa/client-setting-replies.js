import { expectObjectArray, isApiObject, replyError } from './replies.js';
/** The settings a GET reply holds, in the order given. */
export function readClientSettingList(body, endpoint) {
    if (Array.isArray(body))
        return expectObjectArray(body, endpoint);
    if (isApiObject(body)) {
        if ('clientCertificateType' in body)
            return [body];
        if ('list' in body)
            return body.list === null ? [] : expectObjectArray(body.list, endpoint, 'list');
        // A single-object reader (the Go SDK's) sees a tenant without settings as an empty object.
        if (Object.keys(body).length === 0)
            return [];
    }
    throw replyError(endpoint, `reply is not the expected shape (${SHAPES}, got ${describe(body)})`);
}
/**
 * The setting a `POST /clientSetting` upsert returns, if any: 204 carries no body; otherwise the one
 * of the given type (the reply may hold it alone, or in an array or envelope).
 */
export function readUpsertedClientSetting(body, endpoint, type) {
    if (body === undefined)
        return undefined;
    const settings = readClientSettingList(body, endpoint);
    return settings.find((setting) => setting.clientCertificateType === type) ?? settings[0];
}
const SHAPES = 'expected an array of client settings, one client setting object, or {list: [...]}';
function describe(value) {
    if (value === null)
        return 'null';
    if (value === undefined)
        return 'an empty body';
    if (isApiObject(value)) {
        const keys = Object.keys(value).slice(0, 5);
        return `an object with ${keys.map((k) => `\`${k.slice(0, 40)}\``).join(', ')}${Object.keys(value).length > 5 ? ', ...' : ''}`;
    }
    return `a ${typeof value}`;
}
