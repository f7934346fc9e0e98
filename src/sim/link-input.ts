/**
 * Validation of user portal link bodies, as strict as the vendor page allows us to be: it catches
 * client bugs (a numeric id that lost digits, a protocol without `://`) before they reach state.
 */
import { invalidInput } from './http-error.js';
import { isRecord } from './narrow.js';
import type { SimLinkFields } from './types.js';

/** NOTES.md: at most 500 links per portal. */
export const MAX_LINKS_PER_PORTAL = 500;

/** The page's field table: `https://` or `http://`, or nothing. */
const PROTOCOLS = new Set(['', 'https://', 'http://']);

const OPTIONAL_STRINGS = ['linkPath', 'description', 'iconText', 'logoFileName'] as const;

export function requireObject(body: unknown, what: string): Record<string, unknown> {
  if (!isRecord(body)) throw invalidInput(`${what} must be a JSON object`);
  return body;
}

/** A body may repeat the path's id (a number or a string of digits), never name another object. */
export function requirePathId(body: Record<string, unknown>, pathId: string): void {
  const bodyId = body['id'];
  if (bodyId === undefined || bodyId === null) return;
  const sent =
    typeof bodyId === 'string' || typeof bodyId === 'number' || typeof bodyId === 'bigint'
      ? String(bodyId)
      : JSON.stringify(bodyId);
  if (sent !== pathId) throw invalidInput(`The body's id ${sent} does not match the path's ${pathId}`, 'id');
}

/**
 * An id as sent: a string of digits, or a number only while it is exact. The vendor page's example
 * sends a bare number above 2^53, which JSON turns into a different id: refuse it loudly.
 */
export function parseId(value: unknown, field: string): string {
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'number') {
    throw invalidInput(
      `${field} ${value} is not an exact integer: send ids as strings (numbers above 2^53 lose digits)`,
      field,
    );
  }
  throw invalidInput(`${field} must be an id (a string of digits)`, field);
}

/** The writable fields of one link. Absent, `null` and `""` are the same for optional strings. */
export function parseLinkFields(body: Record<string, unknown>, where = ''): SimLinkFields {
  const name = requiredString(body, 'name', where);
  const link = requiredString(body, 'link', where);
  const protocol = optionalString(body, 'protocol', where);
  if (!PROTOCOLS.has(protocol)) {
    throw invalidInput(
      `${where}protocol must be "https://" or "http://" (got ${JSON.stringify(protocol)})`,
      'protocol',
    );
  }
  const enabled = body['enabled'];
  if (enabled !== undefined && enabled !== null && typeof enabled !== 'boolean') {
    throw invalidInput(`${where}enabled must be a boolean`, 'enabled');
  }
  const strings = Object.fromEntries(OPTIONAL_STRINGS.map((field) => [field, optionalString(body, field, where)]));
  const applicationId = body['applicationId'];
  return {
    name,
    link,
    protocol,
    linkPath: strings['linkPath'] ?? '',
    description: strings['description'] ?? '',
    // A missing `enabled` means enabled, on create and on a full-replace PUT alike.
    enabled: enabled !== false,
    iconText: strings['iconText'] ?? '',
    logoFileName: strings['logoFileName'] ?? '',
    applicationId:
      applicationId === undefined || applicationId === null || applicationId === ''
        ? ''
        : parseId(applicationId, 'applicationId'),
  };
}

/**
 * Portal ids from `userPortals: [{id}]`, or from the page's single-create `userPortalId` field.
 * Duplicates collapse; order is kept.
 */
export function parsePortalRefs(body: Record<string, unknown>): string[] {
  const refs = body['userPortals'];
  if (refs !== undefined && refs !== null) {
    if (!Array.isArray(refs)) throw invalidInput('userPortals must be an array of {"id": ...}', 'userPortals');
    const ids = refs.map((ref: unknown) => {
      if (!isRecord(ref)) throw invalidInput('userPortals must be an array of {"id": ...}', 'userPortals');
      return parseId(ref['id'], 'userPortals[].id');
    });
    return [...new Set(ids)];
  }
  const single = body['userPortalId'];
  return single === undefined || single === null ? [] : [parseId(single, 'userPortalId')];
}

function requiredString(body: Record<string, unknown>, field: string, where: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') throw invalidInput(`${where}${field} is required`, field);
  return value;
}

function optionalString(body: Record<string, unknown>, field: string, where: string): string {
  const value = body[field];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw invalidInput(`${where}${field} must be a string`, field);
  return value;
}
