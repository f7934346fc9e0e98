/** `GET /microtenants/summary`: a bare array `[{id, name, enabled}]` (recorded). */
import { BOOLEAN, ID, NAME, OBJECT } from './common.js';

export const MICROTENANT_SUMMARY_SCHEMA = {
  type: 'array',
  description: 'an array of microtenants',
  items: { ...OBJECT, required: ['id', 'name'], properties: { id: ID, name: NAME, enabled: BOOLEAN } },
} as const;
