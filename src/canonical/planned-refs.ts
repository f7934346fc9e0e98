/**
 * References to objects the same plan creates, after Terraform's values "known after apply": such a
 * reference stands where the object's id will be (a link's portal that the plan creates), stays in
 * the plan, the plan file and its digest as written here, and is replaced by the real id only when
 * the applier has created the object. Real ids never start with `$`, so the two never mix.
 */
import type { Canonical, Change, Json } from '../core/types.js';
import { idSet } from './normalize.js';

const PREFIX = '$create:';

/** The reference to the object of `kind` with natural key `key` that the plan creates. */
export function plannedRef(kind: string, key: string): string {
  return `${PREFIX}${kind}:${key}`;
}

function isPlannedRef(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** The kind and key a reference names; undefined for a real id. */
export function parsePlannedRef(value: string): { kind: string; key: string } | undefined {
  if (!value.startsWith(PREFIX)) return undefined;
  const rest = value.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  return colon < 1 ? undefined : { kind: rest.slice(0, colon), key: rest.slice(colon + 1) };
}

/** How an id reads for people: its name from a name table, a planned object's key, else the id. */
export function displayName(id: string, names: Readonly<Record<string, string>> | undefined): string {
  return names?.[id] ?? parsePlannedRef(id)?.key ?? id;
}

/** Every planned reference in a canonical object: its fields' values, and the items of list fields. */
function refsIn(object: Canonical): string[] {
  const refs: string[] = [];
  for (const value of Object.values(object)) {
    if (isPlannedRef(value)) refs.push(value);
    else if (Array.isArray(value)) for (const item of value) if (isPlannedRef(item)) refs.push(item);
  }
  return refs;
}

/** The planned references a change holds (in what it writes). */
export function refsOfChange(change: Change): string[] {
  return change.action === 'create' || change.action === 'update' ? refsIn(change.after) : [];
}

/**
 * The change with each planned reference replaced by the id the applier got for it; the same
 * object when it holds none. Undefined when one is not known (its object was not created).
 */
export function withRealIds(change: Change, ids: ReadonlyMap<string, string>): Change | undefined {
  if (change.action !== 'create' && change.action !== 'update') return change;
  if (refsIn(change.after).length === 0) return change;
  const after = substitute(change.after, ids);
  if (!after) return undefined;
  if (change.action === 'create') return { ...change, after };
  const fieldChanges = change.fieldChanges.map((fc) => ({ ...fc, after: after[fc.field] ?? fc.after }));
  return { ...change, after, fieldChanges };
}

function substitute<C extends Canonical>(object: C, ids: ReadonlyMap<string, string>): C | undefined {
  const out: Canonical = {};
  for (const [field, value] of Object.entries(object)) {
    const replaced = replace(value, ids);
    if (replaced === undefined) return undefined;
    out[field] = replaced;
  }
  return out as C;
}

function replace(value: Json, ids: ReadonlyMap<string, string>): Json | undefined {
  if (isPlannedRef(value)) return ids.get(value);
  if (!Array.isArray(value) || !value.some(isPlannedRef)) return value;
  const items: Json[] = [];
  for (const item of value) {
    const real = isPlannedRef(item) ? ids.get(item) : item;
    if (real === undefined) return undefined;
    items.push(real);
  }
  // A list holding references is a set of ids (canonical/normalize.ts): sorted again once the real ids are in.
  return items.every((item) => typeof item === 'string') ? idSet(items) : items;
}
