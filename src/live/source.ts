import type { ReadCall } from '../core/kind.js';
import type { ApiObject } from '../core/types.js';

/** The reads the planner's input needs, as data; ZpaClient provides it (an interface keeps tests honest). */
export interface LiveSource {
  read(call: ReadCall): Promise<ApiObject[]>;
  /**
   * One object of a `byId` collection, or undefined when it is gone (404). Optional: a source
   * without it has every collection re-read whole.
   */
  readOne?(call: ReadCall, id: string): Promise<ApiObject | undefined>;
}
