/**
 * Links shared with others: `ignore` patterns leave live links alone on a portal, and
 * `ignoreChanges` keeps chosen fields at their live value. Both act on the link's canonical shape.
 */
import type { DesiredPortal, IgnorableLinkField } from '../core/types.js';
import { compileGlob } from '../core/glob.js';
import type { LinkCanonical } from './user-portal-link.js';

/** The canonical fields each manifest field name stands for (the icon is two). */
const CANONICAL_FIELDS: Record<IgnorableLinkField, (keyof LinkCanonical)[]> = {
  enabled: ['enabled'],
  description: ['description'],
  linkPath: ['linkPath'],
  protocol: ['protocol'],
  icon: ['iconText', 'logoFileName'],
  link: ['link'],
};

/**
 * The wanted link with ignored fields set back to their live value, so they are never compared
 * and a full-replace PUT sends what is there. A create (no live link) keeps the manifest's value.
 */
export function keepIgnoredFields(
  wanted: LinkCanonical,
  live: LinkCanonical | undefined,
  ignored: readonly IgnorableLinkField[] | undefined,
): LinkCanonical {
  if (!live || !ignored || ignored.length === 0) return wanted;
  const kept: LinkCanonical = { ...wanted };
  for (const field of ignored) for (const key of CANONICAL_FIELDS[field]) Object.assign(kept, { [key]: live[key] });
  return kept;
}

/** Per managed portal id: does its `ignore` leave a live link of this name alone? */
export type IgnoreTest = (portalId: string, name: string) => boolean;

export interface PortalIgnores {
  test: IgnoreTest;
  /** Portal ids with patterns, and the address each is counted under. */
  scopes: { portalId: string; scope: string }[];
}

export function portalIgnores(portals: readonly { portal: DesiredPortal; id: string }[]): PortalIgnores {
  const byId = new Map<string, ((name: string) => boolean)[]>();
  const scopes: PortalIgnores['scopes'] = [];
  for (const { portal, id } of portals) {
    if (!portal.ignore || portal.ignore.length === 0) continue;
    byId.set(
      id,
      portal.ignore.map((p) => compileGlob(p.pattern)),
    );
    scopes.push({ portalId: id, scope: `portal:${portal.name}` });
  }
  return {
    test: (portalId, name) => byId.get(portalId)?.some((match) => match(name)) ?? false,
    scopes,
  };
}
