/**
 * The writes of user portals, as data (NOTES.md, "User portals"): a create POSTs the portal (201,
 * the whole object back), an update PUTs the whole object (204; whether PUT replaces or merges is
 * unknown, so the live object goes back with every managed field set), a delete by id.
 * `microtenantId` is a query parameter on every verb. Booleans are always sent: the vendor's SDKs
 * drop `false` (omitempty), and a portal that cannot be switched off is the bug that follows.
 */
import type { PlannedWrite, ResourceKind } from '../core/kind.js';
import type { ApiObject } from '../core/types.js';
import { assertNever } from '../core/assert-never.js';
import type { PortalCanonical } from './user-portal.js';

/** Fields the server owns or derives: never sent back in a PUT. */
const SERVER_OWNED = ['creationTime', 'modifiedTime', 'modifiedBy', 'microtenantName', 'certificateName'];
/** Derived on a managed domain (NOTES.md): left to the server to derive again. */
const MANAGED_DERIVED = ['domain', 'extDomainTranslation', 'extDomainName'];

/** The managed fields as the API takes them, in the portal's one domain mode. */
function portalFields(after: PortalCanonical): ApiObject {
  const common = {
    name: after.name,
    description: after.description,
    enabled: after.enabled,
    userNotification: after.userNotification,
    userNotificationEnabled: after.userNotificationEnabled,
  };
  return after.extLabel !== ''
    ? { ...common, extLabel: after.extLabel, extDomain: after.extDomain, managedByZs: true }
    : { ...common, domain: after.domain, certificateId: after.certificateId };
}

/** The live object, less what the server owns, with every managed field; the other mode's fields cleared. */
function updateBody(live: ApiObject | undefined, after: PortalCanonical): ApiObject {
  const body: ApiObject = { ...(live ?? {}) };
  for (const field of SERVER_OWNED) delete body[field];
  if (after.extLabel !== '') {
    for (const field of MANAGED_DERIVED) delete body[field];
    delete body['certificateId'];
  } else {
    for (const field of ['extLabel', 'extDomain', 'extDomainTranslation', 'extDomainName', 'managedByZs'])
      delete body[field];
  }
  return { ...body, ...portalFields(after) };
}

const portalPath = (id: string) => `/userPortal/${encodeURIComponent(id)}`;

export const writePortals: ResourceKind<PortalCanonical>['writes'] = (changes, liveById) => {
  const planned: PlannedWrite[] = [];
  for (const change of changes) {
    switch (change.action) {
      case 'create':
        planned.push({
          call: {
            method: 'POST',
            path: '/userPortal',
            body: portalFields(change.after),
            scoped: true,
            reply: { expect: 'object', item: 'userPortal' },
          },
          changes: [change],
          destructive: false,
        });
        break;
      case 'update':
        planned.push({
          call: {
            method: 'PUT',
            path: portalPath(change.id),
            body: updateBody(liveById.get(change.id), change.after),
            scoped: true,
            reply: { expect: 'nothing' },
          },
          changes: [change],
          destructive: false,
        });
        break;
      case 'delete':
        planned.push({
          call: { method: 'DELETE', path: portalPath(change.id), scoped: true, reply: { expect: 'nothing' } },
          changes: [change],
          destructive: true,
        });
        break;
      case 'no-op':
        break;
      default:
        assertNever(change);
    }
  }
  return planned;
};
