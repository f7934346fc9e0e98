/**
 * Validation of user portal bodies (NOTES.md, "User portals"): a name, booleans as booleans, and
 * exactly one domain mode: a Zscaler-managed domain (`extLabel` + `extDomain`, the server derives
 * `domain`) or the customer's own (`domain` + a Browser Access `certificateId`).
 */
import { invalidInput } from './http-error.js';
import { parseId } from './link-input.js';
import type { SimState } from './state.js';
import type { SimPortalFields } from './types.js';

const LABEL = /^[a-z0-9-]+$/;

export function parsePortalFields(body: Record<string, unknown>, state: SimState): SimPortalFields {
  const name = body['name'];
  if (typeof name !== 'string' || name.trim() === '') throw invalidInput('name is required', 'name');
  const fields: SimPortalFields = {
    name,
    enabled: optionalBoolean(body, 'enabled') ?? true,
    domain: '',
    userNotificationEnabled: optionalBoolean(body, 'userNotificationEnabled') ?? false,
  };
  for (const field of ['description', 'userNotification'] as const) {
    const value = body[field];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') throw invalidInput(`${field} must be a string`, field);
    fields[field] = value;
  }
  const label = body['extLabel'];
  if (body['managedByZs'] === true || (typeof label === 'string' && label !== '')) {
    const extDomain = body['extDomain'];
    if (typeof label !== 'string' || !LABEL.test(label))
      throw invalidInput('extLabel must be lower-case letters, digits and -', 'extLabel');
    if (typeof extDomain !== 'string' || !extDomain.includes('.'))
      throw invalidInput('extDomain must be one of the authentication domains', 'extDomain');
    return { ...fields, extLabel: label, extDomain, domain: managedDomain(label, extDomain) };
  }
  const domain = body['domain'];
  if (typeof domain !== 'string' || domain === '')
    throw invalidInput('a portal needs extLabel and extDomain, or domain and certificateId', 'domain');
  const certificateId = parseId(body['certificateId'], 'certificateId');
  if (!state.baCerts.has(certificateId))
    throw invalidInput(`Browser Access certificate ${certificateId} not found`, certificateId);
  return { ...fields, domain, certificateId };
}

/** NOTES.md: `<extLabel>-<extDomain with . as ->.<letter>.zscalerportal.net`, the letter by cloud. */
export function managedDomain(label: string, extDomain: string): string {
  return `${label}-${extDomain.replace(/\./g, '-')}.d.zscalerportal.net`;
}

/** Booleans are sent explicitly (NOTES.md); a string "false" would be a client bug. */
function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidInput(`${field} must be true or false`, field);
  return value;
}
