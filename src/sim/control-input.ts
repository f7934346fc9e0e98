/**
 * JSON arriving at the control surface or from the state file, narrowed into seeds, snapshots,
 * faults and rate limits. Anything malformed is a SimInputError naming the field.
 */
import { CLIENT_CERTIFICATE_TYPES, type ClientCertificateType } from '../core/types.js';
import { SimInputError } from './http-error.js';
import { isRecord, narrowArray, narrowRecord } from './narrow.js';
import type { RateLimits, SimFault, SimReplyPatch, SimSeed, SimSnapshot, SimUserPortal } from './types.js';

const STAMPS = { creationTime: 'string', modifiedTime: 'string', modifiedBy: 'string' } as const;

function certificateType(value: unknown, where: string): ClientCertificateType {
  const type = CLIENT_CERTIFICATE_TYPES.find((known) => known === value);
  if (type === undefined)
    throw new SimInputError(`${where}.clientCertificateType must be one of ${CLIENT_CERTIFICATE_TYPES.join(', ')}`);
  return type;
}

export function parseSnapshot(value: unknown, where = 'snapshot'): SimSnapshot {
  if (!isRecord(value)) throw new SimInputError(`${where} must be an object`);
  return {
    microtenants: narrowArray(value['microtenants'], `${where}.microtenants`, (m, at) =>
      narrowRecord(m, { id: 'string', name: 'string', enabled: 'boolean', ...STAMPS }, at),
    ),
    enrollmentCerts: narrowArray(value['enrollmentCerts'], `${where}.enrollmentCerts`, (c, at) =>
      narrowRecord(
        c,
        {
          id: 'string',
          name: 'string',
          description: 'string',
          allowSigning: 'boolean',
          validFromInEpochSec: 'string',
          validToInEpochSec: 'string',
          ...STAMPS,
        },
        at,
      ),
    ),
    userPortals: narrowArray(value['userPortals'], `${where}.userPortals`, (p, at) => ({
      ...narrowRecord(
        p,
        { id: 'string', name: 'string', enabled: 'boolean', domain: 'string', microtenantId: 'string', ...STAMPS },
        at,
      ),
      ...optionalPortalFields(p),
    })),
    ...(Array.isArray(value['baCertificates'])
      ? {
          baCertificates: narrowArray(value['baCertificates'], `${where}.baCertificates`, (c, at) =>
            narrowRecord(c, { id: 'string', name: 'string' }, at),
          ),
        }
      : {}),
    userPortalLinks: narrowArray(value['userPortalLinks'], `${where}.userPortalLinks`, (l, at) =>
      narrowRecord(
        l,
        {
          id: 'string',
          name: 'string',
          link: 'string',
          protocol: 'string',
          linkPath: 'string',
          description: 'string',
          enabled: 'boolean',
          iconText: 'string',
          logoFileName: 'string',
          applicationId: 'string',
          microtenantId: 'string',
          userPortalIds: 'string[]',
          ...STAMPS,
        },
        at,
      ),
    ),
    clientSettings: narrowArray(value['clientSettings'], `${where}.clientSettings`, (s, at) => ({
      ...narrowRecord(
        s,
        { id: 'string', enrollmentCertId: 'string', enrollmentCertName: 'string', name: 'string', ...STAMPS },
        at,
      ),
      clientCertificateType: certificateType(isRecord(s) ? s['clientCertificateType'] : undefined, at),
    })),
  };
}

