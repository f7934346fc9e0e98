import { clientSettingKind } from './client-setting.js';
import { userPortalLinkKind } from './user-portal-link.js';
/** Every kind, in the order plans list and apply them. */
export const KINDS = [clientSettingKind, userPortalLinkKind];
export function kindOf(name) {
    const kind = KINDS.find((k) => k.name === name);
    if (!kind)
        throw new Error(`unknown kind ${name}`);
    return kind;
}
