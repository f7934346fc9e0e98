/**
 * One parsed file to what it declares, with locations. Reads defensively: parts the schema
 * rejected are skipped (already reported) and the rest is still checked, so a file's problems
 * all show at once.
 */
import {
  CLIENT_CERTIFICATE_TYPES,
  IGNORABLE_LINK_FIELDS,
  IGNORABLE_PORTAL_FIELDS,
  type IgnorablePortalField,
  type DesiredClientSetting,
  type DesiredPortalFields,
  type Diagnostic,
  type IgnorableLinkField,
  type IgnorePattern,
  type NameOrId,
  type SourceLocation,
} from '../core/types.js';
import { ABSENT, LINK_FIELD_TYPES, PROTOCOLS, type ManifestLink, type Protocol } from './document.js';
import { checkLinkTarget, checkProtocol } from './link-checks.js';
import { describeLink } from './subject.js';
import type { Positions, Segment } from './yaml-nodes.js';

export type LinkFieldName = Exclude<keyof ManifestLink, 'name' | 'ignoreChanges'>;
export type MentionFields = Omit<ManifestLink, 'name' | 'ignoreChanges'>;

export interface LinkMention {
  name: string;
  portal: string;
  /** The well-formed fields this mention gives. */
  fields: MentionFields;
  /** Where each given field's value is written. */
  fieldLocations: Partial<Record<LinkFieldName, SourceLocation>>;
  location: SourceLocation;
  /** Absolute folder of the manifest: icon paths are relative to it. */
  folder: string;
  /** Fields this mention says are not compared. */
  ignoreChanges: readonly IgnorableLinkField[];
}

export interface PortalDeclaration {
  name: string;
  absent: boolean;
  portal?: DesiredPortalFields;
  ignorePortalFields: readonly IgnorablePortalField[];
  prune: boolean;
  ignore: IgnorePattern[];
  ignoreChanges: readonly IgnorableLinkField[];
  location: SourceLocation;
  links: LinkMention[];
}

export interface FileDeclarations {
  microtenant?: NameOrId & { location: SourceLocation };
  clientSettings: DesiredClientSetting[];
  portals: PortalDeclaration[];
}

type Fields = Record<string, unknown>;

export function extractDeclarations(
  data: unknown,
  locator: Positions,
  folder: string,
): { declarations: FileDeclarations; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const root = record(data) ?? {};
  const microtenant = readMicrotenant(root, locator);
  const clientSettings = readClientSettings(record(root['clientSettings']), locator);
  const portals: PortalDeclaration[] = [];
  for (const [name, value] of Object.entries(record(root['userPortals']) ?? {})) {
    if (name.trim() === '') continue;
    if (value === ABSENT) {
      const location = locator.key(['userPortals', name]);
      const none = { ignore: [], ignoreChanges: [], ignorePortalFields: [], links: [] };
      portals.push({ name, absent: true, prune: true, location, ...none });
      continue;
    }
    const portal = record(value) ?? {};
    const links: LinkMention[] = [];
    const items = Array.isArray(portal['links']) ? (portal['links'] as unknown[]) : [];
    for (let index = 0; index < items.length; index++) {
      const path = ['userPortals', name, 'links', index];
      const mention = readMention(record(items[index]), path, name, locator, folder);
      if (!mention) continue;
      links.push(mention);
      checkMention(mention, () => describeLink(data, name, index), diagnostics);
    }
    const path = ['userPortals', name];
    const fields = readPortalFields(record(portal['portal']), [...path, 'portal'], locator, diagnostics);
    const ignorePortalFields = Array.isArray(portal['ignoreChanges'])
      ? IGNORABLE_PORTAL_FIELDS.filter((field) => (portal['ignoreChanges'] as unknown[]).includes(field))
      : [];
    if (ignorePortalFields.length > 0 && portal['portal'] === undefined)
      diagnostics.push({
        severity: 'warning',
        code: 'portal-field-ignored-unmanaged',
        message: `ignoreChanges lists ${ignorePortalFields.join(', ')} of portal "${name}", whose own fields are not managed here: nothing to ignore`,
        hint: 'add a portal: block to manage the portal, or drop those names from ignoreChanges',
        location: locator.key([...path, 'ignoreChanges']),
      });
    portals.push({
      name,
      absent: false,
      ...(fields ? { portal: fields } : {}),
      prune: portal['prune'] !== false,
      ignore: readPatterns(portal['ignore'], [...path, 'ignore'], locator),
      ignoreChanges: readIgnoredFields(portal['ignoreChanges']),
      ignorePortalFields,
      location: locator.key(path),
      links,
    });
  }
  return { declarations: { ...(microtenant ? { microtenant } : {}), clientSettings, portals }, diagnostics };
}

