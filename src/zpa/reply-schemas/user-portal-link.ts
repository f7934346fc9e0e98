/**
 * A user portal link as reads and create replies show it (NOTES.md, "User portal links";
 * recorded traffic: `userPortals` holds whole portal objects, empty optional fields are omitted).
 * Only fields the tool reads are constrained; others pass through to PUT bodies untouched.
 */
import { BOOLEAN, ID, NAME, OBJECT, OPTIONAL_STRING, STRING } from './common.js';

export const USER_PORTAL_LINK_SCHEMA = {
  ...OBJECT,
  required: ['id', 'name'],
  properties: {
    id: ID,
    name: NAME,
    link: STRING,
    protocol: OPTIONAL_STRING,
    linkPath: OPTIONAL_STRING,
    description: OPTIONAL_STRING,
    iconText: OPTIONAL_STRING,
    logoFileName: OPTIONAL_STRING,
    enabled: BOOLEAN,
    microtenantId: { ...ID, type: ['string', 'integer', 'null'] },
    userPortals: {
      type: ['array', 'null'],
      description: 'an array of portal objects with ids',
      items: { ...OBJECT, required: ['id'], properties: { id: ID } },
    },
  },
} as const;
