/**
 * The ids a kind's writes send back as read (its `keptReferences`) must name objects the run read:
 * a link the link list shows on a portal that the portal list does not hold means the two reads
 * disagree, and a PUT made from them would carry an id the tenant refuses halfway through an apply.
 * Checked on the objects left after those of other microtenants are set aside, against every object
 * read (a portal set aside was still read).
 */
import { LiveReadsDisagreeError } from '../core/errors.js';
import type { KindSet } from '../core/kind-set.js';
import type { LiveState } from '../core/types.js';
import { idOf } from '../canonical/normalize.js';

export function checkKeptReferences(set: KindSet, live: LiveState, read: LiveState): void {
  for (const kind of set.kinds) {
    const objects = live[kind.collection];
    if (objects === undefined || kind.keptReferences === undefined) continue;
    for (const [collection, idsOf] of Object.entries(kind.keptReferences)) {
      const referenced = read[collection];
      if (referenced === undefined) continue;
      const known = new Set(referenced.map((object) => idOf(object['id'])));
      for (const object of objects) {
        const unknown = idsOf(object).find((id) => !known.has(id));
        if (unknown === undefined) continue;
        const noun = set.owner(collection)?.noun ?? collection;
        throw new LiveReadsDisagreeError(
          `the tenant's reads disagree: ${kind.noun} ${kind.wording.key(kind.keyOfLive(object))} (id ${idOf(object['id'])}) is on ${noun} id ${unknown}, which GET ${set.readCall(collection).path} did not return; nothing was planned from them and nothing was changed (plan again; if it persists, doctor shows what the API key can read)`,
        );
      }
    }
  }
}
