import { parsePage, replyError } from './replies.js';
import { negotiatedRoute } from './route-versions.js';
/** NOTES.md, "Look-ups": enrollment certificates are listed under v2. */
export const ENROLLMENT_CERT_API_VERSION = 'v2';
/** NOTES.md, "Paging": the maximum page size. */
export const PAGE_SIZE = 500;
/** 5 million objects: a reply claiming more pages is broken, not big. */
export const MAX_PAGES = 10_000;
export class Endpoints {
    transport;
    pathPrefix;
    customerId;
    versions;
    constructor(transport, pathPrefix, customerId, versions) {
        this.transport = transport;
        this.pathPrefix = pathPrefix;
        this.customerId = customerId;
        this.versions = versions;
    }
    send(call, extraQuery = {}) {
        const negotiated = call.version === undefined ? negotiatedRoute(call.method, call.path) : undefined;
        if (negotiated)
            return this.versions.send(negotiated, (version) => this.sendOn(version, call, extraQuery));
        return this.sendOn(call.version ?? 'v1', call, extraQuery);
    }
    sendOn(version, call, extraQuery) {
        const query = { ...call.query, ...extraQuery };
        return this.transport.send({
            method: call.method,
            urlPath: `${this.pathPrefix}/mgmtconfig/${version}/admin/customers/${encodeURIComponent(this.customerId)}${call.path}`,
            displayPath: displayPath(call.path, call.query),
            ...(Object.keys(query).length > 0 ? { query } : {}),
            ...(call.body === undefined ? {} : { body: call.body }),
        });
    }
    /**
     * Every object of a paged list. Loops on `totalPages` (a string) and never on `totalCount`, which
     * the vendor's own example gets wrong (NOTES.md). An empty page ends the loop, so a server that
     * overstates `totalPages` costs one extra GET, not an endless loop.
     */
    async listAll(call) {
        const endpoint = { method: 'GET', path: displayPath(call.path, call.query) };
        const all = [];
        let totalPages = 1;
        for (let page = 1; page <= totalPages; page += 1) {
            const reply = await this.send({ ...call, method: 'GET' }, { page: String(page), pagesize: String(PAGE_SIZE) });
            const parsed = parsePage(reply.body, { ...endpoint, status: reply.status });
            if (parsed.totalPages > MAX_PAGES) {
                throw replyError(endpoint, `reply claims ${parsed.totalPages} pages (more than ${MAX_PAGES}); refusing to read them`);
            }
            if (parsed.list.length === 0)
                break;
            all.push(...parsed.list);
            totalPages = parsed.totalPages;
        }
        return all;
    }
}
/** Path and meaningful query for messages: paging parameters are noise there. */
function displayPath(path, query) {
    if (query === undefined || Object.keys(query).length === 0)
        return path;
    return `${path}?${new URLSearchParams(query).toString()}`;
}
