/**
 * The shapes every module shares. Types only: no behaviour lives here.
 * Ids are strings end to end: ZPA ids are 64-bit integers that exceed 2^53.
 */
export const CLIENT_CERTIFICATE_TYPES = ['ZAPP_CLIENT', 'ISOLATION_CLIENT', 'APP_PROTECTION', 'NONE'];
