/** Whether a change is already true of the live state: to settle an ambiguous write, and to verify. */
import type { Change, LiveState } from '../core/types.js';
import { assertNever } from '../core/assert-never.js';
import type { KindSet } from '../core/kind-set.js';
import { sameCanonical } from '../canonical/equality.js';
import { liveObjectsOf } from './live-object.js';

export function hasLanded(change: Change, live: LiveState, kinds: KindSet): boolean {
  const kind = kinds.kind(change.kind);
  const objects = liveObjectsOf(kind, change, live);
  switch (change.action) {
    case 'create':
    case 'update': {
      const { after } = change;
      return objects.length === 1 && objects.every((o) => sameCanonical(kind.canonicalLive(o), after));
    }
    case 'delete':
      return objects.length === 0;
    case 'no-op':
      return true;
    default:
      return assertNever(change);
  }
}

/** A create whose key now exists has happened, even if a field came back different: never repeat it. */
export function wasCreated(change: Change, live: LiveState, kinds: KindSet): boolean {
  return change.action === 'create' && liveObjectsOf(kinds.kind(change.kind), change, live).length > 0;
}
