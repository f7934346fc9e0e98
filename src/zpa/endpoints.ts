/**
 * Where each call goes, and the one generic GET/paged-GET/write layer the endpoint methods share.
 */
import type { ApiObject } from '../core/types.js';
import { parsePage, replyError, type Endpoint, type Page } from './replies.js';
import { negotiatedRoute, type ApiVersion, type RouteVersions } from './route-versions.js';
import type { ApiReply, HttpMethod, Transport } from './transport.js';

export type { ApiVersion } from './route-versions.js';
/** NOTES.md, "Look-ups": enrollment certificates are listed under v2. */
export const ENROLLMENT_CERT_API_VERSION: ApiVersion = 'v2';
/** NOTES.md, "Paging": the maximum page size. */
export const PAGE_SIZE = 500;
/** 5 million objects: a reply claiming more pages is broken, not big. */
export const MAX_PAGES = 10_000;

export interface Call {
  method: HttpMethod;
  /** Default v1, or for a route in NEGOTIATED_ROUTES (bulk create) the version that works. */
  version?: ApiVersion;
  /** Relative to `/mgmtconfig/{version}/admin/customers/{customerId}`, e.g. `/userPortalLink`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

export class Endpoints {
  constructor(
    private readonly transport: Transport,
    private readonly pathPrefix: string,
    private readonly customerId: string,
    private readonly versions: RouteVersions,
  ) {}

  send(call: Call, extraQuery: Record<string, string> = {}): Promise<ApiReply> {
    const negotiated = call.version === undefined ? negotiatedRoute(call.method, call.path) : undefined;
    if (negotiated) return this.versions.send(negotiated, (version) => this.sendOn(version, call, extraQuery));
    return this.sendOn(call.version ?? 'v1', call, extraQuery);
  }

  private sendOn(version: ApiVersion, call: Call, extraQuery: Record<string, string>): Promise<ApiReply> {
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
   * the vendor's own example gets wrong (NOTES.md). Once page 1 says how many pages there are, the
   * others are asked for at once and the rate limiter paces them (20 pages of 10,000 links in one
   * round trip instead of twenty). Pages are taken in order up to the first empty one, so a server
   * that overstates `totalPages` costs one extra GET, not an endless loop.
   */
  async listAll(call: Omit<Call, 'method'>): Promise<ApiObject[]> {
    const endpoint: Endpoint = { method: 'GET', path: displayPath(call.path, call.query) };
    const readPage = async (page: number): Promise<Page> => {
      const reply = await this.send({ ...call, method: 'GET' }, { page: String(page), pagesize: String(PAGE_SIZE) });
      const parsed = parsePage(reply.body, { ...endpoint, status: reply.status });
      if (parsed.totalPages > MAX_PAGES) {
        throw replyError(
          endpoint,
          `reply claims ${parsed.totalPages} pages (more than ${MAX_PAGES}); refusing to read them`,
        );
      }
      return parsed;
    };
    const all: ApiObject[] = [];
    let next = 1;
    let batch: Array<Promise<Page>> = [readPage(1)];
    while (batch.length > 0) {
      const pages = await Promise.all(batch);
      next += pages.length;
      let totalPages = 0;
      for (const page of pages) {
        if (page.list.length === 0) return all;
        all.push(...page.list);
        totalPages = page.totalPages;
      }
      batch = [];
      for (let page = next; page <= totalPages; page += 1) batch.push(readPage(page));
    }
    return all;
  }
}

/** Path and meaningful query for messages: paging parameters are noise there. */
function displayPath(path: string, query: Record<string, string> | undefined): string {
  if (query === undefined || Object.keys(query).length === 0) return path;
  return `${path}?${new URLSearchParams(query).toString()}`;
}