export function parseSeed(value: unknown): SimSeed {
  if (!isRecord(value)) throw new SimInputError('seed must be an object');
  const named = { id: 'string?', name: 'string' } as const;
  const seed: SimSeed = {
    microtenants: narrowArray(value['microtenants'], 'seed.microtenants', (m, at) => narrowRecord(m, named, at)),
    userPortals: narrowArray(value['userPortals'], 'seed.userPortals', (p, at) =>
      narrowRecord(p, { ...named, microtenant: 'string?', enabled: 'boolean?' }, at),
    ),
    userPortalLinks: narrowArray(value['userPortalLinks'], 'seed.userPortalLinks', (l, at) =>
      narrowRecord(
        l,
        {
          ...named,
          link: 'string',
          protocol: 'string?',
          linkPath: 'string?',
          description: 'string?',
          enabled: 'boolean?',
          iconText: 'string?',
          logoFileName: 'string?',
          applicationId: 'string?',
          portals: 'string[]',
          microtenant: 'string?',
        },
        at,
      ),
    ),
    clientSettings: narrowArray(value['clientSettings'], 'seed.clientSettings', (s, at) => ({
      ...narrowRecord(s, { enrollmentCert: 'string', name: 'string?' }, at),
      clientCertificateType: certificateType(isRecord(s) ? s['clientCertificateType'] : undefined, at),
    })),
  };
  // Absent means "the built-ins"; an empty list means none.
  if (value['enrollmentCerts'] !== undefined) {
    seed.enrollmentCerts = narrowArray(value['enrollmentCerts'], 'seed.enrollmentCerts', (c, at) =>
      narrowRecord(c, named, at),
    );
  }
  return seed;
}

export function parseFault(value: unknown): SimFault {
  const fault = narrowRecord(
    value,
    {
      method: 'string?',
      path: 'string?',
      times: 'number?',
      status: 'number?',
      delayMs: 'number?',
      resetBeforeApply: 'boolean?',
      resetAfterApply: 'boolean?',
      malformedJson: 'boolean?',
      lieTotalPages: 'boolean?',
      partialBulk: 'number?',
    },
    'fault',
  );
  const extra: Pick<SimFault, 'body' | 'headers' | 'patchReply' | 'rawBody'> = {};
  if (isRecord(value) && value['body'] !== undefined) extra.body = value['body'];
  if (isRecord(value) && typeof value['rawBody'] === 'string') extra.rawBody = value['rawBody'];
  if (isRecord(value) && value['patchReply'] !== undefined) {
    if (!Array.isArray(value['patchReply'])) throw new SimInputError('fault.patchReply must be a JSON Patch array');
    extra.patchReply = value['patchReply'] as SimReplyPatch[];
  }
  if (isRecord(value) && value['headers'] !== undefined) {
    const headers = value['headers'];
    if (!isRecord(headers) || !Object.values(headers).every((h) => typeof h === 'string')) {
      throw new SimInputError('fault.headers must be an object of strings');
    }
    extra.headers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)]));
  }
  return { ...fault, ...extra };
}

/** `{ ms }`: a read lag in milliseconds, a whole number from 0 (off) to an hour. */
export function parseReadLag(value: unknown): number {
  const { ms } = narrowRecord(value, { ms: 'number' }, 'readLag');
  if (!Number.isInteger(ms) || ms < 0 || ms > 3_600_000)
    throw new SimInputError('readLag.ms must be a whole number of milliseconds from 0 to 3600000');
  return ms;
}

export function parseRateLimits(value: unknown): RateLimits | false {
  if (value === false) return false;
  const limits = narrowRecord(value, { get: 'number', write: 'number', windowMs: 'number' }, 'rateLimits');
  if (![limits.get, limits.write, limits.windowMs].every((n) => Number.isInteger(n) && n > 0)) {
    throw new SimInputError('rateLimits.get, .write and .windowMs must be positive integers');
  }
  return limits;
}

/** A portal's fields that state files written before portals were managed do not hold. */
function optionalPortalFields(value: unknown): Partial<SimUserPortal> {
  if (!isRecord(value)) return {};
  const fields: Partial<SimUserPortal> = {};
  for (const key of ['description', 'userNotification', 'extLabel', 'extDomain', 'certificateId'] as const) {
    const field = value[key];
    if (typeof field === 'string') fields[key] = field;
  }
  if (typeof value['userNotificationEnabled'] === 'boolean')
    fields.userNotificationEnabled = value['userNotificationEnabled'];
  return fields;
}
