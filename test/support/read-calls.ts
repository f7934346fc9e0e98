/**
 * The reads the kinds make, as data (core/kind.ts `ReadCall`), for client tests that send one
 * through `ZpaClient.read` on their own: the kinds' own calls, so a test exercises the read a plan
 * makes.
 */
import { BUILT_IN_KINDS } from '../../src/kinds/built-in.js';

export { MICROTENANTS_READ } from '../../src/live/microtenants.js';

export const LINKS_READ = BUILT_IN_KINDS.readCall('userPortalLinks');
export const PORTALS_READ = BUILT_IN_KINDS.readCall('userPortals');
export const CLIENT_SETTINGS_READ = BUILT_IN_KINDS.readCall('clientSettings');
export const ENROLLMENT_CERTS_READ = BUILT_IN_KINDS.readCall('enrollmentCerts');
