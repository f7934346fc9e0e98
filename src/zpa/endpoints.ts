/**
 * Where each call goes, and the one generic GET/paged-GET/write layer the endpoint methods share.
 */
import type { ApiObject } from '../core/types.js';
import { readAllPages } from './read-pages.js';
import type { ReplyValidator } from './reply-check.js';
import type { Endpoint } from './replies.js';
import { negotiatedRoute, type ApiVersion, type RouteVersions } from './route-versions.js';
import type { ApiReply, HttpMethod, Transport } from './transport.js';

export type { ApiVersion } from './route-versions.js';
/** NOTES.md, "Paging": the maximum page size. */
export const PAGE_SIZE = 500;
export { MAX_PAGES } from './read-pages.js';

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

  /** Every object of a paged list, each page checked by `validate` and then compacted (see `read-pages.ts`). */
  listAll(
    call: Omit<Call, 'method'>,
    validate: ReplyValidator,
    compact?: (object: ApiObject) => ApiObject,
  ): Promise<ApiObject[]> {
    const endpoint: Endpoint = { method: 'GET', path: displayPath(call.path, call.query) };
    const fetchPage = (page: number) =>
      this.send({ ...call, method: 'GET' }, { page: String(page), pagesize: String(PAGE_SIZE) });
    return readAllPages(fetchPage, endpoint, validate, compact);
  }
}

/**
 * Path and meaningful query for messages: paging parameters are noise there, and so is the Default
 * microtenant's `microtenantId=0`, sent on every portal and link call (NOTES.md) but meaning "none".
 */
function displayPath(path: string, query: Record<string, string> | undefined): string {
  const shown = Object.entries(query ?? {}).filter(([name, value]) => !(name === 'microtenantId' && value === '0'));
  if (shown.length === 0) return path;
  return `${path}?${new URLSearchParams(shown).toString()}`;
}
