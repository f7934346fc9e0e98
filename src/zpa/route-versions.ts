/**
 * Routes whose API version the vendor's own sources disagree on. The first version is tried; if the
 * API says the route does not exist there, the other is tried once, and whichever worked is kept for
 * the rest of the run (shared by every client on the same connection).
 */
import { ApiError } from '../core/errors.js';

export type ApiVersion = 'v1' | 'v2';

export interface NegotiatedRoute {
  method: string;
  /** Relative to the customer, e.g. `/userPortalLink/bulk`. */
  path: string;
  /** Tried in this order. */
  versions: readonly [first: ApiVersion, fallback: ApiVersion];
}

/**
 * Bulk create: the vendor page documents `/mgmtconfig/v1/.../userPortalLink/bulk`, while both vendor
 * SDKs send it under v2 (`zscaler/zpa/services/userportal/portal_link/portal_link.go` in
 * zscaler-sdk-go, `zscaler/zpa/user_portal_link.py` in zscaler-sdk-python), and no recorded traffic
 * settles it (NOTES.md, "User portal links"). v2 goes first, as the SDKs that talk to real tenants do.
 */
export const NEGOTIATED_ROUTES: readonly NegotiatedRoute[] = [
  { method: 'POST', path: '/userPortalLink/bulk', versions: ['v2', 'v1'] },
];

export function negotiatedRoute(method: string, path: string): NegotiatedRoute | undefined {
  return NEGOTIATED_ROUTES.find((route) => route.method === method && route.path === path);
}

/**
 * 404 or 405 with a reply: the route is not there, so nothing was created. NOTES.md, "Still unknown":
 * how a missing route answers through the OneAPI gateway is not recorded (404/405, or a 400 naming
 * the path), so a 400 whose id or reason names an unknown route or method counts too; a 400 means
 * nothing was written. Never an ambiguous error: a write that may have landed is not repeated
 * anywhere else either.
 */
function isMissingRoute(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.ambiguous) return false;
  if (error.status === 404 || error.status === 405) return true;
  return error.status === 400 && namesMissingRoute(`${error.zpaId ?? ''} ${error.reason ?? ''}`);
}

const ROUTE_WORD = /(^|[^a-z])(route|method|path|endpoint|url|uri|api|resource path|handler)([^a-z]|$)/i;
const MISSING_WORD =
  /unknown|not[ ._-]?found|not[ ._-]?supported|not[ ._-]?allowed|no[ ._-]?such|does not exist|unsupported|no handler|invalid/i;

function namesMissingRoute(text: string): boolean {
  return ROUTE_WORD.test(text) && MISSING_WORD.test(text);
}

export class RouteVersions {
  private readonly known = new Map<string, ApiVersion>();

  /** The version learnt for a route, if one has worked yet. */
  knownVersion(route: NegotiatedRoute): ApiVersion | undefined {
    return this.known.get(keyOf(route));
  }

  /**
   * Calls `attempt` on the known version, or on the first and then (only after a missing-route reply)
   * once on the fallback. Calls already in flight when a version is learnt each meet at most one
   * missing-route reply; calls started afterwards meet none.
   */
  async send<T>(route: NegotiatedRoute, attempt: (version: ApiVersion) => Promise<T>): Promise<T> {
    const key = keyOf(route);
    const known = this.known.get(key);
    if (known !== undefined) return attempt(known);
    const [first, fallback] = route.versions;
    let missing: unknown;
    try {
      return this.learn(key, first, await attempt(first));
    } catch (error) {
      if (!isMissingRoute(error)) throw error;
      missing = error;
    }
    try {
      return this.learn(key, fallback, await attempt(fallback));
    } catch (error) {
      // Missing on both: the first reply says more (a 404 there may name a missing portal).
      throw isMissingRoute(error) ? missing : error;
    }
  }

  /** Only a success is proof that the route exists: an error may come from a gateway in front. */
  private learn<T>(key: string, version: ApiVersion, result: T): T {
    if (!this.known.has(key)) this.known.set(key, version);
    return result;
  }
}

function keyOf(route: NegotiatedRoute): string {
  return `${route.method} ${route.path}`;
}
