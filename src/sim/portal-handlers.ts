/**
 * User portal writes (NOTES.md, "User portals"): POST answers 201 with the whole object, PUT 204
 * with no body, DELETE 204. Deleting a portal that still holds links is refused: NOTES.md does not
 * know what the API does then, and every vendor test takes the links off first, so the simulator
 * takes the strictest reading.
 */
import { NO_CONTENT, json, type ApiContext, type ApiReply } from './api-context.js';
import { SimHttpError, invalidInput } from './http-error.js';
import { scopedPortal } from './link-handlers.js';
import { requireObject, requirePathId } from './link-input.js';
import { pageOf } from './paging.js';
import { parsePortalFields } from './portal-input.js';
import { renderPortal } from './read-shapes.js';
import type { SimBaCertificate } from './types.js';

function refuseDuplicate(ctx: ApiContext, name: string, except?: string): void {
  if (ctx.state.portalsIn(ctx.microtenantId).some((p) => p.name === name && p.id !== except))
    throw invalidInput(`A user portal named ${name} already exists`, name);
}

export function createPortal(ctx: ApiContext): ApiReply {
  const body = requireObject(ctx.body, 'The body');
  const fields = parsePortalFields(body, ctx.state);
  refuseDuplicate(ctx, fields.name);
  const portal = ctx.state.createPortal(fields, ctx.microtenantId);
  const reply = renderPortal(portal, ctx.state, ctx.read);
  // NOTES.md: the POST reply echoes the extDomainName sent; a later GET shows the server's.
  if (typeof body['extDomainName'] === 'string') reply['extDomainName'] = body['extDomainName'];
  return json(201, reply);
}

export function updatePortal(ctx: ApiContext): ApiReply {
  const portal = scopedPortal(ctx, ctx.params['id'] ?? '');
  const body = requireObject(ctx.body, 'The body');
  requirePathId(body, portal.id);
  const fields = parsePortalFields(body, ctx.state);
  refuseDuplicate(ctx, fields.name, portal.id);
  ctx.state.replacePortal(portal.id, fields);
  return NO_CONTENT;
}

export function deletePortal(ctx: ApiContext): ApiReply {
  const portal = scopedPortal(ctx, ctx.params['id'] ?? '');
  const links = ctx.state.linksOnPortal(portal.id).length;
  if (links > 0)
    throw new SimHttpError(
      400,
      'resource.in.use',
      `User portal ${portal.id} still holds ${links} link${links === 1 ? '' : 's'}`,
      [portal.id],
    );
  ctx.state.deletePortal(portal.id);
  return NO_CONTENT;
}

/** Browser Access certificates belong to the tenant, not to a microtenant. */
export function listBaCertificates(ctx: ApiContext): ApiReply {
  const render = (cert: SimBaCertificate): unknown => ({ id: cert.id, name: cert.name, issuedTo: cert.name });
  return json(200, pageOf([...ctx.state.baCerts.values()], ctx.query, render, ctx.fault?.lieTotalPages === true));
}
