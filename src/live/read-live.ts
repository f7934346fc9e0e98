/**
 * Reading live state with the fewest calls: one paged pass per collection, never one GET per
 * object, and only the collections the manifests need (each kind says which, and how to read
 * them). The reads run concurrently; the client's rate limiter keeps them inside the published limits.
 */
import type { KindSet } from '../core/kind-set.js';
import type { DesiredState, LiveState } from '../core/types.js';
import type { LiveSource } from './source.js';

/** The collections a set of manifests needs to be planned, in the kinds' order, each once. */
export function collectionsFor(desired: DesiredState, kinds: KindSet): string[] {
  return [...new Set(kinds.kinds.flatMap((kind) => kind.collectionsFor(desired)))];
}

/** Live state holding the collections read; the others are absent. */
export async function readLiveCollections(
  source: LiveSource,
  collections: readonly string[],
  kinds: KindSet,
): Promise<LiveState> {
  // Settle every read before reporting the first failure: a run that stops on a bad reply must not
  // leave other reads in flight behind it (they would land after the command has returned).
  const settled = await Promise.allSettled(
    collections.map(async (name) => [name, await source.read(kinds.readCall(name))] as const),
  );
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return Object.fromEntries(settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])));
}

/** Live state for planning: only the collections the manifests need. */
export function readLiveState(source: LiveSource, desired: DesiredState, kinds: KindSet): Promise<LiveState> {
  return readLiveCollections(source, collectionsFor(desired, kinds), kinds);
}
