/**
 * One client setting (NOTES.md, "Client settings"). The type is the key, so it must be one the
 * tool knows; the certificate id is read as `enrollmentCertId ?? signingCertId`.
 */
import { CLIENT_CERTIFICATE_TYPES } from '../../core/types.js';
import { ID, NAME, OBJECT } from './common.js';

export const CLIENT_SETTING_SCHEMA = {
  ...OBJECT,
  required: ['clientCertificateType'],
  properties: {
    id: ID,
    clientCertificateType: {
      type: 'string',
      enum: [...CLIENT_CERTIFICATE_TYPES],
      description: `one of ${CLIENT_CERTIFICATE_TYPES.join(', ')}`,
    },
    name: { ...NAME, type: ['string', 'null'] },
    enrollmentCertId: { ...ID, type: ['string', 'integer', 'null'] },
    signingCertId: { ...ID, type: ['string', 'integer', 'null'] },
  },
} as const;
