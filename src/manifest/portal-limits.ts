/** ZPA holds at most 500 links per user portal (NOTES.md): more on one portal fails part-way through apply. */
import { MAX_LINKS_PER_PORTAL } from '../core/limits.js';
import type { DesiredLink, DesiredPortal, Diagnostic } from '../core/types.js';
import { problem, quote } from './diagnostic.js';

export function checkLinksPerPortal(
  portals: readonly DesiredPortal[],
  links: readonly Pick<DesiredLink, 'portals'>[],
): Diagnostic[] {
  const counts = new Map<string, number>();
  for (const link of links) for (const portal of link.portals) counts.set(portal, (counts.get(portal) ?? 0) + 1);
  return portals
    .filter((portal) => (counts.get(portal.name) ?? 0) > MAX_LINKS_PER_PORTAL)
    .map((portal) =>
      problem(
        'too-many-links',
        `portal ${quote(portal.name)} lists ${counts.get(portal.name)} links; ZPA allows at most ${MAX_LINKS_PER_PORTAL} per user portal`,
        'split the links over more portals',
        portal.location,
      ),
    );
}
