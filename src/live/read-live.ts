/**
 * Reading live state with the fewest calls: one paged pass per collection, never one GET per
 * object, and only the collections the manifests need. The reads run concurrently; the client's
 * rate limiter keeps them inside the published limits.
 */
import type { DesiredState, LiveState } from '../core/types.js';
import type { LiveCollection } from '../kinds/kind.js';
import type { LiveSource } from './source.js';

const READERS: Record<LiveCollection, (source: LiveSource) => Promise<LiveState[LiveCollection]>> = {
  clientSettings: (s) => s.listClientSettings(),
  userPortalLinks: (s) => s.listUserPortalLinks(),
  userPortals: (s) => s.listUserPortals(),
  enrollmentCerts: (s) => s.listEnrollmentCerts(),
  microtenants: (s) => s.listMicrotenants(),
};

/** The collections a set of manifests needs to be planned. */
export function collectionsFor(desired: DesiredState): LiveCollection[] {
  const needed: LiveCollection[] = [];
  if (desired.clientSettings.length > 0) needed.push('clientSettings');
  // Certificates are needed to resolve a name, and for the certificate name the upsert must send.
  if (desired.clientSettings.some((s) => !s.absent)) needed.push('enrollmentCerts');
  if (desired.portals.length > 0) needed.push('userPortalLinks', 'userPortals');
  return needed;
}

export async function readCollections(
  source: LiveSource,
  collections: readonly LiveCollection[],
): Promise<Partial<LiveState>> {
  const entries = await Promise.all(collections.map(async (name) => [name, await READERS[name](source)] as const));
  return Object.fromEntries(entries) as Partial<LiveState>;
}

/** Live state holding the collections read; the others are empty. */
export async function readLiveCollections(
  source: LiveSource,
  collections: readonly LiveCollection[],
): Promise<LiveState> {
  return { clientSettings: [], userPortalLinks: [], userPortals: [], ...(await readCollections(source, collections)) };
}

/** Live state for planning: only the collections the manifests need. */
export function readLiveState(source: LiveSource, desired: DesiredState): Promise<LiveState> {
  return readLiveCollections(source, collectionsFor(desired));
}
