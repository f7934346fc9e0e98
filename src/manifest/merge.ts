/**
 * Every file's declarations into one desired state. A link is one object however many portals
 * list it: its fields may be given in several mentions as long as they agree, and a mention may
 * give only the name. Each clash cites both places.
 */
import { resolve } from 'node:path';
import { compileGlob } from '../core/glob.js';
import {
  IGNORABLE_LINK_FIELDS,
  type IgnorableLinkField,
  type IgnorePattern,
  type DesiredClientSetting,
  type DesiredLinkFields,
  type DesiredPortal,
  type DesiredState,
  type Diagnostic,
  type SourceLocation,
} from '../core/types.js';
import { formatLocation } from '../core/diagnostic-order.js';
import { problem, quote, warning } from './diagnostic.js';
import type { FileDeclarations, LinkFieldName, LinkMention, PortalDeclaration } from './extract.js';

/** Where a link's icon is given; read after merging so each file is read once per link. */
export interface IconSource {
  path: string;
  /** Absolute, resolved against the manifest's folder (not yet following symlinks). */
  absolute: string;
  folder: string;
  location: SourceLocation;
}

export interface MergedLink {
  name: string;
  fields: Omit<DesiredLinkFields, 'icon'>;
  icon?: IconSource;
  portals: string[];
  location: SourceLocation;
  ignoreChanges?: IgnorableLinkField[];
}

interface LinkBuild {
  name: string;
  /**
   * The fields given so far, and where each was given. Most links are given whole in one mention,
   * so these start as that mention's own objects and are copied only if a later mention adds a
   * field (`shared` until then): no per-link copies on the common path.
   */
  fields: Partial<Omit<DesiredLinkFields, 'icon'>>;
  origins: Partial<Record<LinkFieldName, SourceLocation>>;
  shared: boolean;
  icon?: IconSource;
  definedAt?: SourceLocation;
  /** The first portal that lists it, and where; most links are listed once. */
  portal: string;
  listed: SourceLocation;
  /** Further portals -> where the link is listed there, in manifest order; for the few listed more than once. */
  alsoListed?: Map<string, SourceLocation>;
  /** From its mentions and from the portals listing it; made for the few links that have any. */
  ignoreChanges?: Set<IgnorableLinkField>;
}

export interface Merged {
  microtenant?: DesiredState['microtenant'];
  clientSettings: DesiredClientSetting[];
  portals: DesiredPortal[];
  links: MergedLink[];
  diagnostics: Diagnostic[];
}

export function mergeDeclarations(files: readonly FileDeclarations[]): Merged {
  const diagnostics: Diagnostic[] = [];
  let microtenant: DesiredState['microtenant'];
  const settings = new Map<string, DesiredClientSetting>();
  const portals = new Map<string, DesiredPortal>();
  const links = new Map<string, LinkBuild>();

  for (const file of files) {
    const wanted = file.microtenant;
    if (wanted && microtenant && !sameMicrotenant(wanted, microtenant))
      diagnostics.push(microtenantConflict(wanted, microtenant));
    microtenant ??= wanted;

    for (const setting of file.clientSettings) {
      const first = settings.get(setting.type);
      if (first)
        diagnostics.push(
          problem(
            'duplicate-client-setting',
            `client setting ${setting.type} is declared twice`,
            `first at ${formatLocation(first.location)}; keep one`,
            setting.location,
          ),
        );
      else settings.set(setting.type, setting);
    }

    for (const portal of file.portals) {
      const first = portals.get(portal.name);
      if (first) {
        diagnostics.push(
          problem(
            'duplicate-portal',
            `portal ${quote(portal.name)} is declared twice`,
            `first at ${formatLocation(first.location)}; declare each portal in one place`,
            portal.location,
          ),
        );
        continue;
      }
      portals.set(portal.name, {
        name: portal.name,
        ...(portal.absent ? { absent: true } : {}),
        ...(portal.portal ? { portal: portal.portal } : {}),
        ...(portal.ignorePortalFields.length > 0 ? { ignorePortalFields: [...portal.ignorePortalFields] } : {}),
        prune: portal.prune,
        ...(portal.ignore.length > 0 ? { ignore: portal.ignore } : {}),
        ...(portal.ignoreChanges.length > 0 ? { ignoreChanges: [...portal.ignoreChanges] } : {}),
        location: portal.location,
      });
      diagnostics.push(...repeatedPatterns(portal.name, portal.ignore));
      addMentions(links, portal, diagnostics);
    }
  }

  diagnostics.push(...listedAndIgnored([...portals.values()], links));
  const merged = finishAll(links, diagnostics);
  return {
    ...(microtenant ? { microtenant } : {}),
    clientSettings: [...settings.values()],
    portals: [...portals.values()],
    links: merged,
    diagnostics,
  };
}

