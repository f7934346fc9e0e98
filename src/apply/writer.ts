import type { ApiObject } from '../core/types.js';
import type { WriteOp } from '../kinds/kind.js';

/** The writes the applier needs; ZpaClient provides them. */
export interface ApiWriter {
  upsertClientSetting(body: ApiObject): Promise<unknown>;
  deleteClientSetting(type: string): Promise<unknown>;
  createUserPortalLink(link: ApiObject, portalIds: string[]): Promise<unknown>;
  bulkCreateUserPortalLinks(links: ApiObject[], portalIds: string[]): Promise<unknown>;
  updateUserPortalLink(id: string, body: ApiObject): Promise<unknown>;
  deleteUserPortalLink(id: string): Promise<unknown>;
}

export async function sendWrite(op: WriteOp, writer: ApiWriter): Promise<void> {
  switch (op.call) {
    case 'upsertClientSetting':
      await writer.upsertClientSetting(op.body);
      return;
    case 'deleteClientSetting':
      await writer.deleteClientSetting(op.type);
      return;
    case 'createUserPortalLink':
      await writer.createUserPortalLink(op.link, op.portalIds);
      return;
    case 'bulkCreateUserPortalLinks':
      await writer.bulkCreateUserPortalLinks(op.links, op.portalIds);
      return;
    case 'updateUserPortalLink':
      await writer.updateUserPortalLink(op.id, op.body);
      return;
    case 'deleteUserPortalLink':
      await writer.deleteUserPortalLink(op.id);
      return;
  }
}
