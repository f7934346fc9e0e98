/**
 * Turn a seed (a tenant described by names) into a snapshot with ids. Seeds may describe tenants
 * the API would refuse to build field by field, but not ones that cannot exist: every name must
 * resolve, and no portal may hold more than 500 links.
 */
import { IdGenerator, SIM_ADMIN_ID, epochSeconds } from './ids.js';
import { SimInputError } from './http-error.js';
import { DEFAULT_MICROTENANT_ID } from './state.js';
import { MAX_LINKS_PER_PORTAL } from './link-input.js';
/** NOTES.md, "Look-ups": the certificates every tenant has. */
export const BUILT_IN_CERT_NAMES = ['Root', 'Client', 'Connector', 'Service Edge', 'Isolation Client'];
/** Roughly 20 years from the seed: built-in certificates outlive any test. */
const CERT_LIFETIME_SECONDS = 20 * 365 * 24 * 3600;
export function buildSeedSnapshot(seed) {
    const ids = new IdGenerator();
    // Explicit ids first, so generated ones never collide with them.
    const explicit = [seed.microtenants, seed.enrollmentCerts, seed.userPortals, seed.userPortalLinks];
    for (const list of explicit)
        for (const item of list ?? [])
            if (item.id !== undefined)
                ids.observe(item.id);
    const now = epochSeconds();
    const stamp = { creationTime: now, modifiedTime: now, modifiedBy: SIM_ADMIN_ID };
    const microtenants = [{ id: DEFAULT_MICROTENANT_ID, name: 'Default', enabled: true, ...stamp }];
    for (const m of seed.microtenants ?? [])
        microtenants.push({ id: m.id ?? ids.next(), name: m.name, enabled: true, ...stamp });
    const microtenantIds = uniqueNames('microtenant', microtenants);
    const certSeeds = seed.enrollmentCerts ?? BUILT_IN_CERT_NAMES.map((name) => ({ name }));
    const certs = certSeeds.map((c) => ({
        id: c.id ?? ids.next(),
        name: c.name,
        description: '',
        allowSigning: true,
        validFromInEpochSec: now,
        validToInEpochSec: String(Number(now) + CERT_LIFETIME_SECONDS),
        ...stamp,
    }));
    const certIds = uniqueNames('enrollment certificate', certs);
    const portals = (seed.userPortals ?? []).map((p) => {
        const microtenantId = lookUp(microtenantIds, p.microtenant ?? 'Default', `user portal ${p.name}: microtenant`);
        return {
            id: p.id ?? ids.next(),
            name: p.name,
            enabled: p.enabled ?? true,
            domain: portalDomain(p.name),
            microtenantId,
            ...stamp,
        };
    });
    const portalIds = new Map();
    for (const portal of portals) {
        const key = `${portal.microtenantId}/${portal.name}`;
        if (portalIds.has(key))
            throw new SimInputError(`seed: two user portals named ${portal.name} in one microtenant`);
        portalIds.set(key, portal.id);
    }
    const perPortal = new Map();
    const links = (seed.userPortalLinks ?? []).map((seedLink) => {
        const microtenantId = lookUp(microtenantIds, seedLink.microtenant ?? 'Default', `link ${seedLink.name}: microtenant`);
        const userPortalIds = [...new Set(seedLink.portals)].map((name) => lookUp(portalIds, `${microtenantId}/${name}`, `link ${seedLink.name}: user portal`));
        if (userPortalIds.length === 0)
            throw new SimInputError(`seed: link ${seedLink.name} is on no portal`);
        for (const id of userPortalIds) {
            const count = (perPortal.get(id) ?? 0) + 1;
            if (count > MAX_LINKS_PER_PORTAL)
                throw new SimInputError(`seed: a user portal holds at most ${MAX_LINKS_PER_PORTAL} links`);
            perPortal.set(id, count);
        }
        return { id: seedLink.id ?? ids.next(), ...seedLinkFields(seedLink), microtenantId, userPortalIds, ...stamp };
    });
    const seenTypes = new Set();
    const clientSettings = (seed.clientSettings ?? []).map((s) => {
        if (seenTypes.has(s.clientCertificateType))
            throw new SimInputError(`seed: two client settings of type ${s.clientCertificateType}`);
        seenTypes.add(s.clientCertificateType);
        const certId = lookUp(certIds, s.enrollmentCert, `client setting ${s.clientCertificateType}: enrollment certificate`);
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
    };
    return { snapshot, lastId: ids.last };
}
function seedLinkFields(link) {
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
/** A portal's domain as the API shows it, e.g. `engineering.d.zscalerportal.net`. */
export function portalDomain(name) {
    const label = name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'portal';
    return `${label}.d.zscalerportal.net`;
}
function uniqueNames(what, items) {
    const byName = new Map();
    for (const item of items) {
        if (byName.has(item.name))
            throw new SimInputError(`seed: two ${what}s named ${item.name}`);
        byName.set(item.name, item.id);
    }
    return byName;
}
function lookUp(byName, name, what) {
    const id = byName.get(name);
    if (id === undefined)
        throw new SimInputError(`seed: ${what} ${name.replace(/^\d+\//, '')} does not exist`);
    return id;
}
