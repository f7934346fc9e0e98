/**
 * The registry: every kind, in the order plans list and apply them. The generic layers look kinds
 * up here; the planner gets them passed in. A new kind is one module and one line below (or, for a
 * library user, one `registerKind` call).
 */
import type { ReadCall, ResourceKind } from '../core/kind.js';
import type { Canonical } from '../core/types.js';
import { clientSettingKind } from './client-setting.js';
import { userPortalLinkKind } from './user-portal-link.js';

const registered: ResourceKind[] = [clientSettingKind, userPortalLinkKind];

/** The kinds registered, in order. */
export const KINDS: readonly ResourceKind[] = registered;

/** Adds a kind after the built-in ones; its name must be new. */
export function registerKind<C extends Canonical>(kind: ResourceKind<C>): void {
  if (registered.some((k) => k.name === kind.name)) throw new Error(`kind ${kind.name} is already registered`);
  registered.push(kind);
}

/** Takes a kind out again (tests that register a kind of their own). */
export function unregisterKind(name: string): void {
  const index = registered.findIndex((k) => k.name === name);
  if (index >= 0) registered.splice(index, 1);
}

/** The kind a change names; a plan from a tool that knew more kinds stops here. */
export function kindNamed(name: string): ResourceKind {
  const kind = registered.find((k) => k.name === name);
  if (!kind) throw new Error(`unknown kind ${name}`);
  return kind;
}

/** The read of a collection, from the kind that declares it. */
export function readCallFor(collection: string): ReadCall {
  for (const kind of registered) {
    const call = kind.reads[collection];
    if (call) return call;
  }
  throw new Error(`no kind reads the collection ${collection}`);
}
