/** The request log and counters: what tests read to assert the exact calls a client made. */
import { toPattern } from './faults.js';
import type { RequestFilter, RequestLogEntry, SimCounters } from './types.js';

function emptyCounters(): SimCounters {
  return { requests: 0, byMethod: {}, byStatus: {}, rateLimited: 0, faultsApplied: 0, tokensIssued: 0 };
}

export class RequestLog {
  readonly entries: RequestLogEntry[] = [];
  private counts = emptyCounters();

  record(entry: RequestLogEntry, rateLimited: boolean): void {
    this.entries.push(entry);
    this.counts.requests += 1;
    this.counts.byMethod[entry.method] = (this.counts.byMethod[entry.method] ?? 0) + 1;
    const status = String(entry.status);
    this.counts.byStatus[status] = (this.counts.byStatus[status] ?? 0) + 1;
    if (rateLimited) this.counts.rateLimited += 1;
  }

  clear(): void {
    this.entries.length = 0;
  }

  /** Counters are kept apart from the log, so clearing the log does not lose them. */
  counters(faultsApplied: number, tokensIssued: number): SimCounters {
    return {
      ...this.counts,
      byMethod: { ...this.counts.byMethod },
      byStatus: { ...this.counts.byStatus },
      faultsApplied,
      tokensIssued,
    };
  }

  clearCounters(): void {
    this.counts = emptyCounters();
  }

  count(filter: RequestFilter = {}): number {
    return this.matching(filter).length;
  }

  matching(filter: RequestFilter = {}): RequestLogEntry[] {
    const method = filter.method?.toUpperCase();
    const pattern = toPattern(filter.path);
    return this.entries.filter(
      (entry) =>
        (method === undefined || entry.method === method) &&
        (pattern === undefined || pattern.test(entry.path)) &&
        (filter.status === undefined || entry.status === filter.status),
    );
  }
}
