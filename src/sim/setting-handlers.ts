/**
 * Client settings (NOTES.md, "Client settings"): one per certificate type, an upsert POST keyed by
 * type, `DELETE ?type=`. Whether settings are microtenant scoped is unknown: the
 * `clientSettingScope` reading answers either way (api-readings.ts).
 */
import { CLIENT_CERTIFICATE_TYPES, type ClientCertificateType } from '../core/types.js';
import { NO_CONTENT, json, type ApiContext, type ApiReply } from './api-context.js';
import { invalidInput, notFound, SimHttpError } from './http-error.js';
import { parseId, requireObject } from './link-input.js';
import { renderClientSetting } from './read-shapes.js';
import type { SimClientSetting } from './types.js';

/** The type `GET /clientSetting` shows and a `DELETE` without `type` removes. */
const DEFAULT_TYPE: ClientCertificateType = 'ZAPP_CLIENT';

function certificateType(value: unknown): ClientCertificateType {
  const type = CLIENT_CERTIFICATE_TYPES.find((known) => known === value);
  if (type === undefined) {
    throw invalidInput(
      `clientCertificateType must be one of ${CLIENT_CERTIFICATE_TYPES.join(', ')}`,
      'clientCertificateType',
    );
  }
  return type;
}

function requiredText(body: Record<string, unknown>, field: string, alias?: string): string {
  const value = body[field] ?? (alias === undefined ? undefined : body[alias]);
  if (typeof value !== 'string' || value.trim() === '') throw invalidInput(`${field} is required`, field);
  return value;
}

/** Settings in the shape the `clientSettings` reading asks for (api-readings.ts). */
function settingsReply(ctx: ApiContext, all: SimClientSetting[]): ApiReply {
  // Per microtenant, the tenant's settings are Default's: another microtenant's read shows none.
  const microtenantId = ctx.query['microtenantId'];
  const otherMicrotenant = microtenantId !== undefined && microtenantId !== '0';
  const settings = ctx.readings.clientSettingScope === 'per-microtenant' && otherMicrotenant ? [] : all;
  const rendered = settings.map((s) => renderClientSetting(s, ctx.state, ctx.read));
  const shape = ctx.readings.clientSettings;
  switch (shape) {
    case 'array':
      return json(200, rendered);
    case 'object':
      return json(200, rendered[0] ?? {});
    case 'list':
      return json(200, { list: rendered });
  }
}

/** Only the default (Client Connector) setting: a bare array per the page. */
export function getDefaultSetting(ctx: ApiContext): ApiReply {
  const setting = ctx.state.settings.get(DEFAULT_TYPE);
  return settingsReply(ctx, setting ? [setting] : []);
}

/** Every setting (unless the reading leaves the default out), in the order of CLIENT_CERTIFICATE_TYPES (so `object` shows ZAPP_CLIENT first). */
export function getAllSettings(ctx: ApiContext): ApiReply {
  const byType = (s: SimClientSetting) => CLIENT_CERTIFICATE_TYPES.indexOf(s.clientCertificateType);
  // The `without-default` reading: the vendor page's `/all` example holds every type but the default.
  const shown = (s: SimClientSetting) =>
    ctx.readings.clientSettingsAll === 'every-type' || s.clientCertificateType !== DEFAULT_TYPE;
  return settingsReply(
    ctx,
    [...ctx.state.settings.values()].filter(shown).sort((a, b) => byType(a) - byType(b)),
  );
}

/**
 * Create or update. The page's one example sends `signingCertId`, contradicting its field table:
 * accept both spellings. The stored certificate name is the certificate's own, whatever was sent.
 */
export function upsertSetting(ctx: ApiContext): ApiReply {
  const body = requireObject(ctx.body, 'The body');
  const type = certificateType(body['clientCertificateType']);
  const rawCertId = body['enrollmentCertId'] ?? body['signingCertId'];
  if (rawCertId === undefined || rawCertId === null)
    throw invalidInput('enrollmentCertId is required', 'enrollmentCertId');
  const certId = parseId(rawCertId, 'enrollmentCertId');
  requiredText(body, 'enrollmentCertName', 'signingCertName');
  const name = requiredText(body, 'name');
  const cert = ctx.state.certs.get(certId);
  if (!cert) throw notFound('Enrollment certificate', certId);
  ctx.state.upsertSetting(type, cert, name);
  return NO_CONTENT;
}

export function deleteSetting(ctx: ApiContext): ApiReply {
  const type = certificateType(ctx.query['type'] ?? DEFAULT_TYPE);
  if (!ctx.state.deleteSetting(type)) {
    throw new SimHttpError(400, 'resource.not.found', `No client setting of type ${type}`, [type]);
  }
  return NO_CONTENT;
}
