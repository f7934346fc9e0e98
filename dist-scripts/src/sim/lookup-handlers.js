/** The read-only look-ups (NOTES.md, "Look-ups"): user portals, enrollment certificates, microtenants. */
import { json } from './api-context.js';
import { notFound } from './http-error.js';
import { scopedPortal } from './link-handlers.js';
import { pageOf } from './paging.js';
import { renderCert, renderMicrotenantSummary, renderPortal } from './read-shapes.js';
export function listPortals(ctx) {
    const render = (portal) => renderPortal(portal, ctx.state, ctx.read);
    return json(200, pageOf(ctx.state.portalsIn(ctx.microtenantId), ctx.query, render, ctx.fault?.lieTotalPages === true));
}
export function getPortal(ctx) {
    return json(200, renderPortal(scopedPortal(ctx, ctx.params['id'] ?? ''), ctx.state, ctx.read));
}
/** Certificates belong to the tenant, not to a microtenant. */
export function listCerts(ctx) {
    const render = (cert) => renderCert(cert, ctx.read);
    return json(200, pageOf([...ctx.state.certs.values()], ctx.query, render, ctx.fault?.lieTotalPages === true));
}
export function getCert(ctx) {
    const id = ctx.params['id'] ?? '';
    const cert = ctx.state.certs.get(id);
    if (!cert)
        throw notFound('Enrollment certificate', id);
    return json(200, renderCert(cert, ctx.read));
}
/** A bare array, Default ("0") included. */
export function microtenantSummary(ctx) {
    return json(200, [...ctx.state.microtenants.values()].map((m) => renderMicrotenantSummary(m, ctx.read)));
}
