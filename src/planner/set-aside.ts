/**
 * Live objects no plan may be made from, taken out of the live state before anything is matched,
 * looked up or pruned, each kind of reason named once in a warning:
 * - an object whose `microtenantId` names another microtenant than the plan's target, in any
 *   collection read with the microtenant (NOTES.md, "User portal links": never plan from a read object
 *   whose `microtenantId` names another microtenant), so that a key that sees other microtenants
 *   cannot make a plan rename or prune their objects. Default objects are read with no id at all
 *   (recorded), so an absent id, or `0`, is Default;
 * - an object its kind leaves unmanaged (`unmanagedReason`: a client setting of an unknown type).
 */
import type { ResourceKind } from '../core/kind.js';
import type { ApiObject, Diagnostic, LiveState, PlanTarget } from '../core/types.js';
import { idOf, optionalString, unescapeHtml } from '../canonical/normalize.js';

/** How many names a warning lists before it says "and N more". */
const NAMES_SHOWN = 5;

export function setAsideLive(
  kinds: readonly ResourceKind[],
  live: LiveState,
  target: PlanTarget,
): { live: LiveState; warnings: Diagnostic[] } {
  const kept: LiveState = { ...live };
  const warnings: Diagnostic[] = [];
  const scoped = new Set(
    kinds.flatMap((kind) =>
      Object.entries(kind.reads)
        .filter(([, call]) => call.scoped === true)
        .map(([collection]) => collection),
    ),
  );
  for (const collection of scoped) {
    const objects = kept[collection];
    if (objects === undefined) continue;
    const foreign = objects.filter((object) => !inMicrotenant(object, target.microtenantId));
    if (foreign.length === 0) continue;
    kept[collection] = objects.filter((object) => inMicrotenant(object, target.microtenantId));
    const ids = [...new Set(foreign.map((object) => idOf(object['microtenantId'])))].sort();
    warnings.push({
      severity: 'warning',
      code: 'live-other-microtenant',
      message: `${count(foreign.length, 'object')} read from ${collection} belong to microtenant ${ids.join(', ')}, not ${target.microtenantId}: ${names(foreign)}; left out of this plan (never matched, renamed or pruned)`,
      hint: 'this API key sees other microtenants; set ZPA_MICROTENANT_ID or the manifests’ microtenant to manage them',
    });
  }
  for (const kind of kinds) {
    const objects = kept[kind.collection];
    if (kind.unmanagedReason === undefined || objects === undefined) continue;
    const left: ApiObject[] = [];
    for (const object of objects) {
      const reason = kind.unmanagedReason(object);
      if (reason === undefined) {
        left.push(object);
        continue;
      }
      warnings.push({
        severity: 'warning',
        code: `unmanaged-${kind.noun.replace(/ /g, '-')}`,
        message: `live ${kind.noun} ${kind.wording.key(kind.keyOfLive(object))} (id ${idOf(object['id'])}) is left unmanaged: ${reason}`,
        hint: 'zpa-gitops never writes it; manage it in the ZPA Admin Portal, or tell us about the type in an issue',
      });
    }
    if (left.length !== objects.length) kept[kind.collection] = left;
  }
  return { live: kept, warnings };
}

function inMicrotenant(object: ApiObject, microtenantId: string): boolean {
  const id = idOf(object['microtenantId']);
  return id === '' || id === microtenantId;
}

function names(objects: readonly ApiObject[]): string {
  const shown = objects.slice(0, NAMES_SHOWN).map((o) => JSON.stringify(unescapeHtml(optionalString(o['name']))));
  const more = objects.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
