/**
 * Live state to manifests, for bootstrapping from an existing tenant. Pure: returns the files to
 * write. The result plans to no changes: every managed field is written as the planner reads it.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import type { KindSet } from '../core/kind-set.js';
import type { ApiObject, Diagnostic, LiveState } from '../core/types.js';
import { compareIds, idOf, optionalString, unescapeHtml } from '../canonical/normalize.js';

export interface ExportOptions {
  /** False: no portal and no link at all (an export of client settings alone). Default true. */
  userPortals?: boolean;
  /** With `userPortals`, the portal names to export; empty means all. */
  portals: string[];
  clientSettings: boolean;
  /** With `clientSettings`, only these certificate types; empty or absent means all. */
  clientSettingTypes?: string[];
}

export interface ExportResult {
  /** Relative path -> content. */
  files: Map<string, string | Buffer>;
  warnings: Diagnostic[];
}

const HEADER = 'apiVersion: zpa-gitops/v1\n';

export function buildExport(live: LiveState, options: ExportOptions, kinds: KindSet): ExportResult {
  const files = new Map<string, string | Buffer>();
  const warnings: Diagnostic[] = [];
  if (options.clientSettings)
    files.set('client-settings.yaml', exportClientSettings(live, options.clientSettingTypes ?? []));

  if (options.userPortals === false) return { files, warnings };
  // Each portal's own fields as the planner reads them (its kind's canonical shape): `portal:`.
  const portalKind = kinds.owner('userPortals');
  const portals = (live['userPortals'] ?? [])
    .map((p) => ({ id: idOf(p['id']), name: unescapeHtml(optionalString(p['name'])), raw: p }))
    .filter((p) => options.portals.length === 0 || options.portals.includes(p.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : compareIds(a.id, b.id)));
  for (const wanted of options.portals) {
    if (!portals.some((p) => p.name === wanted))
      warnings.push({ severity: 'error', code: 'unknown-user-portal', message: `no user portal is named "${wanted}"` });
  }

  // Each link as the planner reads it (its kind's canonical shape), so the export plans to no change.
  const linkKind = kinds.owner('userPortalLinks');
  const links = linkKind
    ? (live['userPortalLinks'] ?? []).map((raw) => ({ raw, canonical: linkKind.canonicalLive(raw) }))
    : [];
  const counts = new Map<string, number>();
  for (const { canonical } of links) {
    const name = optionalString(canonical['name']);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }

  const written = new Set<string>();
  const usedFiles = new Set<string>();
  const iconFolders = new Set<string>();
  for (const portal of portals) {
    const entries: Record<string, unknown>[] = [];
    let prune = true;
    for (const { canonical } of links) {
      if (!(canonical['userPortals'] as string[]).includes(portal.id)) continue;
      const name = optionalString(canonical['name']);
      if ((counts.get(name) ?? 0) > 1) {
        // Exporting either twin would be a guess, and leaving them out with pruning on would delete them.
        prune = false;
        warnings.push({
          severity: 'warning',
          code: 'live-duplicate-link',
          message: `${counts.get(name)} live links are named "${name}": left out of portal "${portal.name}", which is exported with prune: false`,
        });
        continue;
      }
      if (written.has(name)) {
        entries.push({ name });
        continue;
      }
      written.add(name);
      entries.push(linkEntry(canonical, files, iconFolders));
    }
    const own = portalKind ? portalEntry(portalKind.canonicalLive(portal.raw), live) : undefined;
    const declared = { ...(own ? { portal: own } : {}), ...(prune ? {} : { prune: false }), links: entries };
    const body = { userPortals: { [portal.name]: declared } };
    // The examples' layout: portals/<name>.yaml beside client-settings.yaml and icons/.
    files.set(
      uniqueName(`portals/${fileSlug(portal.name)}`, '.yaml', usedFiles),
      HEADER + stringify(body, { lineWidth: 0 }),
    );
  }
  return { files, warnings };
}

function linkEntry(
  canonical: Record<string, unknown>,
  files: Map<string, string | Buffer>,
  iconFolders: Set<string>,
): Record<string, unknown> {
  const entry: Record<string, unknown> = { name: canonical['name'], link: canonical['link'] };
  for (const field of ['protocol', 'linkPath', 'description'] as const)
    if (canonical[field]) entry[field] = canonical[field];
  if (canonical['enabled'] === false) entry['enabled'] = false;
  const icon = optionalString(canonical['iconText']);
  const match = /^data:image\/([a-z0-9.+-]+)(?:;[^;,]+)*;base64,(.*)$/s.exec(icon);
  if (match) {
    const [, type = 'png', payload = ''] = match;
    const name = fileSlug(optionalString(canonical['name']));
    const fileName = safeFileName(optionalString(canonical['logoFileName'])) || `${name}.${extensionOf(type)}`;
    // One folder per link, so two links may carry icons of the same file name; two links whose
    // names give one slug (`CRM`, `crm`) get a folder each.
    const path = `${uniqueName(`icons/${name}`, '', iconFolders)}/${fileName}`;
    files.set(path, Buffer.from(payload, 'base64'));
    // Icon paths are relative to the manifest, which sits in portals/.
    entry['icon'] = `../${path}`;
  }
  return entry;
}

