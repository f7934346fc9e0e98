/** The read-only look-ups (NOTES.md, "Look-ups"): user portals, enrollment certificates, microtenants. */
import { json, type ApiContext, type ApiReply } from './api-context.js';
import { notFound } from './http-error.js';
import { scopedPortal } from './link-handlers.js';
import { pageOf } from './paging.js';
import { renderCert, renderMicrotenantSummary, renderPortal } from './read-shapes.js';
import type { SimEnrollmentCert, SimUserPortal } from './types.js';

export function listPortals(ctx: ApiContext): ApiReply {
  const render = (portal: SimUserPortal): unknown => renderPortal(portal, ctx.state, ctx.read);
  const portals =
    ctx.readings.microtenantReads === 'every-microtenant'
      ? [...ctx.state.portals.values()]
      : ctx.state.portalsIn(ctx.microtenantId);
  return json(200, pageOf(portals, ctx.query, render, ctx.fault?.lieTotalPages === true));
}

export function getPortal(ctx: ApiContext): ApiReply {
  return json(200, renderPortal(scopedPortal(ctx, ctx.params['id'] ?? ''), ctx.state, ctx.read));
}

/** Certificates belong to the tenant, not to a microtenant. */
export function listCerts(ctx: ApiContext): ApiReply {
  const render = (cert: SimEnrollmentCert): unknown => renderCert(cert, ctx.read);
  return json(200, pageOf([...ctx.state.certs.values()], ctx.query, render, ctx.fault?.lieTotalPages === true));
}

export function getCert(ctx: ApiContext): ApiReply {
  const id = ctx.params['id'] ?? '';
  const cert = ctx.state.certs.get(id);
  if (!cert) throw notFound('Enrollment certificate', id);
  return json(200, renderCert(cert, ctx.read));
}

/** A bare array, Default ("0") included. */
export function microtenantSummary(ctx: ApiContext): ApiReply {
  return json(
    200,
    [...ctx.state.microtenants.values()].map((m) => renderMicrotenantSummary(m, ctx.read)),
  );
}
