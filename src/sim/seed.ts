/**
 * Turn a seed (a tenant described by names) into a snapshot with ids. Seeds may describe tenants
 * the API would refuse to build field by field, but not ones that cannot exist: every name must
 * resolve, and no portal may hold more than 500 links.
 */
import { IdGenerator, SIM_ADMIN_ID, epochSeconds } from './ids.js';
import { SimInputError } from './http-error.js';
import { DEFAULT_MICROTENANT_ID } from './state.js';
import { MAX_LINKS_PER_PORTAL } from './link-input.js';
import { managedDomain } from './portal-input.js';
import type { SeedLink, SimEnrollmentCert, SimSeed, SimSnapshot, SimUserPortal, SimUserPortalLink } from './types.js';

/** NOTES.md, "Look-ups": the certificates every tenant has. */
export const BUILT_IN_CERT_NAMES = ['Root', 'Client', 'Connector', 'Service Edge', 'Isolation Client'] as const;

/** The authentication domain seeded portals are on. */
const SEED_AUTH_DOMAIN = 'example.com';

/** Roughly 20 years from the seed: built-in certificates outlive any test. */
const CERT_LIFETIME_SECONDS = 20 * 365 * 24 * 3600;

interface Stamp {
  creationTime: string;
  modifiedTime: string;
  modifiedBy: string;
}

export function buildSeedSnapshot(seed: SimSeed): { snapshot: SimSnapshot; lastId: string } {
  const ids = new IdGenerator();
  // Explicit ids first, so generated ones never collide with them.
  const explicit = [
    seed.microtenants,
    seed.enrollmentCerts,
    seed.userPortals,
    seed.userPortalLinks,
    seed.baCertificates,
  ];
  for (const list of explicit) for (const item of list ?? []) if (item.id !== undefined) ids.observe(item.id);
  const now = epochSeconds();
  const stamp: Stamp = { creationTime: now, modifiedTime: now, modifiedBy: SIM_ADMIN_ID };

  const microtenants = [{ id: DEFAULT_MICROTENANT_ID, name: 'Default', enabled: true, ...stamp }];
  for (const m of seed.microtenants ?? [])
    microtenants.push({ id: m.id ?? ids.next(), name: m.name, enabled: true, ...stamp });
  const microtenantIds = uniqueNames('microtenant', microtenants);

  const certSeeds: { id?: string; name: string }[] =
    seed.enrollmentCerts ?? BUILT_IN_CERT_NAMES.map((name) => ({ name }));
  const certs = certSeeds.map((c): SimEnrollmentCert => ({
    id: c.id ?? ids.next(),
    name: c.name,
    description: '',
    allowSigning: true,
    validFromInEpochSec: now,
    validToInEpochSec: String(Number(now) + CERT_LIFETIME_SECONDS),
    ...stamp,
  }));
  const certIds = uniqueNames('enrollment certificate', certs);

  const baCertificates = (seed.baCertificates ?? []).map((c) => ({ id: c.id ?? ids.next(), name: c.name }));
  const baCertIds = uniqueNames('Browser Access certificate', baCertificates);
  const portals = (seed.userPortals ?? []).map((p): SimUserPortal => {
    const microtenantId = lookUp(microtenantIds, p.microtenant ?? 'Default', `user portal ${p.name}: microtenant`);
    const base = {
      id: p.id ?? ids.next(),
      name: p.name,
      enabled: p.enabled ?? true,
      microtenantId,
      userNotificationEnabled: true,
      ...(p.description ? { description: p.description } : {}),
      ...stamp,
    };
    if (p.domain !== undefined) {
      const certificate = p.certificate ?? '';
      const certificateId = lookUp(baCertIds, certificate, `user portal ${p.name}: Browser Access certificate`);
      return { ...base, domain: p.domain, certificateId };
    }
    // A Zscaler-managed domain on the seed's authentication domain, derived as the server derives it.
    const extLabel = portalLabel(p.name);
    return { ...base, domain: managedDomain(extLabel, SEED_AUTH_DOMAIN), extLabel, extDomain: SEED_AUTH_DOMAIN };
  });
  const portalIds = new Map<string, string>();
  for (const portal of portals) {
    const key = `${portal.microtenantId}/${portal.name}`;
    if (portalIds.has(key)) throw new SimInputError(`seed: two user portals named ${portal.name} in one microtenant`);
    portalIds.set(key, portal.id);
  }

  const perPortal = new Map<string, number>();
  const links = (seed.userPortalLinks ?? []).map((seedLink): SimUserPortalLink => {
    const microtenantId = lookUp(
      microtenantIds,
      seedLink.microtenant ?? 'Default',
      `link ${seedLink.name}: microtenant`,
    );
    const userPortalIds = [...new Set(seedLink.portals)].map((name) =>
      lookUp(portalIds, `${microtenantId}/${name}`, `link ${seedLink.name}: user portal`),
    );
    if (userPortalIds.length === 0) throw new SimInputError(`seed: link ${seedLink.name} is on no portal`);
    for (const id of userPortalIds) {
      const count = (perPortal.get(id) ?? 0) + 1;
      if (count > MAX_LINKS_PER_PORTAL)
        throw new SimInputError(`seed: a user portal holds at most ${MAX_LINKS_PER_PORTAL} links`);
      perPortal.set(id, count);
    }
    return { id: seedLink.id ?? ids.next(), ...seedLinkFields(seedLink), microtenantId, userPortalIds, ...stamp };
  });

  const seenTypes = new Set<string>();
  const clientSettings = (seed.clientSettings ?? []).map((s) => {
    if (seenTypes.has(s.clientCertificateType))
      throw new SimInputError(`seed: two client settings of type ${s.clientCertificateType}`);
    seenTypes.add(s.clientCertificateType);
    const certId = lookUp(
      certIds,
      s.enrollmentCert,
      `client setting ${s.clientCertificateType}: enrollment certificate`,
    );
    return {
      id: ids.next(),
      clientCertificateType: s.clientCertificateType,
      enrollmentCertId: certId,
      enrollmentCertName: s.enrollmentCert,
      name: s.name ?? s.enrollmentCert,
      ...stamp,
    };
  });

  const snapshot = {
    microtenants,
    enrollmentCerts: certs,
    userPortals: portals,
    userPortalLinks: links,
    clientSettings,
    ...(baCertificates.length > 0 ? { baCertificates } : {}),
  };
  return { snapshot, lastId: ids.last };
}

function seedLinkFields(
  link: SeedLink,
): Omit<SimUserPortalLink, 'id' | 'microtenantId' | 'userPortalIds' | keyof Stamp> {
  return {
    name: link.name,
    link: link.link,
    protocol: link.protocol ?? '',
    linkPath: link.linkPath ?? '',
    description: link.description ?? '',
    enabled: link.enabled ?? true,
    iconText: link.iconText ?? '',
    logoFileName: link.logoFileName ?? '',
    applicationId: link.applicationId ?? '',
  };
}

/** A seeded portal's domain label, from its name: `Engineering` gives `engineering`. */
function portalLabel(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'portal'
  );
}

function uniqueNames(what: string, items: { id: string; name: string }[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const item of items) {
    if (byName.has(item.name)) throw new SimInputError(`seed: two ${what}s named ${item.name}`);
    byName.set(item.name, item.id);
  }
  return byName;
}

function lookUp(byName: Map<string, string>, name: string, what: string): string {
  const id = byName.get(name);
  if (id === undefined) throw new SimInputError(`seed: ${what} ${name.replace(/^\d+\//, '')} does not exist`);
  return id;
}