/**
 * A `portal:` block: exactly one domain mode, a Zscaler-managed one (`extLabel` with `extDomain`)
 * or the customer's own (`domain` with `certificate` or `certificateId`). Field types are the
 * schema's to report; a block without one whole mode is reported here, at the block.
 */
function readPortalFields(
  block: Fields | undefined,
  path: Segment[],
  locator: Positions,
  diagnostics: Diagnostic[],
): DesiredPortalFields | undefined {
  if (!block) return undefined;
  const text = (key: string) => (typeof block[key] === 'string' ? block[key] : undefined);
  const flag = (key: string) => (typeof block[key] === 'boolean' ? block[key] : undefined);
  const location = locator.key(path);
  const [extLabel, extDomain, domain] = [text('extLabel'), text('extDomain'), text('domain')];
  const [certName, certId] = [text('certificate'), text('certificateId')];
  const managed = extLabel !== undefined || extDomain !== undefined;
  const own = domain !== undefined || certName !== undefined || certId !== undefined;
  const problem = (message: string, hint: string): undefined => {
    diagnostics.push({ severity: 'error', code: 'portal-domain-mode', message, hint, location });
    return undefined;
  };
  if (managed && own)
    return problem(
      'a portal is on a Zscaler-managed domain (extLabel, extDomain) or on its own (domain, certificate), not both',
      'keep extLabel and extDomain, or domain with certificate (or certificateId)',
    );
  if (!managed && !own)
    return problem(
      'the portal block gives no domain',
      'add extLabel and extDomain (a Zscaler-managed domain), or domain and certificate (your own)',
    );
  if (managed && (extLabel === undefined || extDomain === undefined))
    return problem(
      `the portal's ${extLabel === undefined ? 'extLabel' : 'extDomain'} is missing`,
      'a Zscaler-managed domain needs both extLabel and extDomain',
    );
  if (own && (domain === undefined || (certName === undefined) === (certId === undefined)))
    return problem(
      domain === undefined
        ? "the portal's domain is missing"
        : certName !== undefined
          ? 'the portal gives both certificate and certificateId'
          : "the portal's certificate is missing",
      'your own domain needs domain and exactly one of certificate (by name) or certificateId',
    );
  const fields: DesiredPortalFields = {
    domain:
      extLabel !== undefined && extDomain !== undefined
        ? { extLabel, extDomain }
        : { domain: domain ?? '', certificate: certName !== undefined ? { name: certName } : { id: certId ?? '' } },
    location,
  };
  const description = text('description');
  const notification = text('userNotification');
  const [enabled, notify] = [flag('enabled'), flag('userNotificationEnabled')];
  if (description !== undefined) fields.description = description;
  if (notification !== undefined) fields.userNotification = notification;
  if (enabled !== undefined) fields.enabled = enabled;
  if (notify !== undefined) fields.userNotificationEnabled = notify;
  return fields;
}

