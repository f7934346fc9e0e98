/**
 * State records as the API returns them: empty optional fields left out, ids and timestamps as
 * strings, portals inside links as whole objects (all recorded; NOTES.md), and, when asked, `&` in
 * names and descriptions escaped as `&amp;` (the drift of the vendor's Terraform issue #149).
 */
import type { SimState } from './state.js';
import { DEFAULT_MICROTENANT_ID } from './state.js';
import type { SimClientSetting, SimEnrollmentCert, SimMicrotenant, SimUserPortal, SimUserPortalLink } from './types.js';

export interface ReadOptions {
  htmlEscape: boolean;
}

type Reply = Record<string, unknown>;

function text(value: string, options: ReadOptions): string {
  return options.htmlEscape ? value.replaceAll('&', '&amp;') : value;
}

function stamps(record: { creationTime: string; modifiedTime: string; modifiedBy: string }): Reply {
  return { modifiedTime: record.modifiedTime, creationTime: record.creationTime, modifiedBy: record.modifiedBy };
}

/** The recorded replies name the Default microtenant but give no id for it; others get both. */
function microtenantFields(state: SimState, microtenantId: string): Reply {
  const name = state.microtenants.get(microtenantId)?.name ?? 'Default';
  return microtenantId === DEFAULT_MICROTENANT_ID
    ? { microtenantName: name }
    : { microtenantId, microtenantName: name };
}

function withOptional(reply: Reply, fields: Record<string, string>): Reply {
  for (const [key, value] of Object.entries(fields)) if (value !== '') reply[key] = value;
  return reply;
}

/**
 * A portal as every GET returns it (the recorded reply's fields). On a Zscaler-managed domain the
 * server derives `domain` and `extDomainTranslation`, and gives its own `extDomainName`; on a
 * customer domain it adds the certificate's name. `managedByZs` is never returned (NOTES.md).
 */
export function renderPortal(portal: SimUserPortal, state: SimState, options: ReadOptions): Reply {
  const reply: Reply = { id: portal.id, ...stamps(portal), name: text(portal.name, options) };
  withOptional(reply, { description: text(portal.description ?? '', options) });
  reply['enabled'] = portal.enabled;
  reply['domain'] = portal.domain;
  withOptional(reply, { userNotification: text(portal.userNotification ?? '', options) });
  reply['userNotificationEnabled'] = portal.userNotificationEnabled ?? false;
  if (portal.extLabel !== undefined) {
    const extDomain = portal.extDomain ?? '';
    Object.assign(reply, {
      extLabel: portal.extLabel,
      extDomain,
      extDomainName: `${extDomain.replace(/\./g, '-')}.d.zscalerportal.net`,
      extDomainTranslation: extDomain,
    });
  } else if (portal.certificateId !== undefined) {
    reply['certificateId'] = portal.certificateId;
    reply['certificateName'] = state.baCerts.get(portal.certificateId)?.name ?? '';
  }
  return { ...reply, ...microtenantFields(state, portal.microtenantId) };
}

function linkFields(link: SimUserPortalLink, options: ReadOptions): Reply {
  const reply: Reply = { name: text(link.name, options), enabled: link.enabled };
  withOptional(reply, { description: text(link.description, options) });
  reply['link'] = link.link;
  return withOptional(reply, {
    linkPath: link.linkPath,
    iconText: link.iconText,
    logoFileName: link.logoFileName,
    protocol: link.protocol,
    applicationId: link.applicationId,
  });
}

/** A link as every GET returns it. */
export function renderLink(link: SimUserPortalLink, state: SimState, options: ReadOptions): Reply {
  const portals = link.userPortalIds.flatMap((id) => {
    const portal = state.portals.get(id);
    return portal ? [renderPortal(portal, state, options)] : [];
  });
  return {
    id: link.id,
    ...stamps(link),
    ...microtenantFields(state, link.microtenantId),
    ...linkFields(link, options),
    userPortals: portals,
  };
}

/** The reply to a single create: the recorded one carries no portals at all. */
export function renderCreatedLink(link: SimUserPortalLink, options: ReadOptions): Reply {
  return { id: link.id, ...stamps(link), ...linkFields(link, options) };
}

/** A link in the bulk reply: the page's example gives its portals as `{id, enabled}` only. */
export function renderBulkCreatedLink(link: SimUserPortalLink, state: SimState, options: ReadOptions): Reply {
  return { id: link.id, ...linkFields(link, options), userPortals: portalRefs(link.userPortalIds, state) };
}

export function portalRefs(ids: string[], state: SimState): Reply[] {
  return ids.map((id) => ({ id, enabled: state.portals.get(id)?.enabled ?? true }));
}

export function renderClientSetting(setting: SimClientSetting, state: SimState, options: ReadOptions): Reply {
  const expiry = state.certs.get(setting.enrollmentCertId)?.validToInEpochSec;
  return {
    id: setting.id,
    ...stamps(setting),
    clientCertificateType: setting.clientCertificateType,
    ...(expiry === undefined ? {} : { signingCertExpiryInEpochSec: expiry }),
    name: text(setting.name, options),
    enrollmentCertId: setting.enrollmentCertId,
    enrollmentCertName: text(setting.enrollmentCertName, options),
  };
}

export function renderCert(cert: SimEnrollmentCert, options: ReadOptions): Reply {
  const reply: Reply = { id: cert.id, ...stamps(cert), name: text(cert.name, options) };
  withOptional(reply, { description: text(cert.description, options) });
  return {
    ...reply,
    allowSigning: cert.allowSigning,
    cName: cert.name,
    issuedBy: 'Zscaler Private Access',
    issuedTo: cert.name,
    validFromInEpochSec: cert.validFromInEpochSec,
    validToInEpochSec: cert.validToInEpochSec,
  };
}

export function renderMicrotenantSummary(microtenant: SimMicrotenant, options: ReadOptions): Reply {
  return { id: microtenant.id, name: text(microtenant.name, options), enabled: microtenant.enabled };
}
