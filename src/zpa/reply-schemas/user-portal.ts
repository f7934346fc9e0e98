/** A user portal from `GET /userPortal` (NOTES.md, "Look-ups"): matched by name, referenced by id. */
import { BOOLEAN, ID, NAME, OBJECT } from './common.js';

export const USER_PORTAL_SCHEMA = {
  ...OBJECT,
  required: ['id', 'name'],
  properties: { id: ID, name: NAME, enabled: BOOLEAN, microtenantId: { ...ID, type: ['string', 'integer', 'null'] } },
} as const;