function readMicrotenant(root: Fields, locator: Positions): FileDeclarations['microtenant'] {
  const { microtenant: name, microtenantId: id } = root;
  if (typeof name === 'string' && name.trim() !== '') return { name, location: locator.value(['microtenant']) };
  if (typeof id === 'string' && /^\d+$/.test(id)) return { id, location: locator.value(['microtenantId']) };
  return undefined;
}

function readClientSettings(settings: Fields | undefined, locator: Positions): DesiredClientSetting[] {
  const result: DesiredClientSetting[] = [];
  for (const type of Object.keys(settings ?? {})) {
    const known = CLIENT_CERTIFICATE_TYPES.find((t) => t === type);
    const value = settings?.[type];
    if (!known) continue;
    const location = locator.key(['clientSettings', type]);
    if (value === ABSENT) {
      result.push({ type: known, absent: true, location });
      continue;
    }
    const fields = record(value);
    if (!fields) continue;
    const { enrollmentCert: certName, enrollmentCertId: certId, name } = fields;
    const enrollmentCert =
      typeof certName === 'string' ? { name: certName } : typeof certId === 'string' ? { id: certId } : undefined;
    if (!enrollmentCert) continue;
    result.push({
      type: known,
      absent: false,
      enrollmentCert,
      ...(typeof name === 'string' ? { name } : {}),
      location,
    });
  }
  return result;
}

/** The fields a mention may give, in the schema's order. */
const MENTION_FIELDS = (Object.keys(LINK_FIELD_TYPES) as (keyof ManifestLink)[]).filter(
  (field): field is LinkFieldName => field !== 'name' && field !== 'ignoreChanges',
);

function readMention(
  item: Fields | undefined,
  path: readonly Segment[],
  portal: string,
  locator: Positions,
  folder: string,
): LinkMention | undefined {
  const name = item?.['name'];
  if (!item || typeof name !== 'string' || name.trim() === '') return undefined;
  // The well-formed fields, in the schema's order, each with where it is written.
  const fields: Record<string, unknown> = {};
  const fieldLocations: LinkMention['fieldLocations'] = {};
  for (const field of MENTION_FIELDS) {
    const value = item[field];
    if (typeof value !== LINK_FIELD_TYPES[field]) continue;
    if (field === 'protocol' && !isProtocol(value)) continue;
    if (field === 'icon' && value === '') continue;
    fields[field] = value;
    fieldLocations[field] = locator.value([...path, field]);
  }
  const ignoreChanges = readIgnoredFields(item['ignoreChanges']);
  const location = locator.value(path);
  return { name, portal, fields, fieldLocations, location, folder, ignoreChanges };
}

/** The well-formed patterns, each located (the schema reported the rest). */
function readPatterns(value: unknown, path: Segment[], locator: Positions): IgnorePattern[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((pattern: unknown, index) =>
    typeof pattern === 'string' && pattern.trim() !== ''
      ? [{ pattern, location: locator.value([...path, index]) }]
      : [],
  );
}

/** Most mentions and portals list no ignored fields: they share this one empty list. */
const NONE: readonly IgnorableLinkField[] = Object.freeze([]);

/** The known field names, without repeats (the schema reported unknown ones, with a did-you-mean). */
function readIgnoredFields(value: unknown): readonly IgnorableLinkField[] {
  if (!Array.isArray(value)) return NONE;
  return IGNORABLE_LINK_FIELDS.filter((field) => value.includes(field));
}

function checkMention(mention: LinkMention, subject: () => string, diagnostics: Diagnostic[]): void {
  const { link, protocol } = mention.fields;
  const { link: linkAt, protocol: protocolAt } = mention.fieldLocations;
  if (link !== undefined && linkAt) for (const found of checkLinkTarget(link, subject, linkAt)) diagnostics.push(found);
  if (protocol !== undefined && protocolAt)
    for (const found of checkProtocol(protocol, subject, protocolAt)) diagnostics.push(found);
}

function isProtocol(value: unknown): value is Protocol {
  return value !== undefined && PROTOCOLS.some((p) => p === value);
}

function record(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
}
