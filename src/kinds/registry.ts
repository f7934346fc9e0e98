import type { KindName } from '../core/types.js';
import { clientSettingKind } from './client-setting.js';
import type { ResourceKind } from './kind.js';
import { userPortalLinkKind } from './user-portal-link.js';

/** Every kind, in the order plans list and apply them. */
export const KINDS: readonly ResourceKind[] = [clientSettingKind, userPortalLinkKind];

export function kindOf(name: KindName): ResourceKind {
  const kind = KINDS.find((k) => k.name === name);
  if (!kind) throw new Error(`unknown kind ${name}`);
  return kind;
}
