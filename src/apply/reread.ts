/**
 * Re-reading only what a plan touches, not whole collections: for the stale check before the first write, for
 * settling an ambiguous write, and for verifying after the writes. Per collection it takes the
 * cheaper, by call count, of
 *   - the pages that hold the collection: ceil(n / 500) GETs (NOTES.md, "Paging": at most 500), and
 *   - one `GET {path}/{id}` per touched object (a `byId` read; a 404 means gone).
 * A collection with a create in it is always read whole: a create is about a key that has no id
 * yet, and only the whole collection shows whether a live object with that key exists now (a
 * duplicate would be created) or, after the write, that exactly one does. The search filter cannot
 * stand in for it (NOTES.md: it rejects plain names with spaces).
 */
import type { ReadCall } from '../core/kind.js';
import type { ApiObject, Change, LiveState } from '../core/types.js';
import type { KindSet } from '../core/kind-set.js';
import { setAsideLive } from '../planner/set-aside.js';
import { readLiveCollections } from '../live/read-live.js';
import type { LiveSource } from '../live/source.js';

/** NOTES.md, "Paging": the largest page, which every paged read asks for. */
const PAGE_SIZE = 500;

export type RereadWay = { how: 'pages'; calls: number } | { how: 'by-id'; ids: string[]; calls: number };

/**
 * How to re-read each collection `changes` touch. `sizeOf` gives the number of live objects a
 * collection held when planned (exact for a plan made in this process; for a saved plan the
 * objects the plan itself names, a lower bound) or undefined when unknown.
 */
export function rereadWays(
  changes: readonly Change[],
  sizeOf: (collection: string) => number | undefined,
  source: LiveSource,
  kinds: KindSet,
): Map<string, RereadWay> {
  const touched = new Map<string, { ids: Set<string>; create: boolean }>();
  for (const change of changes) {
    if (change.action === 'no-op') continue;
    const { collection } = kinds.kind(change.kind);
    const entry = touched.get(collection) ?? { ids: new Set<string>(), create: false };
    if (change.action === 'create') entry.create = true;
    else entry.ids.add(change.id);
    touched.set(collection, entry);
  }
  const ways = new Map<string, RereadWay>();
  for (const [collection, { ids, create }] of touched) {
    const call = kinds.readCall(collection);
    const pages = pageCalls(call, sizeOf(collection));
    const byIdPossible = !create && call.byId === true && source.readOne !== undefined;
    // Ties go to the single GETs: the same number of calls, smaller replies.
    ways.set(
      collection,
      byIdPossible && ids.size <= pages
        ? { how: 'by-id', ids: [...ids], calls: ids.size }
        : { how: 'pages', calls: pages },
    );
  }
  return ways;
}

/** GETs a whole read of `call` takes at `size` objects: one for a bare array, else its pages. */
function pageCalls(call: ReadCall, size: number | undefined): number {
  if (!call.paged) return 1;
  return Math.max(1, Math.ceil((size ?? 0) / PAGE_SIZE));
}

/**
 * The live state of what `changes` touch: whole collections where read whole; where read by id,
 * the touched objects still there (a gone one is simply absent, which the stale check reports as
 * deleted and verification as missing). Every read settles before the first failure is thrown.
 */
export async function rereadTouched(
  source: LiveSource,
  changes: readonly Change[],
  sizeOf: (collection: string) => number | undefined,
  kinds: KindSet,
): Promise<LiveState> {
  const ways = rereadWays(changes, sizeOf, source, kinds);
  const whole = [...ways].filter(([, way]) => way.how === 'pages').map(([name]) => name);
  const single = [...ways].flatMap(([name, way]) => (way.how === 'by-id' ? [[name, way.ids] as const] : []));
  const settled = await Promise.allSettled([
    readLiveCollections(source, whole, kinds),
    ...single.map(async ([name, ids]) => [name, await readEach(source, kinds.readCall(name), ids)] as const),
  ]);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  const [first, ...rest] = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const live: LiveState = { ...(first as LiveState) };
  for (const entry of rest as (readonly [string, ApiObject[]])[]) live[entry[0]] = entry[1];
  // What the plan left out (another microtenant's objects, unmanaged ones) is left out here too, so
  // settling and verifying never count an object the plan did not see.
  return source.target ? setAsideLive(kinds.kinds, live, source.target).live : live;
}

async function readEach(source: LiveSource, call: ReadCall, ids: readonly string[]): Promise<ApiObject[]> {
  const readOne = source.readOne?.bind(source);
  if (!readOne) throw new Error('this source reads no single objects');
  const settled = await Promise.allSettled(ids.map((id) => readOne(call, id)));
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.flatMap((result) => (result.status === 'fulfilled' && result.value ? [result.value] : []));
}

/** The live sizes a plan made in this process saw. */
export function sizesOf(live: LiveState): (collection: string) => number | undefined {
  return (collection) => live[collection]?.length;
}

/**
 * For a saved plan, whose file holds no live counts: the objects of the collection its changes
 * name (no-ops included, one per matched live object). A lower bound: single GETs are chosen only
 * where they are surely no dearer; the page read may be chosen where they would have been cheaper.
 */
export function sizesNamedBy(changes: readonly Change[], kinds: KindSet): (collection: string) => number | undefined {
  const counts = new Map<string, number>();
  for (const change of changes) {
    if (change.action === 'create') continue;
    const { collection } = kinds.kind(change.kind);
    counts.set(collection, (counts.get(collection) ?? 0) + 1);
  }
  return (collection) => counts.get(collection);
}