// The loops over every mention and every link are functions of their own, each short enough to
// read (and for the engine to optimise) on its own.

function addMentions(links: Map<string, LinkBuild>, portal: PortalDeclaration, diagnostics: Diagnostic[]): void {
  for (const mention of portal.links) {
    const build = addMention(links, mention, diagnostics);
    if (!build) continue;
    for (const field of mention.ignoreChanges) (build.ignoreChanges ??= new Set()).add(field);
    for (const field of portal.ignoreChanges) (build.ignoreChanges ??= new Set()).add(field);
  }
}

function finishAll(links: ReadonlyMap<string, LinkBuild>, diagnostics: Diagnostic[]): MergedLink[] {
  const merged: MergedLink[] = [];
  for (const build of links.values()) {
    const link = finish(build, diagnostics);
    if (link) merged.push(link);
  }
  return merged;
}

function addMention(
  links: Map<string, LinkBuild>,
  mention: LinkMention,
  diagnostics: Diagnostic[],
): LinkBuild | undefined {
  const build = links.get(mention.name);
  if (!build) {
    const first = startBuild(mention, diagnostics);
    links.set(mention.name, first);
    return first;
  }
  const listed = listedAt(build, mention.portal);
  if (listed) {
    diagnostics.push(
      problem(
        'duplicate-link',
        `link ${quote(mention.name)} is listed twice in portal ${quote(mention.portal)}`,
        `first at ${formatLocation(listed)}; remove one`,
        mention.location,
      ),
    );
    return undefined;
  }
  (build.alsoListed ??= new Map()).set(mention.portal, mention.location);
  const given = mention.fields as Record<LinkFieldName, string | boolean>;
  for (const key in given) {
    const field = key as LinkFieldName;
    const value = given[field];
    const at = mention.fieldLocations[field] ?? mention.location;
    if (field === 'icon') {
      addIcon(build, mention, String(value), at, diagnostics);
      continue;
    }
    const fields = build.fields as Record<string, unknown>;
    const before = fields[field];
    const origin = build.origins[field];
    if (before !== undefined && origin) {
      if (before !== value) diagnostics.push(conflict(mention.name, field, value, before, at, origin));
      continue;
    }
    if (build.shared) {
      build.fields = { ...build.fields };
      build.origins = { ...build.origins };
      build.shared = false;
    }
    (build.fields as Record<string, unknown>)[field] = value;
    build.origins[field] = at;
  }
  if (mention.fields.link !== undefined) build.definedAt ??= mention.location;
  return build;
}

/** A link's first mention: its fields and their places are taken as they are (see LinkBuild). */
function startBuild(mention: LinkMention, diagnostics: Diagnostic[]): LinkBuild {
  const { fields, fieldLocations } = mention;
  const build: LinkBuild = {
    name: mention.name,
    fields,
    origins: fieldLocations,
    shared: true,
    portal: mention.portal,
    listed: mention.location,
  };
  if (fields.link !== undefined) build.definedAt = mention.location;
  if (fields.icon !== undefined) {
    const { icon, ...rest } = fields;
    build.fields = rest;
    build.origins = { ...fieldLocations };
    build.shared = false;
    addIcon(build, mention, icon, fieldLocations.icon ?? mention.location, diagnostics);
  }
  return build;
}

function addIcon(
  build: LinkBuild,
  mention: LinkMention,
  path: string,
  at: SourceLocation,
  diagnostics: Diagnostic[],
): void {
  const icon: IconSource = { path, absolute: resolve(mention.folder, path), folder: mention.folder, location: at };
  if (!build.icon) build.icon = icon;
  else if (build.icon.absolute !== icon.absolute)
    diagnostics.push(conflict(mention.name, 'icon', icon.path, build.icon.path, at, build.icon.location));
}

/** Where the link is already listed on `portal`, if it is. */
function listedAt(build: LinkBuild, portal: string): SourceLocation | undefined {
  return build.portal === portal ? build.listed : build.alsoListed?.get(portal);
}

