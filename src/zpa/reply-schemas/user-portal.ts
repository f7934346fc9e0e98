/**
 * A user portal from `GET /userPortal` (NOTES.md, "User portals"): matched by name, referenced by
 * id, and its own fields compared when the manifests manage it. Only fields the tool reads are
 * constrained; others pass through to PUT bodies untouched.
 */
import { BOOLEAN, ID, NAME, OBJECT, OPTIONAL_STRING } from './common.js';

export const USER_PORTAL_SCHEMA = {
  ...OBJECT,
  required: ['id', 'name'],
  properties: {
    id: ID,
    name: NAME,
    enabled: BOOLEAN,
    description: OPTIONAL_STRING,
    userNotification: OPTIONAL_STRING,
    userNotificationEnabled: BOOLEAN,
    domain: OPTIONAL_STRING,
    extLabel: OPTIONAL_STRING,
    extDomain: OPTIONAL_STRING,
    certificateId: { ...ID, type: ['string', 'integer', 'null'] },
    microtenantId: { ...ID, type: ['string', 'integer', 'null'] },
  },
} as const;
