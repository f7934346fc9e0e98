/**
 * The tenant in memory: maps by id (so 50,000 links stay fast) plus a cached, ordered list per
 * microtenant for paging by slicing. Every mutation goes through here, marks the state dirty
 * (for the state file) and drops the cached lists.
 */
import type { ClientCertificateType } from '../core/types.js';
import { IdGenerator, SIM_ADMIN_ID, epochSeconds } from './ids.js';
import type {
  SimBaCertificate,
  SimClientSetting,
  SimEnrollmentCert,
  SimLinkFields,
  SimMicrotenant,
  SimPortalFields,
  SimSnapshot,
  SimUserPortal,
  SimUserPortalLink,
} from './types.js';

export const DEFAULT_MICROTENANT_ID = '0';

export class SimState {
  readonly microtenants = new Map<string, SimMicrotenant>();
  readonly certs = new Map<string, SimEnrollmentCert>();
  readonly baCerts = new Map<string, SimBaCertificate>();
  readonly portals = new Map<string, SimUserPortal>();
  readonly links = new Map<string, SimUserPortalLink>();
  readonly settings = new Map<ClientCertificateType, SimClientSetting>();
  /** Set by every mutation; the owner saves the state file and clears it. */
  dirty = false;
  private ids = new IdGenerator();
  private linksByMicrotenant: Map<string, SimUserPortalLink[]> | undefined;

  /** Replace everything. Generated ids continue after `lastId` and after every id in the snapshot. */
  replace(snapshot: SimSnapshot, lastId?: string): void {
    this.ids = new IdGenerator();
    if (lastId !== undefined) this.ids.observe(lastId);
    this.microtenants.clear();
    this.certs.clear();
    this.baCerts.clear();
    for (const c of snapshot.baCertificates ?? []) this.baCerts.set(c.id, { ...c });
    this.portals.clear();
    this.links.clear();
    this.settings.clear();
    for (const m of snapshot.microtenants) this.microtenants.set(m.id, { ...m });
    for (const c of snapshot.enrollmentCerts) this.certs.set(c.id, { ...c });
    for (const p of snapshot.userPortals) this.portals.set(p.id, { ...p });
    for (const l of snapshot.userPortalLinks) this.links.set(l.id, { ...l, userPortalIds: [...l.userPortalIds] });
    for (const s of snapshot.clientSettings) this.settings.set(s.clientCertificateType, { ...s });
    for (const map of [this.microtenants, this.certs, this.baCerts, this.portals, this.links]) {
      for (const id of map.keys()) this.ids.observe(id);
    }
    for (const s of this.settings.values()) this.ids.observe(s.id);
    this.changed();
  }

  snapshot(): SimSnapshot {
    return {
      microtenants: [...this.microtenants.values()].map((m) => ({ ...m })),
      enrollmentCerts: [...this.certs.values()].map((c) => ({ ...c })),
      userPortals: [...this.portals.values()].map((p) => ({ ...p })),
      ...(this.baCerts.size > 0 ? { baCertificates: [...this.baCerts.values()].map((c) => ({ ...c })) } : {}),
      userPortalLinks: [...this.links.values()].map((l) => ({ ...l, userPortalIds: [...l.userPortalIds] })),
      clientSettings: [...this.settings.values()].map((s) => ({ ...s })),
    };
  }

  get lastId(): string {
    return this.ids.last;
  }

  /** Links of one microtenant in creation order; cached until the next change. */
  linksIn(microtenantId: string): readonly SimUserPortalLink[] {
    if (!this.linksByMicrotenant) {
      const grouped = new Map<string, SimUserPortalLink[]>();
      for (const link of this.links.values()) {
        const list = grouped.get(link.microtenantId);
        if (list) list.push(link);
        else grouped.set(link.microtenantId, [link]);
      }
      this.linksByMicrotenant = grouped;
    }
    return this.linksByMicrotenant.get(microtenantId) ?? [];
  }

  linksOnPortal(portalId: string): SimUserPortalLink[] {
    const portal = this.portals.get(portalId);
    if (!portal) return [];
    return this.linksIn(portal.microtenantId).filter((link) => link.userPortalIds.includes(portalId));
  }

  portalsIn(microtenantId: string): SimUserPortal[] {
    return [...this.portals.values()].filter((portal) => portal.microtenantId === microtenantId);
  }

  /** A new portal; its fields as a POST gives them, its id and stamps the server's. */
  createPortal(fields: SimPortalFields, microtenantId: string): SimUserPortal {
    const now = epochSeconds();
    const portal: SimUserPortal = {
      id: this.ids.next(),
      ...fields,
      microtenantId,
      creationTime: now,
      modifiedTime: now,
      modifiedBy: SIM_ADMIN_ID,
    };
    this.portals.set(portal.id, portal);
    this.changed();
    return portal;
  }

  /** A PUT replaces every writable field; identity, microtenant and creation time stay. */
  replacePortal(id: string, fields: SimPortalFields): void {
    const current = this.portals.get(id);
    if (!current) return;
    const { id: _id, microtenantId, creationTime } = current;
    this.portals.set(id, {
      ...fields,
      id,
      microtenantId,
      creationTime,
      modifiedTime: epochSeconds(),
      modifiedBy: SIM_ADMIN_ID,
    });
    this.changed();
  }

  deletePortal(id: string): void {
    if (this.portals.delete(id)) this.changed();
  }

  createLink(fields: SimLinkFields, userPortalIds: string[], microtenantId: string): SimUserPortalLink {
    const now = epochSeconds();
    const link: SimUserPortalLink = {
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
  replaceLink(id: string, fields: SimLinkFields, userPortalIds: string[]): void {
    const current = this.links.get(id);
    if (!current) return;
    this.links.set(id, {
      ...current,
      ...fields,
      userPortalIds: [...userPortalIds],
      modifiedTime: epochSeconds(),
      modifiedBy: SIM_ADMIN_ID,
    });
    this.changed();
  }

  deleteLink(id: string): boolean {
    const deleted = this.links.delete(id);
    if (deleted) this.changed();
    return deleted;
  }

  /** Create or update the one setting of a certificate type (the API's upsert POST). */
  upsertSetting(type: ClientCertificateType, cert: SimEnrollmentCert, name: string): void {
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

  deleteSetting(type: ClientCertificateType): boolean {
    const deleted = this.settings.delete(type);
    if (deleted) this.changed();
    return deleted;
  }

  private changed(): void {
    this.dirty = true;
    this.linksByMicrotenant = undefined;
  }
}
