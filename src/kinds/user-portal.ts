/**
 * User portals, when the manifests manage them (a `portal:` block, or `absent`). Identity is the
 * name within the microtenant. A portal listed without `portal:` is only looked up (by the links
 * kind): it must exist, and its own fields are left alone. Writes are in user-portal-writes.ts.
 *
 * Domain modes (NOTES.md, "User portals"): on a Zscaler-managed domain only `extLabel` and
 * `extDomain` are compared, never the `domain`, `extDomainTranslation` or `extDomainName` the
 * server derives from them; on a customer domain `domain` and `certificateId` are.
 */
import type { DesiredObject, ResourceKind } from '../core/kind.js';
import type { ApiObject, DesiredPortal, Diagnostic, IgnorablePortalField } from '../core/types.js';
import { enabledFlag, idOf, optionalString, unescapeHtml } from '../canonical/normalize.js';
import { writePortals } from './user-portal-writes.js';

export type PortalCanonical = {
  name: string;
  description: string;
  enabled: boolean;
  userNotification: string;
  userNotificationEnabled: boolean;
  /** A Zscaler-managed domain's label and authentication domain; `""` on a customer domain. */
  extLabel: string;
  extDomain: string;
  /** A customer domain and its Browser Access certificate; `""` on a managed domain. */
  domain: string;
  certificateId: string;
};

export const PORTAL_READS = {
  userPortals: { path: '/userPortal', paged: true, scoped: true, item: 'userPortal', byId: true },
  /**
   * NOTES.md, "Look-ups": both SDKs list Browser Access certificates here; the vendor's collection
   * marks the path deprecated for `/certificate/issued`, read when this one answers 404. Tenant-wide.
   */
  baCertificates: {
    path: '/clientlessCertificate/issued',
    fallbackPath: '/certificate/issued',
    version: 'v2',
    paged: true,
    scoped: false,
    item: 'baCertificate',
  },
} as const satisfies ResourceKind['reads'];

function canonicalPortal(live: ApiObject): PortalCanonical {
  const extLabel = optionalString(live['extLabel']);
  const managed = extLabel !== '';
  return {
    name: unescapeHtml(optionalString(live['name'])),
    description: unescapeHtml(optionalString(live['description'])),
    enabled: enabledFlag(live['enabled']),
    userNotification: unescapeHtml(optionalString(live['userNotification'])),
    // Absent reads as off: the console's default, and what a portal never given one shows.
    userNotificationEnabled: live['userNotificationEnabled'] === true,
    extLabel,
    extDomain: managed ? optionalString(live['extDomain']) : '',
    domain: managed ? '' : optionalString(live['domain']),
    certificateId: managed ? '' : idOf(live['certificateId']),
  };
}

/** Portals whose own fields or whose end the manifests declare. */
function managedPortals(portals: readonly DesiredPortal[]): DesiredPortal[] {
  return portals.filter((p) => p.absent === true || p.portal !== undefined);
}

const desiredObjects: ResourceKind<PortalCanonical>['desiredObjects'] = (desired, lookUp) => {
  const objects: DesiredObject<PortalCanonical>[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const portal of managedPortals(desired.portals)) {
    const { name: key, location } = portal;
    if (portal.absent) {
      objects.push({ key, location, absent: true });
      continue;
    }
    const fields = portal.portal;
    if (!fields) continue;
    let mode: Pick<PortalCanonical, 'extLabel' | 'extDomain' | 'domain' | 'certificateId'>;
    if ('extLabel' in fields.domain) {
      mode = { extLabel: fields.domain.extLabel, extDomain: fields.domain.extDomain, domain: '', certificateId: '' };
    } else {
      const cert = lookUp('Browser Access certificate', fields.domain.certificate, 'baCertificates', fields.location);
      if ('problem' in cert) {
        diagnostics.push(cert.problem);
        continue;
      }
      mode = { extLabel: '', extDomain: '', domain: fields.domain.domain, certificateId: cert.found.id };
    }
    // Omitted fields take the console's defaults (enabled, notification off, empty texts).
    const after: PortalCanonical = {
      name: key,
      description: fields.description ?? '',
      enabled: fields.enabled ?? true,
      userNotification: fields.userNotification ?? '',
      userNotificationEnabled: fields.userNotificationEnabled ?? false,
      ...mode,
    };
    const kept = portal.ignorePortalFields ?? [];
    // Ignored fields keep their live value (never compared); a create sends the manifest's.
    objects.push({
      key,
      location,
      after: (live) => (live && kept.length > 0 ? { ...after, ...pick(live, kept) } : after),
    });
  }
  return { objects, diagnostics };
};

function pick(live: PortalCanonical, fields: readonly IgnorablePortalField[]): Partial<PortalCanonical> {
  return Object.fromEntries(fields.map((field) => [field, live[field]]));
}

export const userPortalKind: ResourceKind<PortalCanonical> = {
  name: 'userPortal',
  noun: 'user portal',
  wording: { plural: 'user portals', key: (key) => `named "${key}"`, reasons: { absent: 'declared absent' } },
  collection: 'userPortals',
  reads: PORTAL_READS,
  collectionsFor(desired) {
    const managed = managedPortals(desired.portals);
    if (managed.length === 0) return [];
    const ownDomain = managed.some((p) => p.portal !== undefined && !('extLabel' in p.portal.domain));
    return ownDomain ? ['userPortals', 'baCertificates'] : ['userPortals'];
  },
  desiredObjects,
  keyOfLive: (live) => unescapeHtml(optionalString(live['name'])),
  canonicalLive: canonicalPortal,
  writes: writePortals,
  // Beside its links, which are grouped by the portals they sit on.
  groupOf: (change) => `User portal ${change.key}`,
  references: {},
  nameTables: {},
  addressTypes: { portal: { plural: 'portals' } },
  addressesOf: (change) => [`portal:${change.key}`],
  knownAddresses: (desired, live) => [
    ...desired.portals.map((p) => `portal:${p.name}`),
    ...(live['userPortals'] ?? []).map((p) => `portal:${unescapeHtml(optionalString(p['name']))}`),
  ],
};
