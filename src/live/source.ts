import type { ApiObject } from '../core/types.js';

/** The reads the planner's input needs; ZpaClient provides them (an interface keeps tests honest). */
export interface LiveSource {
  listClientSettings(): Promise<ApiObject[]>;
  listUserPortalLinks(): Promise<ApiObject[]>;
  listUserPortals(): Promise<ApiObject[]>;
  listEnrollmentCerts(): Promise<ApiObject[]>;
  listMicrotenants(): Promise<ApiObject[]>;
}
