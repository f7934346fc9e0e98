/**
 * One client setting (NOTES.md, "Client settings"). The type is the key, so it must be a string; a
 * type the tool does not know is not a reason to refuse the read (NOTES.md: the set of types is not
 * settled), the kind leaves it unmanaged. The certificate id is read as `enrollmentCertId ?? signingCertId`.
 */
import { ID, NAME, OBJECT } from './common.js';

export const CLIENT_SETTING_SCHEMA = {
  ...OBJECT,
  required: ['clientCertificateType'],
  properties: {
    id: ID,
    clientCertificateType: { type: 'string', minLength: 1, description: 'a client certificate type' },
    name: { ...NAME, type: ['string', 'null'] },
    enrollmentCertId: { ...ID, type: ['string', 'integer', 'null'] },
    signingCertId: { ...ID, type: ['string', 'integer', 'null'] },
  },
} as const;
