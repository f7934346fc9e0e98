/**
 * The built-in kinds, as one immutable set: what the CLI runs with, and what a library user extends
 * with `withKinds` (a set is never changed in place).
 */
import type { ResourceKind } from '../core/kind.js';
import { buildKindSet, type KindSet } from '../core/kind-set.js';
import { clientSettingKind } from './client-setting.js';
import { userPortalKind } from './user-portal.js';
import { userPortalLinkKind } from './user-portal-link.js';

export const BUILT_IN_KINDS: KindSet = buildKindSet([clientSettingKind, userPortalKind, userPortalLinkKind]);

/** The built-in kinds and these, after them; throws as `buildKindSet` does on a clash. */
export function withKinds(...extra: ResourceKind[]): KindSet {
  return buildKindSet([...BUILT_IN_KINDS.kinds, ...extra]);
}
