/**
 * The write probe's calls. Its reads are the links kind's own read call; its three writes, as data
 * sent through `ZpaClient.write` (core/kind.ts `WriteCall`), are on the paths and with the reply
 * shapes the links kind uses (kinds/user-portal-link-writes.ts):
 * `microtenantId` on every call (NOTES.md), bulk create with no version so the client negotiates
 * it (v2, then v1 on a 404/405: zpa/route-versions.ts), which is what the probe reports.
 */
import { ApiError } from '../core/errors.js';
import type { ApiObject } from '../core/types.js';
import { BUILT_IN_KINDS } from '../kinds/built-in.js';
import type { ZpaClient } from '../zpa/index.js';

type Writer = Pick<ZpaClient, 'write'>;
type Reader = Pick<ZpaClient, 'read' | 'readOne'>;

const LINKS = BUILT_IN_KINDS.readCall('userPortalLinks');

const linkPath = (id: string) => `/userPortalLink/${encodeURIComponent(id)}`;

/** `POST /userPortalLink/bulk` of `links` on one portal; returns the created links. */
export async function bulkCreateProbes(client: Writer, links: ApiObject[], portalId: string): Promise<ApiObject[]> {
  const reply = await client.write({
    method: 'POST',
    path: '/userPortalLink/bulk',
    body: { userPortalLinks: links, userPortals: [{ id: portalId }] },
    scoped: true,
    // The page's reply is `{userPortalLinks: [...], userPortals: [...]}`; a bare array is accepted too.
    reply: { expect: 'objects', field: 'userPortalLinks', item: 'userPortalLink' },
  });
  // `write` checked the shape: an array of link objects.
  return Array.isArray(reply) ? (reply as ApiObject[]) : [];
}

/** `PUT /userPortalLink/{id}` replaces the whole object (NOTES.md). */
export async function updateProbe(client: Writer, id: string, body: ApiObject): Promise<void> {
  await client.write({ method: 'PUT', path: linkPath(id), body, scoped: true, reply: { expect: 'nothing' } });
}

export async function deleteProbe(client: Writer, id: string): Promise<void> {
  await client.write({ method: 'DELETE', path: linkPath(id), scoped: true, reply: { expect: 'nothing' } });
}

/** Every link in the client's microtenant, read as plan reads them. */
export function listLinks(client: Reader): Promise<ApiObject[]> {
  return client.read(LINKS);
}

/** `GET /userPortalLink/{id}`; a link that is gone fails as the API said so (404). */
export async function readProbe(client: Reader, id: string): Promise<ApiObject> {
  const link = await client.readOne(LINKS, id);
  if (link === undefined) throw new ApiError({ method: 'GET', path: linkPath(id), status: 404 });
  return link;
}
