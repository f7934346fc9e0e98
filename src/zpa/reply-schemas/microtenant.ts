/** One microtenant of `GET /microtenants/summary`, whose reply is a bare array of them (recorded). */
import { BOOLEAN, ID, NAME, OBJECT } from './common.js';

export const MICROTENANT_SCHEMA = {
  ...OBJECT,
  required: ['id', 'name'],
  properties: { id: ID, name: NAME, enabled: BOOLEAN },
} as const;