/**
 * A portal's `portal:` block: what differs from the defaults (enabled, notification off, empty
 * texts), and its domain mode; a certificate by name where the name is unique, else by id.
 */
function portalEntry(canonical: Record<string, unknown>, live: LiveState): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  if (canonical['description']) entry['description'] = canonical['description'];
  if (canonical['enabled'] === false) entry['enabled'] = false;
  if (canonical['userNotification']) entry['userNotification'] = canonical['userNotification'];
  if (canonical['userNotificationEnabled'] === true) entry['userNotificationEnabled'] = true;
  if (canonical['extLabel']) {
    entry['extLabel'] = canonical['extLabel'];
    entry['extDomain'] = canonical['extDomain'];
    return entry;
  }
  entry['domain'] = canonical['domain'];
  const certificateId = optionalString(canonical['certificateId']);
  const certs = (live['baCertificates'] ?? []).map((c) => ({
    id: idOf(c['id']),
    name: unescapeHtml(optionalString(c['name'])),
  }));
  const cert = certs.find((c) => c.id === certificateId);
  if (cert && certs.filter((c) => c.name === cert.name).length === 1) entry['certificate'] = cert.name;
  else entry['certificateId'] = certificateId;
  return entry;
}

function exportClientSettings(live: LiveState, types: readonly string[]): string {
  const certs = (live['enrollmentCerts'] ?? []).map((c) => ({
    id: idOf(c['id']),
    name: unescapeHtml(optionalString(c['name'])),
  }));
  const settings: Record<string, unknown> = {};
  const wanted = (live['clientSettings'] ?? []).filter(
    (s) => types.length === 0 || types.includes(optionalString(s['clientCertificateType'])),
  );
  const sorted = [...wanted].sort((a, b) =>
    optionalString(a['clientCertificateType']).localeCompare(optionalString(b['clientCertificateType'])),
  );
  for (const setting of sorted)
    settings[optionalString(setting['clientCertificateType'])] = settingEntry(setting, certs);
  const body = Object.keys(settings).length > 0 ? { clientSettings: settings } : {};
  return HEADER + (Object.keys(body).length > 0 ? stringify(body, { lineWidth: 0 }) : '');
}

function settingEntry(setting: ApiObject, certs: { id: string; name: string }[]): Record<string, unknown> {
  const certId = idOf(setting['enrollmentCertId'] ?? setting['signingCertId']);
  const cert = certs.find((c) => c.id === certId);
  const unique = cert && certs.filter((c) => c.name === cert.name).length === 1;
  const entry: Record<string, unknown> = unique ? { enrollmentCert: cert.name } : { enrollmentCertId: certId };
  const name = unescapeHtml(optionalString(setting['name']));
  if (name !== (cert?.name ?? '')) entry['name'] = name;
  return entry;
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'unnamed'
  );
}

/**
 * A slug short enough for any file system (255 bytes a name; a slug is ASCII): a longer one is cut
 * and given a digest of the whole name, so two long names that start alike still differ.
 */
export function fileSlug(name: string): string {
  const whole = slug(name);
  if (whole.length <= MAX_SLUG) return whole;
  const digest = createHash('sha256').update(name).digest('hex').slice(0, 10);
  return `${whole.slice(0, MAX_SLUG - digest.length - 1).replace(/-$/, '')}-${digest}`;
}

/** Room for `-2` and an extension after it, far below the usual 255-byte limit on a name. */
const MAX_SLUG = 120;

/** `image/svg+xml` is an `.svg`, `image/x-icon` an `.ico`; any other subtype is its own extension. */
function extensionOf(subtype: string): string {
  const known: Record<string, string> = { 'svg+xml': 'svg', 'x-icon': 'ico', 'vnd.microsoft.icon': 'ico' };
  return known[subtype] ?? subtype.replace(/[^a-z0-9]/g, '');
}

function safeFileName(name: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) && !name.includes('..') ? name : '';
}

/** `stem + extension`, or `stem-2 + extension` and on when that is taken. */
function uniqueName(stem: string, extension: string, used: Set<string>): string {
  let candidate = `${stem}${extension}`;
  for (let n = 2; used.has(candidate); n++) candidate = `${stem}-${n}${extension}`;
  used.add(candidate);
  return candidate;
}
