/**
 * A third kind, for the proof that a kind is one module: a toy "note" with a text, pinned to a
 * user portal by name. Its objects live in an in-memory store behind `/toyNote`; it names the
 * portal through the planner's look-up (a live portal, or one the plan creates), and reads the
 * portals through the portal kind's read.
 */
import type { DesiredObject, PlannedWrite, ResourceKind, WriteCall } from '../../src/core/kind.js';
import type { TenantClient } from '../../src/index.js';
import type { ZpaClient } from '../../src/zpa/index.js';
import type { ApiObject, Diagnostic, SourceLocation } from '../../src/core/types.js';

export type NoteCanonical = { text: string; portalId: string };

export interface WantedNote {
  name: string;
  text?: string;
  portal?: string;
  absent?: true;
  location: SourceLocation;
}

/** A note as its store returns it: the kind's own reply schema, given as data (core/kind.ts, ReplyItem). */
const NOTE_SCHEMA = {
  type: 'object',
  required: ['id', 'name'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    text: { type: 'string' },
    portalId: { type: 'string' },
  },
};

const str = (value: unknown) => (typeof value === 'string' ? value : '');

export function toyNoteKind(wanted: readonly WantedNote[]): ResourceKind<NoteCanonical> {
  return {
    name: 'toyNote',
    // Its portal may be one the same plan creates: written after portals, with the real id.
    dependsOn: ['userPortal'],
    noun: 'note',
    wording: { plural: 'notes', key: (key) => `named "${key}"`, reasons: { absent: 'declared absent' } },
    collection: 'toyNotes',
    reads: { toyNotes: { path: '/toyNote', paged: false, scoped: false, item: { schema: NOTE_SCHEMA } } },
    collectionsFor: () => (wanted.length > 0 ? ['toyNotes', 'userPortals'] : []),
    desiredObjects(_desired, lookUp) {
      const objects: DesiredObject<NoteCanonical>[] = [];
      const diagnostics: Diagnostic[] = [];
      for (const note of wanted) {
        if (note.absent) {
          objects.push({ key: note.name, location: note.location, absent: true });
          continue;
        }
        const portal = lookUp('user portal', { name: note.portal ?? '' }, 'userPortals', note.location);
        if ('problem' in portal) diagnostics.push(portal.problem);
        else {
          const after = { text: note.text ?? '', portalId: portal.found.id };
          objects.push({ key: note.name, location: note.location, after: () => after });
        }
      }
      return { objects, diagnostics };
    },
    keyOfLive: (live) => str(live['name']),
    canonicalLive: (live) => ({ text: str(live['text']), portalId: str(live['portalId']) }),
    writes(changes) {
      const planned: PlannedWrite[] = [];
      for (const change of changes) {
        const path = change.action === 'create' ? '/toyNote' : `/toyNote/${change.id}`;
        if (change.action === 'create' || change.action === 'update') {
          const method = change.action === 'create' ? 'POST' : 'PUT';
          const body: ApiObject = { name: change.key, ...change.after };
          planned.push({
            call: { method, path, body, scoped: false, reply: { expect: 'nothing' } },
            changes: [change],
            destructive: false,
          });
        } else if (change.action === 'delete') {
          planned.push({
            call: { method: 'DELETE', path, scoped: false, reply: { expect: 'nothing' } },
            changes: [change],
            destructive: true,
          });
        }
      }
      return planned;
    },
    groupOf: () => 'Toy notes',
    references: { portalId: 'userPortals' },
    nameTables: {},
  };
}

/** The toy API: notes by id, and every write it was sent. */
export class NoteStore {
  readonly notes = new Map<string, ApiObject>();
  readonly writes: string[] = [];
  private nextId = 900;

  add(note: ApiObject): void {
    const id = String(this.nextId++);
    this.notes.set(id, { id, ...note });
  }

  read(): ApiObject[] {
    return [...this.notes.values()].map((n) => ({ ...n }));
  }

  write(call: WriteCall): void {
    this.writes.push(`${call.method} ${call.path}`);
    const id = call.path.split('/')[2] ?? '';
    const body = (call.body ?? {}) as ApiObject;
    if (call.method === 'POST') this.add(body);
    else if (call.method === 'PUT') this.notes.set(id, { ...body, id });
    else this.notes.delete(id);
  }
}

/** The real client for the built-in kinds, the store for `/toyNote`. */
export function withNotes(client: ZpaClient, store: NoteStore): TenantClient {
  const isNote = (path: string) => path.startsWith('/toyNote');
  return {
    target: client.target,
    withMicrotenant: (id) => withNotes(client.withMicrotenant(id), store),
    read: async (call) => (isNote(call.path) ? store.read() : client.read(call)),
    write: async (call) => (isNote(call.path) ? store.write(call) : client.write(call)),
  };
}
