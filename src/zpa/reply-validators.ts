/**
 * The compiled reply schemas, one per reply shape (the shapes live in `reply-schemas/`); the kinds'
 * items come from item-validators.ts, so each is compiled once.
 */
import { builtInItemSchemas, itemValidators } from './item-validators.js';
import { checkReply, compileReplySchema, type ReplyValidator } from './reply-check.js';
import type { Endpoint } from './replies.js';
import { SIGN_IN_SCHEMA } from './reply-schemas/sign-in.js';

/** Every schema the client checks replies with: the build compiles them to standalone code. */
export function builtInReplySchemas(): object[] {
  return [...builtInItemSchemas({ userPortalLink: ['userPortalLinks'] }), SIGN_IN_SCHEMA];
}

export const VALIDATE = {
  clientSetting: itemValidators('clientSetting').one,
  signIn: compileReplySchema(SIGN_IN_SCHEMA),
};

/** `body` checked by `validate`, then typed as what the schema promised. */
export function checked<T>(validate: ReplyValidator, body: unknown, endpoint: Endpoint): T {
  checkReply(validate, body, endpoint);
  return body as T;
}
