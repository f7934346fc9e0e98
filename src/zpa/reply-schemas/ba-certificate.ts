/** A Browser Access certificate from `GET /v2/.../clientlessCertificate/issued` (NOTES.md, "Look-ups"): matched by name. */
import { ID, NAME, OBJECT } from './common.js';

export const BA_CERTIFICATE_SCHEMA = {
  ...OBJECT,
  required: ['id', 'name'],
  properties: { id: ID, name: NAME },
} as const;
