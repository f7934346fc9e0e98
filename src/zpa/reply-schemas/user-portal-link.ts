/**
 * A user portal link as reads and create replies show it (NOTES.md, "User portal links";
 * recorded traffic: `userPortals` holds whole portal objects, empty optional fields are omitted).
 * Only fields the tool reads are constrained; others pass through to PUT bodies untouched.
 */
import { BOOLEAN, ID, NAME, OBJECT, OPTIONAL_STRING, STRING } from './common.js';

const PORTAL_REF = { ...OBJECT, required: ['id'], properties: { id: ID } } as const;

/** What a create's reply may hold: the recorded single create answers with no portals at all. */
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
      items: PORTAL_REF,
    },
  },
} as const;

/**
 * A link as a read shows it: always on at least one portal, since every create names the portals
 * it goes on and a link is deleted, not emptied, when it leaves its last one. A read item without
 * its portals would be planned as "on no portal", and a PUT made from it would take the link off
 * the portals the manifests do not manage. Create replies may lack them: they keep the schema above.
 */
export const USER_PORTAL_LINK_READ_SCHEMA = {
  ...USER_PORTAL_LINK_SCHEMA,
  required: ['id', 'name', 'userPortals'],
  properties: {
    ...USER_PORTAL_LINK_SCHEMA.properties,
    userPortals: {
      type: 'array',
      minItems: 1,
      description: 'an array of portal objects with ids, at least one (a link always sits on a portal)',
      items: PORTAL_REF,
    },
  },
} as const;
