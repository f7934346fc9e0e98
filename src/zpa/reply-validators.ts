/**
 * The compiled reply schemas, one per reply shape (the shapes live in `reply-schemas/`); the kinds'
 * items come from item-validators.ts, so each is compiled once.
 */
import { builtInItemSchemas, itemValidators } from './item-validators.js';
import { checkReply, compileReplySchema, type ReplyValidator } from './reply-check.js';
import type { Endpoint } from './replies.js';
import { MICROTENANT_SUMMARY_SCHEMA } from './reply-schemas/microtenant.js';
import { SIGN_IN_SCHEMA } from './reply-schemas/sign-in.js';
import { USER_PORTAL_LINK_SCHEMA } from './reply-schemas/user-portal-link.js';

const BULK_REPLY_SCHEMA = {
  type: 'object',
  description: 'an object {userPortalLinks: [...]}',
  required: ['userPortalLinks'],
  properties: {
    userPortalLinks: { type: 'array', description: 'an array of links', items: USER_PORTAL_LINK_SCHEMA },
  },
};

/** Every schema the client checks replies with: the build compiles them to standalone code. */
export function builtInReplySchemas(): object[] {
  return [
    ...builtInItemSchemas({ userPortalLink: ['userPortalLinks'] }),
    BULK_REPLY_SCHEMA,
    MICROTENANT_SUMMARY_SCHEMA,
    SIGN_IN_SCHEMA,
  ];
}

export const VALIDATE = {
  linkPage: itemValidators('userPortalLink').page,
  link: itemValidators('userPortalLink').one,
  linkArray: itemValidators('userPortalLink').array,
  /** The page's bulk reply is `{userPortalLinks: [...], userPortals: [...]}`. */
  bulkReply: compileReplySchema(BULK_REPLY_SCHEMA),
  portalPage: itemValidators('userPortal').page,
  certPage: itemValidators('enrollmentCert').page,
  microtenants: compileReplySchema(MICROTENANT_SUMMARY_SCHEMA),
  clientSetting: itemValidators('clientSetting').one,
  signIn: compileReplySchema(SIGN_IN_SCHEMA),
};

/** `body` checked by `validate`, then typed as what the schema promised. */
export function checked<T>(validate: ReplyValidator, body: unknown, endpoint: Endpoint): T {
  checkReply(validate, body, endpoint);
  return body as T;
}
