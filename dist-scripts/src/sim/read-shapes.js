import { DEFAULT_MICROTENANT_ID } from './state.js';
function text(value, options) {
    return options.htmlEscape ? value.replaceAll('&', '&amp;') : value;
}
function stamps(record) {
    return { modifiedTime: record.modifiedTime, creationTime: record.creationTime, modifiedBy: record.modifiedBy };
}
/** The recorded replies name the Default microtenant but give no id for it; others get both. */
function microtenantFields(state, microtenantId) {
    const name = state.microtenants.get(microtenantId)?.name ?? 'Default';
    return microtenantId === DEFAULT_MICROTENANT_ID
        ? { microtenantName: name }
        : { microtenantId, microtenantName: name };
}
function withOptional(reply, fields) {
    for (const [key, value] of Object.entries(fields))
        if (value !== '')
            reply[key] = value;
    return reply;
}
export function renderPortal(portal, state, options) {
    const label = portal.domain.split('.')[0] ?? portal.name;
    return {
        id: portal.id,
        ...stamps(portal),
        name: text(portal.name, options),
        enabled: portal.enabled,
        domain: portal.domain,
        userNotificationEnabled: true,
        extLabel: label,
        extDomain: 'example.com',
        extDomainName: 'example-com.d.zscalerportal.net',
        extDomainTranslation: 'example.com',
        ...microtenantFields(state, portal.microtenantId),
    };
}
function linkFields(link, options) {
    const reply = { name: text(link.name, options), enabled: link.enabled };
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
export function renderLink(link, state, options) {
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
export function renderCreatedLink(link, options) {
    return { id: link.id, ...stamps(link), ...linkFields(link, options) };
}
/** A link in the bulk reply: the page's example gives its portals as `{id, enabled}` only. */
export function renderBulkCreatedLink(link, state, options) {
    return { id: link.id, ...linkFields(link, options), userPortals: portalRefs(link.userPortalIds, state) };
}
export function portalRefs(ids, state) {
    return ids.map((id) => ({ id, enabled: state.portals.get(id)?.enabled ?? true }));
}
export function renderClientSetting(setting, state, options) {
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
export function renderCert(cert, options) {
    const reply = { id: cert.id, ...stamps(cert), name: text(cert.name, options) };
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
export function renderMicrotenantSummary(microtenant, options) {
    return { id: microtenant.id, name: text(microtenant.name, options), enabled: microtenant.enabled };
}
