/**
 * The ids of the objects a run creates, for the changes that refer to them (a link on a portal the
 * plan creates holds a planned reference, canonical/planned-refs.ts). Taken from a create's reply,
 * else from a read of its collection; only creates that some change refers to are looked for.
 */
import type { KindSet } from '../core/kind-set.js';
import type { ApiObject, Change, LiveState } from '../core/types.js';
import { hasUsableId, idOf } from '../canonical/normalize.js';
import { plannedRef, refsOfChange } from '../canonical/planned-refs.js';

export class CreatedIds {
  /** Planned reference -> the id its object was created with. */
  readonly ids = new Map<string, string>();
  /** Creates done whose reply did not give the id: to be read. */
  private unread: Change[] = [];
  private readonly wanted: ReadonlySet<string>;

  constructor(
    private readonly kinds: KindSet,
    changes: readonly Change[],
  ) {
    this.wanted = new Set(changes.flatMap(refsOfChange));
  }

  /** Some change refers to a planned create. */
  get any(): boolean {
    return this.wanted.size > 0;
  }

  /** Creates that are done: their ids from the write's reply (one object, or a list). */
  noteReply(done: readonly Change[], reply: unknown): void {
    const objects = Array.isArray(reply) ? (reply as unknown[]) : reply === undefined ? [] : [reply];
    const found = this.take(
      done,
      objects.filter((o): o is ApiObject => typeof o === 'object' && o !== null),
    );
    this.unread.push(...found);
  }

  /** Creates that are done: their ids from a read of the live state (one not found stays unknown). */
  noteLive(done: readonly Change[], live: LiveState): void {
    for (const change of done) this.take([change], live[this.kinds.kind(change.kind).collection] ?? []);
  }

  /** Done creates that are referred to and whose ids are still to be read. */
  takeUnread(): Change[] {
    const unread = this.unread;
    this.unread = [];
    return unread;
  }

  /** Records the ids of the referred-to creates among `done` found in `objects`; returns those not found. */
  private take(done: readonly Change[], objects: readonly ApiObject[]): Change[] {
    const missing: Change[] = [];
    for (const change of done) {
      if (change.action !== 'create') continue;
      const ref = plannedRef(change.kind, change.key);
      if (!this.wanted.has(ref) || this.ids.has(ref)) continue;
      const kind = this.kinds.kind(change.kind);
      const object = objects.find((o) => hasUsableId(o) && kind.keyOfLive(o) === change.key);
      if (object) this.ids.set(ref, idOf(object['id']));
      else missing.push(change);
    }
    return missing;
  }
}