/** Where each portal lists the link, in manifest order. */
function listings(build: LinkBuild): SourceLocation[] {
  return build.alsoListed ? [build.listed, ...build.alsoListed.values()] : [build.listed];
}

/**
 * A link the manifests list cannot also be left alone: the first `ignore` pattern (on any portal)
 * that matches a listed name is an error at each place the link is listed.
 */
function listedAndIgnored(portals: readonly DesiredPortal[], links: ReadonlyMap<string, LinkBuild>): Diagnostic[] {
  const patterns = portals.flatMap((portal) =>
    (portal.ignore ?? []).map((ignore) => ({ portal: portal.name, ignore, matches: compileGlob(ignore.pattern) })),
  );
  if (patterns.length === 0) return [];
  const diagnostics: Diagnostic[] = [];
  for (const build of links.values()) {
    const hit = patterns.find((p) => p.matches(build.name));
    if (!hit) continue;
    for (const at of listings(build))
      diagnostics.push(
        problem(
          'link-listed-and-ignored',
          `link ${quote(build.name)} is listed, but portal ${quote(hit.portal)} ignores it (pattern ${quote(hit.ignore.pattern)} at ${formatLocation(hit.ignore.location)})`,
          'a link is either managed or ignored: take it off the list, or narrow the ignore pattern',
          at,
        ),
      );
  }
  return diagnostics;
}

function repeatedPatterns(portal: string, ignore: readonly IgnorePattern[]): Diagnostic[] {
  const seen = new Map<string, IgnorePattern>();
  const diagnostics: Diagnostic[] = [];
  for (const entry of ignore) {
    const first = seen.get(entry.pattern);
    if (first)
      diagnostics.push(
        warning(
          'repeated-ignore-pattern',
          `portal ${quote(portal)} ignores ${quote(entry.pattern)} twice`,
          `first at ${formatLocation(first.location)}; remove one`,
          entry.location,
        ),
      );
    else seen.set(entry.pattern, entry);
  }
  return diagnostics;
}

function finish(build: LinkBuild, diagnostics: Diagnostic[]): MergedLink | undefined {
  const { fields } = build;
  const ignored = build.ignoreChanges;
  if (fields.link === undefined || !build.definedAt) {
    const onlyNames = Object.keys(fields).length === 0 && !build.icon;
    const message = onlyNames
      ? `link ${quote(build.name)} is only ever listed by name`
      : `link ${quote(build.name)} has no link (domain or IP address) in any mention`;
    diagnostics.push(
      problem(
        'link-not-defined',
        message,
        'give link: <domain or IP address> (and its other fields) in one of its mentions',
        build.listed,
      ),
    );
    return undefined;
  }
  const merged: MergedLink = {
    name: build.name,
    fields: fields as MergedLink['fields'],
    portals: build.alsoListed ? [build.portal, ...build.alsoListed.keys()] : [build.portal],
    location: build.definedAt,
  };
  if (build.icon) merged.icon = build.icon;
  if (ignored && ignored.size > 0) merged.ignoreChanges = IGNORABLE_LINK_FIELDS.filter((f) => ignored.has(f));
  return merged;
}

function conflict(
  name: string,
  field: string,
  value: unknown,
  before: unknown,
  at: SourceLocation,
  origin: SourceLocation,
): Diagnostic {
  return problem(
    'conflicting-link',
    `link ${quote(name)} has ${field} ${quote(value)} here but ${quote(before)} at ${formatLocation(origin)}`,
    'a link is one object on every portal: give its fields in one mention and list only its name elsewhere, or make them agree',
    at,
  );
}

type Microtenant = NonNullable<DesiredState['microtenant']>;

function sameMicrotenant(a: Microtenant, b: Microtenant): boolean {
  return 'id' in a ? 'id' in b && a.id === b.id : 'name' in b && a.name === b.name;
}

function microtenantConflict(wanted: Microtenant, first: Microtenant): Diagnostic {
  const describe = (m: Microtenant): string =>
    'id' in m ? `microtenantId ${quote(m.id)}` : `microtenant ${quote(m.name)}`;
  const sameForm = 'id' in wanted === 'id' in first;
  return problem(
    'microtenant-conflict',
    `${describe(wanted)} differs from ${describe(first)} at ${formatLocation(first.location)}`,
    sameForm
      ? 'all manifests in one run must target the same microtenant'
      : 'all manifests must target the same microtenant, named the same way (microtenant or microtenantId) in every file',
    wanted.location,
  );
}
