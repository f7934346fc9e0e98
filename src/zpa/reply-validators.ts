/** The compiled reply schemas, one per reply shape (the shapes live in `reply-schemas/`). */
import { checkReply, compileReplySchema } from './reply-check.js';
import type { Endpoint } from './replies.js';
import { CLIENT_SETTING_SCHEMA } from './reply-schemas/client-setting.js';
import { ENROLLMENT_CERT_SCHEMA } from './reply-schemas/enrollment-cert.js';
import { MICROTENANT_SUMMARY_SCHEMA } from './reply-schemas/microtenant.js';
import { pageSchema } from './reply-schemas/page.js';
import { SIGN_IN_SCHEMA } from './reply-schemas/sign-in.js';
import { USER_PORTAL_LINK_SCHEMA } from './reply-schemas/user-portal-link.js';
import { USER_PORTAL_SCHEMA } from './reply-schemas/user-portal.js';

export const VALIDATE = {
  linkPage: compileReplySchema(pageSchema(USER_PORTAL_LINK_SCHEMA)),
  link: compileReplySchema(USER_PORTAL_LINK_SCHEMA),
  linkArray: compileReplySchema({ type: 'array', description: 'an array of links', items: USER_PORTAL_LINK_SCHEMA }),
  /** The page's bulk reply is `{userPortalLinks: [...], userPortals: [...]}`. */
  bulkReply: compileReplySchema({
    type: 'object',
    description: 'an object {userPortalLinks: [...]}',
    required: ['userPortalLinks'],
    properties: {
      userPortalLinks: { type: 'array', description: 'an array of links', items: USER_PORTAL_LINK_SCHEMA },
    },
  }),
  portalPage: compileReplySchema(pageSchema(USER_PORTAL_SCHEMA)),
  certPage: compileReplySchema(pageSchema(ENROLLMENT_CERT_SCHEMA)),
  microtenants: compileReplySchema(MICROTENANT_SUMMARY_SCHEMA),
  clientSetting: compileReplySchema(CLIENT_SETTING_SCHEMA),
  signIn: compileReplySchema(SIGN_IN_SCHEMA),
};

/** `body` checked by `validate`, then typed as what the schema promised. */
export function checked<T>(validate: (typeof VALIDATE)[keyof typeof VALIDATE], body: unknown, endpoint: Endpoint): T {
  checkReply(validate, body, endpoint);
  return body as T;
}
