/**
 * The writes the kinds send, as data (core/kind.ts `WriteCall`), for client tests that send one
 * through `ZpaClient.write` on their own: the same method, path, scope and reply shape as
 * src/kinds/user-portal-link-writes.ts and src/kinds/client-setting.ts, so a test exercises the
 * call the applier makes.
 */
import type { WriteCall } from '../../src/core/kind.js';
import type { ApiObject } from '../../src/core/types.js';
import type { ZpaClient } from '../../src/zpa/index.js';

const refs = (ids: readonly string[]) => ids.map((id) => ({ id }));
const linkPath = (id: string) => `/userPortalLink/${encodeURIComponent(id)}`;

/** `POST /userPortalLink`: one link on `portalIds`; the reply is the created link. */
export function createLinkCall(link: ApiObject, portalIds: readonly string[]): WriteCall {
  return {
    method: 'POST',
    path: '/userPortalLink',
    body: { ...link, userPortals: refs(portalIds) },
    scoped: true,
    reply: { expect: 'object', item: 'userPortalLink' },
  };
}

/** `POST /userPortalLink/bulk`, version negotiated by the client (v2, then v1). */
export function bulkCreateLinksCall(links: readonly ApiObject[], portalIds: readonly string[]): WriteCall {
  return {
    method: 'POST',
    path: '/userPortalLink/bulk',
    body: { userPortalLinks: links, userPortals: refs(portalIds) },
    scoped: true,
    reply: { expect: 'objects', field: 'userPortalLinks', item: 'userPortalLink' },
  };
}

/** `PUT /userPortalLink/{id}`: a full replace. */
export function updateLinkCall(id: string, body: ApiObject): WriteCall {
  return { method: 'PUT', path: linkPath(id), body, scoped: true, reply: { expect: 'nothing' } };
}

export function deleteLinkCall(id: string): WriteCall {
  return { method: 'DELETE', path: linkPath(id), scoped: true, reply: { expect: 'nothing' } };
}

/** `POST /clientSetting` upserts by type; never scoped to a microtenant (NOTES.md leaves it open). */
export function upsertClientSettingCall(body: ApiObject): WriteCall {
  return { method: 'POST', path: '/clientSetting', body, scoped: false, reply: { expect: 'client-setting' } };
}

/** `DELETE /clientSetting?type=...`: without `type` the server would delete the default setting. */
export function deleteClientSettingCall(type: string): WriteCall {
  return { method: 'DELETE', path: '/clientSetting', query: { type }, scoped: false, reply: { expect: 'nothing' } };
}

type Writer = Pick<ZpaClient, 'write'>;

// Senders: `write` has checked each reply against the call's shape, so the casts only name it.

export async function createLink(client: Writer, link: ApiObject, portalIds: readonly string[]): Promise<ApiObject> {
  return (await client.write(createLinkCall(link, portalIds))) as ApiObject;
}

export async function bulkCreateLinks(
  client: Writer,
  links: readonly ApiObject[],
  portalIds: readonly string[],
): Promise<ApiObject[]> {
  return (await client.write(bulkCreateLinksCall(links, portalIds))) as ApiObject[];
}

export async function updateLink(client: Writer, id: string, body: ApiObject): Promise<void> {
  await client.write(updateLinkCall(id, body));
}

export async function deleteLink(client: Writer, id: string): Promise<void> {
  await client.write(deleteLinkCall(id));
}

export async function upsertClientSetting(client: Writer, body: ApiObject): Promise<ApiObject | undefined> {
  return (await client.write(upsertClientSettingCall(body))) as ApiObject | undefined;
}

export async function deleteClientSetting(client: Writer, type: string): Promise<void> {
  await client.write(deleteClientSettingCall(type));
}
