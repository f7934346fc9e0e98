import type { ReadCall } from '../core/kind.js';
import type { ApiObject, PlanTarget } from '../core/types.js';

/** The reads the planner's input needs, as data; ZpaClient provides it (an interface keeps tests honest). */
export interface LiveSource {
  /**
   * The tenant and microtenant read: where given, a re-read leaves out objects of another
   * microtenant, as the planner does (planner/set-aside.ts).
   */
  readonly target?: PlanTarget;
  read(call: ReadCall): Promise<ApiObject[]>;
  /**
   * One object of a `byId` collection, or undefined when it is gone (404). Optional: a source
   * without it has every collection re-read whole.
   */
  readOne?(call: ReadCall, id: string): Promise<ApiObject | undefined>;
}
