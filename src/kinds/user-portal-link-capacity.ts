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
  const after = new Map<string, readonly string[]>();
  for (const entry of live) after.set(`id:${entry.id}`, entry.canonical.userPortals);
  for (const change of changes) {
    switch (change.action) {
      case 'create':
        after.set(`new:${change.key}`, change.after.userPortals);
        break;
      case 'update':
        after.set(`id:${change.id}`, change.after.userPortals);
        break;
      case 'delete':
        after.delete(`id:${change.id}`);
        break;
      case 'no-op':
        break;
    }
  }
  const counts = new Map<string, number>();
  for (const portals of after.values()) for (const id of new Set(portals)) counts.set(id, (counts.get(id) ?? 0) + 1);
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
