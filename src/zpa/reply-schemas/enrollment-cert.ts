/** An enrollment certificate from `GET /v2/.../enrollmentCert` (NOTES.md, "Look-ups"). */
import { ID, NAME, OBJECT } from './common.js';

export const ENROLLMENT_CERT_SCHEMA = {
  ...OBJECT,
  required: ['id', 'name'],
  properties: { id: ID, name: NAME },
} as const;
