/**
 * The look-up kinds resolve their names through: a name (or id) in a manifest to an object read
 * from the tenant. An unknown name, or one that matches several objects, is an error located in the
 * manifest, with a suggestion.
 */
import type { LookUp, LookUpResult, Named } from '../core/kind.js';
import type { ApiObject, DesiredState, Diagnostic, LiveState, NameOrId, SourceLocation } from '../core/types.js';
import { idOf, optionalString, unescapeHtml } from '../canonical/normalize.js';
import { closest } from '../core/closest.js';

/**
 * A look-up over the collections read for this plan, and the objects the plan creates in them
 * (`planned`, by collection: their id is a planned reference, canonical/planned-refs.ts). Each
 * collection's names are read once, when first asked for: a kind asks only once the kinds it
 * depends on are planned.
 */
export function buildLookUp(live: LiveState, planned: ReadonlyMap<string, readonly Named[]> = new Map()): LookUp {
  const cache = new Map<string, Named[]>();
  return (what, ref, collection, location) => {
    let candidates = cache.get(collection);
    if (!candidates)
      cache.set(collection, (candidates = [...named(live[collection]), ...(planned.get(collection) ?? [])]));
    return lookUp(what, ref, candidates, location);
  };
}

function named(objects: ApiObject[] | undefined): Named[] {
  return (objects ?? []).map((o) => ({ id: idOf(o['id']), name: unescapeHtml(optionalString(o['name'])) }));
}

function lookUp(what: string, ref: NameOrId, candidates: Named[], location: SourceLocation): LookUpResult {
  if ('id' in ref) {
    const found = candidates.find((c) => c.id === ref.id);
    if (found) return { found };
    return {
      problem: {
        severity: 'error',
        code: `unknown-${codeWord(what)}`,
        message: `no ${what} has id "${ref.id}"`,
        hint: `check the id in ZPA, or refer to the ${what} by name`,
        location,
      },
    };
  }
  const matches = candidates.filter((c) => c.name === ref.name);
  const [found, ...others] = matches;
  if (found && others.length === 0) return { found };
  if (found) {
    const ids = matches.map((m) => m.id).join(', ');
    return {
      problem: {
        severity: 'error',
        code: `ambiguous-${codeWord(what)}`,
        message: `${matches.length} ${what}s are named "${ref.name}" (ids ${ids})`,
        hint: `rename one in ZPA, or refer to it by id`,
        location,
      },
    };
  }
  return {
    problem: {
      severity: 'error',
      code: `unknown-${codeWord(what)}`,
      message: `no ${what} is named "${ref.name}"`,
      hint: suggest(what, ref.name, candidates),
      location,
    },
  };
}

/** A noun as diagnostic codes spell it: `user portal` in `unknown-user-portal`. */
export function codeWord(noun: string): string {
  return noun.replace(/ /g, '-');
}

function suggest(what: string, name: string, candidates: Named[]): string {
  const close = closest(
    name.trim(),
    candidates.map((c) => c.name.trim()),
  );
  if (close !== undefined && close.toLowerCase() === name.trim().toLowerCase())
    return `did you mean "${close}"? Names are case-sensitive`;
  if (close !== undefined) return `did you mean "${close}"? Or create it in ZPA first`;
  const known = candidates
    .slice(0, 8)
    .map((c) => `"${c.name}"`)
    .join(', ');
  return known
    ? `create it in ZPA first, or check the spelling (known: ${known}${candidates.length > 8 ? ', …' : ''})`
    : `create it in ZPA first`;
}

/** The microtenant to work in: the manifests' choice, else the settings' default ("0" = Default). */
export function resolveMicrotenant(
  desired: DesiredState,
  microtenants: ApiObject[] | undefined,
  fallback: string,
): { id: string; diagnostics: Diagnostic[] } {
  const ref = desired.microtenant;
  if (!ref) return { id: fallback, diagnostics: [] };
  if ('id' in ref) return { id: ref.id, diagnostics: [] };
  const result = lookUp('microtenant', ref, named(microtenants), ref.location);
  return 'found' in result ? { id: result.found.id, diagnostics: [] } : { id: fallback, diagnostics: [result.problem] };
}
