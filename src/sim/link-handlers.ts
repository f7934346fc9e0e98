/**
 * User portal links (NOTES.md, "User portal links"; the vendor page). Links are scoped by the
 * `microtenantId` query parameter: a link of another microtenant is "not found".
 */
import { NO_CONTENT, json, type ApiContext, type ApiReply } from './api-context.js';
import { SimHttpError, invalidInput, notFound } from './http-error.js';
import { MAX_LINKS_PER_PORTAL, parseLinkFields, parsePortalRefs, requireObject, requirePathId } from './link-input.js';
import { pageOf } from './paging.js';
import { portalRefs, renderBulkCreatedLink, renderCreatedLink, renderLink } from './read-shapes.js';
import type { SimLinkFields, SimUserPortal, SimUserPortalLink } from './types.js';

function scopedLink(ctx: ApiContext): SimUserPortalLink {
  const id = ctx.params['id'] ?? '';
  const link = ctx.state.links.get(id);
  if (!link || link.microtenantId !== ctx.microtenantId) throw notFound('User portal link', id);
  return link;
}

export function scopedPortal(ctx: ApiContext, id: string): SimUserPortal {
  const portal = ctx.state.portals.get(id);
  if (!portal || portal.microtenantId !== ctx.microtenantId) throw notFound('User portal', id);
  return portal;
}

/**
 * Every portal must exist in the request's microtenant and keep within 500 links once `adding`
 * links land on it (a link already on the portal does not count twice).
 */
function checkPortals(ctx: ApiContext, portalIds: string[], adding: number, existing?: SimUserPortalLink): void {
  if (portalIds.length === 0) throw invalidInput('A user portal link needs at least one user portal', 'userPortals');
  for (const id of portalIds) {
    scopedPortal(ctx, id);
    const added = existing?.userPortalIds.includes(id) ? 0 : adding;
    if (added > 0 && ctx.state.linksOnPortal(id).length + added > MAX_LINKS_PER_PORTAL) {
      throw invalidInput(`User portal ${id} would hold more than ${MAX_LINKS_PER_PORTAL} links`, id);
    }
  }
}

export function listLinks(ctx: ApiContext): ApiReply {
  const render = (link: SimUserPortalLink): unknown => renderLink(link, ctx.state, ctx.read);
  const links =
    ctx.readings.microtenantReads === 'every-microtenant'
      ? [...ctx.state.links.values()]
      : ctx.state.linksIn(ctx.microtenantId);
  return json(200, pageOf(links, ctx.query, render, ctx.fault?.lieTotalPages === true));
}

export function listLinksOfPortal(ctx: ApiContext): ApiReply {
  const portal = scopedPortal(ctx, ctx.params['portalId'] ?? '');
  const render = (link: SimUserPortalLink): unknown => renderLink(link, ctx.state, ctx.read);
  return json(200, pageOf(ctx.state.linksOnPortal(portal.id), ctx.query, render, ctx.fault?.lieTotalPages === true));
}

export function getLink(ctx: ApiContext): ApiReply {
  return json(200, renderLink(scopedLink(ctx), ctx.state, ctx.read));
}

export function createLink(ctx: ApiContext): ApiReply {
  const body = requireObject(ctx.body, 'The body');
  const fields = parseLinkFields(body);
  const portalIds = parsePortalRefs(body);
  checkPortals(ctx, portalIds, 1);
  const link = ctx.state.createLink(fields, portalIds, ctx.microtenantId);
  return json(201, renderCreatedLink(link, ctx.read));
}

/**
 * Every link in the call gets the same portal set. All links are validated before any is created,
 * unless a `partialBulk` fault cuts the call short after n links (the NOTES assume partial
 * application is possible).
 */
export function bulkCreateLinks(ctx: ApiContext): ApiReply {
  const body = requireObject(ctx.body, 'The body');
  const list = body['userPortalLinks'];
  if (!Array.isArray(list) || list.length === 0)
    throw invalidInput('userPortalLinks must be a non-empty array', 'userPortalLinks');
  const fields: SimLinkFields[] = list.map((item: unknown, index) =>
    parseLinkFields(requireObject(item, `userPortalLinks[${index}]`), `userPortalLinks[${index}].`),
  );
  const portalIds = parsePortalRefs(body);
  checkPortals(ctx, portalIds, fields.length);
  const partial = ctx.fault?.partialBulk;
  const applied = partial === undefined ? fields : fields.slice(0, partial);
  const created = applied.map((f) => ctx.state.createLink(f, portalIds, ctx.microtenantId));
  if (partial !== undefined) {
    throw new SimHttpError(
      500,
      'internal.server.error',
      `Bulk create failed after ${created.length} of ${fields.length} links`,
    );
  }
  return json(201, {
    userPortalLinks: created.map((link) => renderBulkCreatedLink(link, ctx.state, ctx.read)),
    userPortals: portalRefs(portalIds, ctx.state),
  });
}

/** A PUT replaces the whole object (recorded): a field missing from the body is cleared. */
export function updateLink(ctx: ApiContext): ApiReply {
  const link = scopedLink(ctx);
  const body = requireObject(ctx.body, 'The body');
  requirePathId(body, link.id);
  const fields = parseLinkFields(body);
  const portalIds = parsePortalRefs(body);
  checkPortals(ctx, portalIds, 1, link);
  ctx.state.replaceLink(link.id, fields, portalIds);
  return NO_CONTENT;
}

export function deleteLink(ctx: ApiContext): ApiReply {
  ctx.state.deleteLink(scopedLink(ctx).id);
  return NO_CONTENT;
}
