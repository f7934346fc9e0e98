/**
 * ZPA holds at most 500 links per user portal (NOTES.md). A plan whose result would put more on
 * one portal (live links, plus creates and attaches, minus deletes and detaches) is refused before
 * any write: apply would otherwise fail part-way, with some links created and others not.
 */
import type { KindChange, LiveEntry } from '../core/kind.js';
import { MAX_LINKS_PER_PORTAL } from '../core/limits.js';
import type { Diagnostic, SourceLocation } from '../core/types.js';
import type { LinkCanonical } from './user-portal-link.js';

/** A portal the manifests declare, for the message: its name and where it is declared. */
export interface DeclaredPortal {
  name: string;
  location: SourceLocation;
}

export function checkPortalCapacity(
  changes: readonly KindChange<LinkCanonical>[],
  live: readonly LiveEntry<LinkCanonical>[],
  declared: ReadonlyMap<string, DeclaredPortal>,
): Diagnostic[] {
  const counts = linksPerPortal(changes, live);
  const diagnostics: Diagnostic[] = [];
  for (const [id, count] of counts) {
    if (count <= MAX_LINKS_PER_PORTAL) continue;
    const portal = declared.get(id);
    diagnostics.push({
      severity: 'error',
      code: 'portal-over-capacity',
      message: `portal "${portal?.name ?? id}" would hold ${count} links after this plan; ZPA allows at most ${MAX_LINKS_PER_PORTAL} per user portal`,
      hint: 'list fewer links on it, or let pruning take links off it; nothing was changed',
      ...(portal ? { location: portal.location } : {}),
    });
  }
  return diagnostics;
}

/** Portal id -> links on it after the plan. (Its loops are apart from the check's: see planner/diff.ts.) */
function linksPerPortal(
  changes: readonly KindChange<LinkCanonical>[],
  live: readonly LiveEntry<LinkCanonical>[],
): Map<string, number> {
  // Each link's portals after the plan: live links by id, new links by name.
  const liveAfter = new Map<string, readonly string[]>();
  const created = new Map<string, readonly string[]>();
  for (const entry of live) liveAfter.set(entry.id, entry.canonical.userPortals);
  for (const change of changes) {
    switch (change.action) {
      case 'create':
        created.set(change.key, change.after.userPortals);
        break;
      case 'update':
        liveAfter.set(change.id, change.after.userPortals);
        break;
      case 'delete':
        liveAfter.delete(change.id);
        break;
      case 'no-op':
        break;
    }
  }
  const counts = new Map<string, number>();
  const countLinkOn = (portals: readonly string[]): void => {
    // Most links sit on one portal: a Set only to count a repeated id once.
    for (const id of portals.length > 1 ? new Set(portals) : portals) counts.set(id, (counts.get(id) ?? 0) + 1);
  };
  for (const portals of liveAfter.values()) countLinkOn(portals);
  for (const portals of created.values()) countLinkOn(portals);
  return counts;
}
