import { kindOf } from '../kinds/registry.js';
import { idOf } from '../kinds/normalize.js';
import { sameCanonical } from '../planner/equality.js';
export function hasLanded(change, live) {
    const kind = kindOf(change.kind);
    const objects = kind.liveObjects(live);
    switch (change.action) {
        case 'create': {
            const created = objects.filter((o) => kind.keyOfLive(o) === change.key);
            return created.length === 1 && created.every((o) => sameCanonical(kind.canonicalLive(o), change.after));
        }
        case 'update': {
            const object = objects.find((o) => idOf(o['id']) === change.id);
            return object !== undefined && sameCanonical(kind.canonicalLive(object), change.after);
        }
        case 'delete':
            return !objects.some((o) => idOf(o['id']) === change.id);
        case 'no-op':
            return true;
    }
}
/** A create whose key now exists has happened, even if a field came back different: never repeat it. */
export function wasCreated(change, live) {
    const kind = kindOf(change.kind);
    return change.action === 'create' && kind.liveObjects(live).some((o) => kind.keyOfLive(o) === change.key);
}
