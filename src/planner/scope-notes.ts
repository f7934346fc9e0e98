/**
 * Says when a plan read collections with a microtenant whose scoping is unknown: a read call scoped
 * `outside-default` (client settings) carries `microtenantId` only outside Default, as the vendor
 * SDKs do (NOTES.md, "User portal links": both SDKs add `ZPA_MICROTENANT_ID` to every call; whether
 * client settings are microtenant scoped is unknown). The plan's reader should know which was sent.
 */
import type { ResourceKind } from '../core/kind.js';
import type { Diagnostic, LiveState, PlanTarget } from '../core/types.js';

const DEFAULT_MICROTENANT = '0';

export function scopeNotes(kinds: readonly ResourceKind[], live: LiveState, target: PlanTarget): Diagnostic[] {
  if (target.microtenantId === DEFAULT_MICROTENANT) return [];
  return kinds.flatMap((kind) => {
    const read = kind.reads[kind.collection];
    if (read?.scoped !== 'outside-default' || live[kind.collection] === undefined) return [];
    return [
      {
        severity: 'warning',
        code: 'scoped-by-sdk-reading',
        message: `target: ${kind.wording.plural} are read and written with microtenantId=${target.microtenantId}, as the vendor SDKs send it; whether ZPA scopes them is not documented`,
        hint: 'zpa-gitops doctor reads them with and without the microtenant and says whether the answers differ',
      } satisfies Diagnostic,
    ];
  });
}
