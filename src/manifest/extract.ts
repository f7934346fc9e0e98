/**
 * One parsed file to what it declares, with locations. Reads defensively: parts the schema
 * rejected are skipped (already reported) and the rest is still checked, so a file's problems
 * all show at once.
 */
import {
  CLIENT_CERTIFICATE_TYPES,
  IGNORABLE_LINK_FIELDS,
  type DesiredClientSetting,
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
  ignoreChanges: IgnorableLinkField[];
}

export interface PortalDeclaration {
  name: string;
  prune: boolean;
  ignore: IgnorePattern[];
  ignoreChanges: IgnorableLinkField[];
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
    const portal = record(value) ?? {};
    const links: LinkMention[] = [];
    const items = Array.isArray(portal['links']) ? (portal['links'] as unknown[]) : [];
    items.forEach((item, index) => {
      const mention = readMention(record(item), ['userPortals', name, 'links', index], name, locator, folder);
      if (!mention) return;
      links.push(mention);
      diagnostics.push(...checkMention(mention, () => describeLink(data, name, index)));
    });
    const path = ['userPortals', name];
    portals.push({
      name,
      prune: portal['prune'] !== false,
      ignore: readPatterns(portal['ignore'], [...path, 'ignore'], locator),
      ignoreChanges: readIgnoredFields(portal['ignoreChanges']),
      location: locator.key(path),
      links,
    });
  }
  return { declarations: { ...(microtenant ? { microtenant } : {}), clientSettings, portals }, diagnostics };
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
  path: Segment[],
  portal: string,
  locator: Positions,
  folder: string,
): LinkMention | undefined {
  const name = item?.['name'];
  if (!item || typeof name !== 'string' || name.trim() === '') return undefined;
  const fields: Record<string, unknown> = {};
  const fieldLocations: LinkMention['fieldLocations'] = {};
  // One array for every field's path: only its last segment changes (locators do not keep paths).
  const fieldPath: Segment[] = [...path, ''];
  for (const field of MENTION_FIELDS) {
    const value = item[field];
    if (typeof value !== LINK_FIELD_TYPES[field]) continue;
    if (field === 'protocol' && !isProtocol(value)) continue;
    if (field === 'icon' && value === '') continue;
    fields[field] = value;
    fieldPath[path.length] = field;
    fieldLocations[field] = locator.value(fieldPath);
  }
  const ignoreChanges = readIgnoredFields(item['ignoreChanges']);
  const location = locator.value(path);
  return { name, portal, fields: fields as MentionFields, fieldLocations, location, folder, ignoreChanges };
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

/** The known field names, without repeats (the schema reported unknown ones, with a did-you-mean). */
function readIgnoredFields(value: unknown): IgnorableLinkField[] {
  if (!Array.isArray(value)) return [];
  return IGNORABLE_LINK_FIELDS.filter((field) => value.includes(field));
}

function checkMention(mention: LinkMention, subject: () => string): Diagnostic[] {
  const { link, protocol } = mention.fields;
  const { link: linkAt, protocol: protocolAt } = mention.fieldLocations;
  return [
    ...(link !== undefined && linkAt ? checkLinkTarget(link, subject, linkAt) : []),
    ...(protocol !== undefined && protocolAt ? checkProtocol(protocol, subject, protocolAt) : []),
  ];
}

function isProtocol(value: unknown): value is Protocol {
  return PROTOCOLS.some((p) => p === value);
}

function record(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
}
