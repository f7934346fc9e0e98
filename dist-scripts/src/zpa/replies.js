import { ApiError } from '../core/errors.js';
export function replyError(endpoint, problem) {
    const { method, path, status, ambiguous } = endpoint;
    return new ApiError({ method, path, ...(status === undefined ? {} : { status }), ...(ambiguous ? { ambiguous } : {}), reason: problem }, `${method} ${path}: ${problem}`);
}
/** Parse a body; an empty body is `undefined` (204 replies). JSON.parse keeps the API's string ids. */
export function parseJsonReply(text, endpoint) {
    if (text.trim() === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        throw replyError(endpoint, 'reply is not valid JSON');
    }
}
export function isApiObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
export function expectObject(value, endpoint) {
    if (!isApiObject(value))
        throw replyError(endpoint, `reply is not the expected shape (expected an object, got ${kindOf(value)})`);
    return value;
}
export function expectObjectArray(value, endpoint, field) {
    const what = field === undefined ? 'reply' : `\`${field}\``;
    if (!Array.isArray(value)) {
        throw replyError(endpoint, `reply is not the expected shape (${what} is ${kindOf(value)}, expected an array)`);
    }
    const items = value;
    const bad = items.findIndex((item) => !isApiObject(item));
    if (bad >= 0) {
        throw replyError(endpoint, `reply is not the expected shape (item ${bad} of ${what} is ${kindOf(items[bad])})`);
    }
    return items;
}
/**
 * One page: `{totalPages, totalCount, list}` with the counts as strings (NOTES.md, "Paging").
 * A missing `list` means empty; `totalCount` is not trusted, so not read.
 */
export function parsePage(value, endpoint) {
    const page = expectObject(value, endpoint);
    const list = page.list === undefined || page.list === null ? [] : expectObjectArray(page.list, endpoint, 'list');
    const totalPages = parseCount(page.totalPages);
    if (totalPages === undefined) {
        // A reply with no list may omit the counts too (an empty collection); anything else must say.
        if (page.totalPages === undefined && list.length === 0)
            return { totalPages: 0, list };
        throw replyError(endpoint, 'reply is not the expected shape (`totalPages` is not a number string)');
    }
    return { totalPages, list };
}
/** A count as the API sends it: a digit string. A plain integer is accepted too. */
function parseCount(value) {
    if (typeof value === 'string' && /^\d{1,9}$/.test(value.trim()))
        return Number(value);
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
        return value;
    return undefined;
}
/** ZPA error bodies are `{id, reason, params?}` (NOTES.md). Anything else yields nothing. */
export function parseErrorBody(text) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        return {};
    }
    if (!isApiObject(body))
        return {};
    return {
        ...(typeof body.id === 'string' ? { zpaId: body.id } : {}),
        ...(typeof body.reason === 'string' ? { reason: body.reason } : {}),
        ...(Array.isArray(body.params) ? { params: body.params } : {}),
    };
}
function kindOf(value) {
    if (value === null)
        return 'null';
    if (value === undefined)
        return 'empty';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
