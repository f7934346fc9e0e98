/** The request log and counters: what tests read to assert the exact calls a client made. */
import { toPattern } from './faults.js';
function emptyCounters() {
    return { requests: 0, byMethod: {}, byStatus: {}, rateLimited: 0, faultsApplied: 0, tokensIssued: 0 };
}
export class RequestLog {
    entries = [];
    counts = emptyCounters();
    record(entry, rateLimited) {
        this.entries.push(entry);
        this.counts.requests += 1;
        this.counts.byMethod[entry.method] = (this.counts.byMethod[entry.method] ?? 0) + 1;
        const status = String(entry.status);
        this.counts.byStatus[status] = (this.counts.byStatus[status] ?? 0) + 1;
        if (rateLimited)
            this.counts.rateLimited += 1;
    }
    clear() {
        this.entries.length = 0;
    }
    /** Counters are kept apart from the log, so clearing the log does not lose them. */
    counters(faultsApplied, tokensIssued) {
        return {
            ...this.counts,
            byMethod: { ...this.counts.byMethod },
            byStatus: { ...this.counts.byStatus },
            faultsApplied,
            tokensIssued,
        };
    }
    clearCounters() {
        this.counts = emptyCounters();
    }
    count(filter = {}) {
        return this.matching(filter).length;
    }
    matching(filter = {}) {
        const method = filter.method?.toUpperCase();
        const pattern = toPattern(filter.path);
        return this.entries.filter((entry) => (method === undefined || entry.method === method) &&
            (pattern === undefined || pattern.test(entry.path)) &&
            (filter.status === undefined || entry.status === filter.status));
    }
}
