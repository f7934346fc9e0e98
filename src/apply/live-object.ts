/**
 * The live objects a change is about: by key for a create (it has no id yet), by id otherwise.
 * Settling, verifying and the stale check all ask this one question.
 */
import type { ResourceKind } from '../core/kind.js';
import type { ApiObject, Change, LiveState } from '../core/types.js';
import { idOf } from '../canonical/normalize.js';

export function liveObjectsOf(kind: ResourceKind, change: Change, live: LiveState): ApiObject[] {
  const objects = live[kind.collection] ?? [];
  return change.action === 'create'
    ? objects.filter((o) => kind.keyOfLive(o) === change.key)
    : objects.filter((o) => idOf(o['id']) === change.id);
}
