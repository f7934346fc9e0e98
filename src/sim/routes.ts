/**
 * The API's routes below `{prefix}/mgmtconfig/{version}/admin/customers/{customerId}/`, where the
 * prefix is empty (legacy API key) or `/zpa` (OneAPI). Versions are strict, so a client calling a
 * path under the wrong version finds out here and not in production.
 */
import type { Handler } from './api-context.js';
import * as links from './link-handlers.js';
import * as lookUps from './look-up-handlers.js';
import * as portals from './portal-handlers.js';
import * as settings from './setting-handlers.js';

export type ApiVersion = 'v1' | 'v2';
export type AuthMode = 'legacy' | 'oneapi';

interface Route {
  method: string;
  versions: readonly ApiVersion[];
  /** Literal segments, or `:name` for a parameter. */
  pattern: readonly string[];
  handler: Handler;
  /** A paged GET: `lieTotalPages` faults apply. */
  paged?: true;
  /** The bulk create: `partialBulk` faults apply, and the readings decide its versions. */
  bulk?: true;
  /** A Browser Access certificate list: served only under the path the readings name. */
  baCertificates?: 'clientless' | 'certificate';
}

const V1 = ['v1'] as const;
const V2 = ['v2'] as const;

// Literal routes come before parameter routes of the same length (`bulk` is not an id).
const ROUTES: readonly Route[] = [
  { method: 'GET', versions: V1, pattern: ['clientSetting'], handler: settings.getDefaultSetting },
  { method: 'GET', versions: V1, pattern: ['clientSetting', 'all'], handler: settings.getAllSettings },
  { method: 'POST', versions: V1, pattern: ['clientSetting'], handler: settings.upsertSetting },
  { method: 'DELETE', versions: V1, pattern: ['clientSetting'], handler: settings.deleteSetting },
  { method: 'GET', versions: V1, pattern: ['userPortalLink'], handler: links.listLinks, paged: true },
  { method: 'POST', versions: V1, pattern: ['userPortalLink'], handler: links.createLink },
  // The page documents bulk under v1, the vendor's SDKs call v2 (NOTES.md): the `bulkCreate` reading
  // picks v1, v2 or both (api-readings.ts), so tests can prove the client's fallback either way.
  {
    method: 'POST',
    versions: ['v1', 'v2'],
    pattern: ['userPortalLink', 'bulk'],
    handler: links.bulkCreateLinks,
    bulk: true,
  },
  {
    method: 'GET',
    versions: V1,
    pattern: ['userPortalLink', 'userPortal', ':portalId'],
    handler: links.listLinksOfPortal,
    paged: true,
  },
  { method: 'GET', versions: V1, pattern: ['userPortalLink', ':id'], handler: links.getLink },
  { method: 'PUT', versions: V1, pattern: ['userPortalLink', ':id'], handler: links.updateLink },
  { method: 'DELETE', versions: V1, pattern: ['userPortalLink', ':id'], handler: links.deleteLink },
  { method: 'GET', versions: V1, pattern: ['userPortal'], handler: lookUps.listPortals, paged: true },
  { method: 'GET', versions: V1, pattern: ['userPortal', ':id'], handler: lookUps.getPortal },
  { method: 'POST', versions: V1, pattern: ['userPortal'], handler: portals.createPortal },
  { method: 'PUT', versions: V1, pattern: ['userPortal', ':id'], handler: portals.updatePortal },
  { method: 'DELETE', versions: V1, pattern: ['userPortal', ':id'], handler: portals.deletePortal },
  {
    method: 'GET',
    versions: V2,
    pattern: ['clientlessCertificate', 'issued'],
    handler: portals.listBaCertificates,
    paged: true,
    baCertificates: 'clientless',
  },
  {
    method: 'GET',
    versions: V2,
    pattern: ['certificate', 'issued'],
    handler: portals.listBaCertificates,
    paged: true,
    baCertificates: 'certificate',
  },
  { method: 'GET', versions: V2, pattern: ['enrollmentCert'], handler: lookUps.listCerts, paged: true },
  { method: 'GET', versions: V2, pattern: ['enrollmentCert', ':id'], handler: lookUps.getCert },
  { method: 'GET', versions: V1, pattern: ['microtenants', 'summary'], handler: lookUps.microtenantSummary },
];

export interface ApiPath {
  mode: AuthMode;
  version: ApiVersion;
  customerId: string;
  segments: string[];
}

const API_PATH = /^(\/zpa)?\/mgmtconfig\/(v1|v2)\/admin\/customers\/([^/]+)(\/.*)?$/;

/** Split an API path; undefined when it is not one (it then gets a 404 without auth). */
export function parseApiPath(path: string): ApiPath | undefined {
  const match = API_PATH.exec(path);
  if (!match) return undefined;
  const [, zpa, version, customerId = '', rest = ''] = match;
  return {
    mode: zpa ? 'oneapi' : 'legacy',
    version: version === 'v2' ? 'v2' : 'v1',
    customerId: decodeURIComponent(customerId),
    // The page's own list example has a trailing slash (`userPortalLink/?...`): ignore empty segments.
    segments: rest
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s)),
  };
}

export type RouteMatch =
  { found: true; route: Route; params: Record<string, string> } | { found: false; methodNotAllowed: boolean };

function matchPattern(pattern: readonly string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of pattern.entries()) {
    const segment = segments[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

/**
 * `bulkVersions`: where bulk create is served now. Where it is not, a POST there meets the
 * `userPortalLink/:id` routes (v1): 405, as a server with only those would answer; on v2: 404.
 */
export function matchRoute(
  method: string,
  api: ApiPath,
  bulkVersions: readonly ApiVersion[] = ['v1', 'v2'],
  baCertificates: 'clientless' | 'certificate' = 'clientless',
): RouteMatch {
  let pathKnown = false;
  for (const route of ROUTES) {
    if (!(route.bulk ? bulkVersions : route.versions).includes(api.version)) continue;
    if (route.baCertificates !== undefined && route.baCertificates !== baCertificates) continue;
    const params = matchPattern(route.pattern, api.segments);
    if (!params) continue;
    if (route.method === method) return { found: true, route, params };
    pathKnown = true;
  }
  return { found: false, methodNotAllowed: pathKnown };
}
