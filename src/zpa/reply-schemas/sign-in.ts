/** Sign-in replies (NOTES.md, "Authentication"): a non-empty token, `expires_in` a string or a number. */
import { OBJECT } from './common.js';

export const SIGN_IN_SCHEMA = {
  ...OBJECT,
  required: ['access_token'],
  properties: {
    access_token: { type: 'string', minLength: 1, description: 'a non-empty string' },
    token_type: { type: ['string', 'null'], description: 'a string' },
    expires_in: { type: ['string', 'number', 'null'], description: 'a number of seconds' },
  },
} as const;
