import type { WriteCall } from '../core/kind.js';

/** The one write the applier needs; ZpaClient provides it. Kinds describe each call as data. */
export interface ApiWriter {
  write(call: WriteCall): Promise<unknown>;
}
