import { IdGenerator, SIM_ADMIN_ID, epochSeconds } from './ids.js';
export const DEFAULT_MICROTENANT_ID = '0';
export class SimState {
    microtenants = new Map();
    certs = new Map();
    portals = new Map();
    links = new Map();
    settings = new Map();
    /** Set by every mutation; the owner saves the state file and clears it. */
    dirty = false;
    ids = new IdGenerator();
    linksByMicrotenant;
    /** Replace everything. Generated ids continue after `lastId` and after every id in the snapshot. */
    replace(snapshot, lastId) {
        this.ids = new IdGenerator();
        if (lastId !== undefined)
            this.ids.observe(lastId);
        this.microtenants.clear();
        this.certs.clear();
        this.portals.clear();
        this.links.clear();
        this.settings.clear();
        for (const m of snapshot.microtenants)
            this.microtenants.set(m.id, { ...m });
        for (const c of snapshot.enrollmentCerts)
            this.certs.set(c.id, { ...c });
        for (const p of snapshot.userPortals)
            this.portals.set(p.id, { ...p });
        for (const l of snapshot.userPortalLinks)
            this.links.set(l.id, { ...l, userPortalIds: [...l.userPortalIds] });
        for (const s of snapshot.clientSettings)
            this.settings.set(s.clientCertificateType, { ...s });
        for (const map of [this.microtenants, this.certs, this.portals, this.links]) {
            for (const id of map.keys())
                this.ids.observe(id);
        }
        for (const s of this.settings.values())
            this.ids.observe(s.id);
        this.changed();
    }
    snapshot() {
        return {
            microtenants: [...this.microtenants.values()].map((m) => ({ ...m })),
            enrollmentCerts: [...this.certs.values()].map((c) => ({ ...c })),
            userPortals: [...this.portals.values()].map((p) => ({ ...p })),
            userPortalLinks: [...this.links.values()].map((l) => ({ ...l, userPortalIds: [...l.userPortalIds] })),
            clientSettings: [...this.settings.values()].map((s) => ({ ...s })),
        };
    }
    get lastId() {
        return this.ids.last;
    }
    /** Links of one microtenant in creation order; cached until the next change. */
    linksIn(microtenantId) {
        if (!this.linksByMicrotenant) {
            const grouped = new Map();
            for (const link of this.links.values()) {
                const list = grouped.get(link.microtenantId);
                if (list)
                    list.push(link);
                else
                    grouped.set(link.microtenantId, [link]);
            }
            this.linksByMicrotenant = grouped;
        }
        return this.linksByMicrotenant.get(microtenantId) ?? [];
    }
    linksOnPortal(portalId) {
        const portal = this.portals.get(portalId);
        if (!portal)
            return [];
        return this.linksIn(portal.microtenantId).filter((link) => link.userPortalIds.includes(portalId));
    }
    portalsIn(microtenantId) {
        return [...this.portals.values()].filter((portal) => portal.microtenantId === microtenantId);
    }
    createLink(fields, userPortalIds, microtenantId) {
        const now = epochSeconds();
        const link = {
            id: this.ids.next(),
            ...fields,
            microtenantId,
            userPortalIds: [...userPortalIds],
            creationTime: now,
            modifiedTime: now,
            modifiedBy: SIM_ADMIN_ID,
        };
        this.links.set(link.id, link);
        this.changed();
        return link;
    }
    /** A PUT replaces every writable field; identity, microtenant and creation time stay. */
    replaceLink(id, fields, userPortalIds) {
        const current = this.links.get(id);
        if (!current)
            return;
        this.links.set(id, {
            ...current,
            ...fields,
            userPortalIds: [...userPortalIds],
            modifiedTime: epochSeconds(),
            modifiedBy: SIM_ADMIN_ID,
        });
        this.changed();
    }
    deleteLink(id) {
        const deleted = this.links.delete(id);
        if (deleted)
            this.changed();
        return deleted;
    }
    /** Create or update the one setting of a certificate type (the API's upsert POST). */
    upsertSetting(type, cert, name) {
        const now = epochSeconds();
        const current = this.settings.get(type);
        this.settings.set(type, {
            id: current?.id ?? this.ids.next(),
            clientCertificateType: type,
            enrollmentCertId: cert.id,
            enrollmentCertName: cert.name,
            name,
            creationTime: current?.creationTime ?? now,
            modifiedTime: now,
            modifiedBy: SIM_ADMIN_ID,
        });
        this.changed();
    }
    deleteSetting(type) {
        const deleted = this.settings.delete(type);
        if (deleted)
            this.changed();
        return deleted;
    }
    changed() {
        this.dirty = true;
        this.linksByMicrotenant = undefined;
    }
}
