/**
 * Injected faults: a queue of one-shot (or n-shot) misbehaviours matched by method and path. One
 * request takes at most one fault: the first pending one that matches and can apply to it.
 */
import jsonpatch from 'fast-json-patch';
import { SimInputError } from './http-error.js';
import type { Reply } from './http-io.js';
import type { SimFault, SimReplyPatch } from './types.js';

/** The effect names, as the request log reports them. */
const FAULT_EFFECTS = [
  'delayMs',
  'status',
  'resetBeforeApply',
  'resetAfterApply',
  'malformedJson',
  'lieTotalPages',
  'partialBulk',
  'patchReply',
  'rawBody',
] as const;

export interface FaultTarget {
  method: string;
  path: string;
  paged: boolean;
  bulk: boolean;
}

interface PendingFault {
  fault: SimFault;
  pathPattern: RegExp | undefined;
  remaining: number;
}

/** A pending fault as JSON (its path as a string), for `GET /__sim/faults`. */
export type PendingFaultView = Omit<SimFault, 'path' | 'times'> & { path?: string; remaining: number };

/**
 * A path filter as a RegExp. Stateful flags are dropped: a `g` regex's `test()` would otherwise
 * alternate between matching and not on the same path.
 */
export function toPattern(path: RegExp | string | undefined): RegExp | undefined {
  if (path === undefined) return undefined;
  if (path instanceof RegExp) return new RegExp(path.source, path.flags.replace(/[gy]/g, ''));
  try {
    return new RegExp(path);
  } catch {
    throw new SimInputError(`fault path is not a regular expression: ${path}`);
  }
}

function checkFault(fault: SimFault): void {
  const times = fault.times ?? 1;
  if (!Number.isInteger(times) || times < 1) throw new SimInputError('fault times must be a positive integer');
  if (fault.status !== undefined && (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599)) {
    throw new SimInputError('fault status must be an HTTP status (100-599)');
  }
  if (fault.delayMs !== undefined && (!(fault.delayMs >= 0) || !Number.isFinite(fault.delayMs))) {
    throw new SimInputError('fault delayMs must be a non-negative number');
  }
  if (fault.partialBulk !== undefined && (!Number.isInteger(fault.partialBulk) || fault.partialBulk < 0)) {
    throw new SimInputError('fault partialBulk must be a non-negative integer');
  }
  if (fault.patchReply !== undefined) checkPatch(fault.patchReply);
  if (describeFault(fault) === '')
    throw new SimInputError(`a fault needs at least one effect: ${FAULT_EFFECTS.join(', ')}`);
}

function checkPatch(patch: SimReplyPatch[]): void {
  const error = jsonpatch.validate(patch as jsonpatch.Operation[]);
  if (error) throw new SimInputError(`fault patchReply is not a JSON Patch: ${error.message}`);
}

/**
 * The processed reply as a `patchReply` or `rawBody` fault rewrites it. A patch that does not fit
 * the reply (a path it lacks) is a test's mistake: the reply then says so with a 500.
 */
export function rewriteReply(reply: Reply, fault: SimFault): Reply {
  if (fault.rawBody !== undefined) return { status: 200, text: fault.rawBody };
  if (fault.patchReply === undefined) return reply;
  try {
    const body = jsonpatch.applyPatch(
      jsonpatch.deepClone(reply.body) as object,
      fault.patchReply as jsonpatch.Operation[],
    ).newDocument;
    return { ...reply, body };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 500, body: { id: 'sim.patch.failed', reason: `patchReply did not apply: ${reason}` } };
  }
}

/** The effects a fault carries, e.g. `delayMs+status`. */
export function describeFault(fault: SimFault): string {
  return FAULT_EFFECTS.filter((effect) => {
    const value = fault[effect];
    return typeof value === 'boolean' ? value : value !== undefined;
  }).join('+');
}

function applies(fault: SimFault, target: FaultTarget): boolean {
  if (fault.lieTotalPages && !target.paged) return false;
  if (fault.partialBulk !== undefined && !target.bulk) return false;
  return true;
}

export class FaultQueue {
  private pending: PendingFault[] = [];
  applied = 0;

  add(fault: SimFault): void {
    checkFault(fault);
    this.pending.push({ fault: { ...fault }, pathPattern: toPattern(fault.path), remaining: fault.times ?? 1 });
  }

  /** Consume one use of the first fault that matches `target`. */
  take(target: FaultTarget): SimFault | undefined {
    const index = this.pending.findIndex(
      ({ fault, pathPattern }) =>
        (fault.method === undefined || fault.method.toUpperCase() === target.method) &&
        (pathPattern === undefined || pathPattern.test(target.path)) &&
        applies(fault, target),
    );
    const entry = this.pending[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.pending.splice(index, 1);
    this.applied += 1;
    return entry.fault;
  }

  clear(): void {
    this.pending = [];
  }

  list(): PendingFaultView[] {
    return this.pending.map(({ fault, remaining }) => {
      const { path, times: _times, ...rest } = fault;
      return {
        ...rest,
        ...(path === undefined ? {} : { path: path instanceof RegExp ? path.source : path }),
        remaining,
      };
    });
  }
}
