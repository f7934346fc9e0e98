/** The canonical shape of a user portal link: its managed fields, normalised. */
import type { ApiObject, Canonical } from '../core/types.js';
import { enabledFlag, idOf, idSet, normalizeDataUri, optionalString, unescapeHtml } from './normalize.js';

export function livePortalIds(live: ApiObject): string[] {
  const portals = live['userPortals'];
  return Array.isArray(portals)
    ? portals.map((p: unknown) => idOf((p as ApiObject | null)?.['id'])).filter(Boolean)
    : [];
}

export function canonicalLink(live: ApiObject): Canonical {
  return {
    name: unescapeHtml(optionalString(live['name'])),
    link: optionalString(live['link']),
    protocol: optionalString(live['protocol']),
    linkPath: optionalString(live['linkPath']),
    description: unescapeHtml(optionalString(live['description'])),
    enabled: enabledFlag(live['enabled']),
    iconText: normalizeDataUri(live['iconText']),
    logoFileName: optionalString(live['logoFileName']),
    userPortals: idSet(livePortalIds(live)),
  };
}
