/** What every API handler receives and returns. Handlers are synchronous: state changes are atomic. */
import type { ApiReadings } from './api-readings.js';
import type { ReadOptions } from './read-shapes.js';
import type { SimState } from './state.js';
import type { SimFault } from './types.js';

export interface ApiContext {
  state: SimState;
  /** Path parameters, e.g. `id`. */
  params: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON body; undefined when there was none. */
  body: unknown;
  /** From the `microtenantId` query parameter, already checked to exist; "0" when omitted. */
  microtenantId: string;
  read: ReadOptions;
  /** How to answer where the vendor's sources disagree. */
  readings: Readonly<ApiReadings>;
  /** The fault chosen for this request, for the effects a handler applies itself. */
  fault: SimFault | undefined;
}

export interface ApiReply {
  status: number;
  /** Undefined means no body (204). */
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: ApiContext) => ApiReply;

export function json(status: number, body: unknown): ApiReply {
  return { status, body };
}

export const NO_CONTENT: ApiReply = { status: 204 };
