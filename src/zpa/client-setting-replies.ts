/**
 * The shapes a client-setting reply may take. The vendor page shows `GET /clientSetting/all` (and the
 * POST reply) as a bare array; zscaler-sdk-go's `zscaler/zpa/services/client_settings/client_settings.go`
 * decodes `/all` and the POST reply into a single object. No recorded traffic settles it (NOTES.md,
 * "Paging" and "Client settings"), so every reading is accepted: an array, one setting object, or a
 * `{list: [...]}` envelope like the paged replies. Anything else is an ApiError naming the endpoint.
 */
import type { ApiObject } from '../core/types.js';
import { expectObjectArray, isApiObject, replyError, type Endpoint } from './replies.js';
import { checkReply, type ReplyValidator } from './reply-check.js';
import { VALIDATE } from './reply-validators.js';

/** The settings a GET reply holds, in the order given, each checked against its schema. */
export function readClientSettingList(
  body: unknown,
  endpoint: Endpoint,
  validate: ReplyValidator = VALIDATE.clientSetting,
): ApiObject[] {
  const settings = unwrapClientSettings(body, endpoint);
  const prefix = Array.isArray(body) ? '' : isApiObject(body) && 'list' in body ? 'list' : undefined;
  settings.forEach((setting, i) =>
    checkReply(validate, setting, endpoint, { prefix: prefix === undefined ? '' : `${prefix}[${i}]` }),
  );
  return settings;
}

function unwrapClientSettings(body: unknown, endpoint: Endpoint): ApiObject[] {
  if (Array.isArray(body)) return expectObjectArray(body, endpoint);
  if (isApiObject(body)) {
    if ('clientCertificateType' in body) return [body];
    if ('list' in body) return body.list === null ? [] : expectObjectArray(body.list, endpoint, 'list');
    // A single-object reader (the Go SDK's) sees a tenant without settings as an empty object.
    if (Object.keys(body).length === 0) return [];
  }
  throw replyError(endpoint, `reply is not the expected shape (${SHAPES}, got ${describe(body)})`);
}

/**
 * The setting a `POST /clientSetting` upsert returns, if any: 204 carries no body; otherwise the one
 * of the given type (the reply may hold it alone, or in an array or envelope).
 */
export function readUpsertedClientSetting(body: unknown, endpoint: Endpoint, type: unknown): ApiObject | undefined {
  if (body === undefined) return undefined;
  const settings = readClientSettingList(body, endpoint);
  return settings.find((setting) => setting.clientCertificateType === type) ?? settings[0];
}

const SHAPES = 'expected an array of client settings, one client setting object, or {list: [...]}';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'an empty body';
  if (isApiObject(value)) {
    const keys = Object.keys(value).slice(0, 5);
    return `an object with ${keys.map((k) => `\`${k.slice(0, 40)}\``).join(', ')}${Object.keys(value).length > 5 ? ', ...' : ''}`;
  }
  return `a ${typeof value}`;
}
