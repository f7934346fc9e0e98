import { SimReadings } from './api-readings.js';
import { FaultQueue } from './faults.js';
import { loadStateFile, saveStateFile } from './persist.js';
import { RateLimiter } from './rate-limiter.js';
import { RequestLog } from './request-log.js';
import { buildSeedSnapshot } from './seed.js';
import { DEFAULT_MICROTENANT_ID, SimState } from './state.js';
import { parseSnapshot } from './control-input.js';
import { TokenStore } from './tokens.js';
/**
 * A snapshot passed where a seed is expected (`sim.seed(sim.snapshot())`): snapshots always hold
 * the Default microtenant with its id "0", which a seed never lists (it is implicit there).
 */
export function isSnapshot(value) {
    if (typeof value !== 'object' || value === null || !('microtenants' in value))
        return false;
    const microtenants = value.microtenants;
    return (Array.isArray(microtenants) &&
        microtenants.some((m) => typeof m === 'object' && m !== null && 'id' in m && m.id === DEFAULT_MICROTENANT_ID));
}
export class SimRuntime {
    options;
    state = new SimState();
    tokens;
    faults = new FaultQueue();
    log = new RequestLog();
    /** How the API answers where the vendor's sources disagree (api-readings.ts). */
    readings = new SimReadings();
    limiter;
    /** Set once the server listens. */
    baseUrl = '';
    constructor(options) {
        this.options = options;
        this.limiter = new RateLimiter(options.rateLimits);
        this.tokens = new TokenStore(options.clock);
        const saved = options.stateFile === undefined ? undefined : loadStateFile(options.stateFile);
        if (saved)
            this.state.replace(saved.snapshot, saved.lastId);
        else
            this.seed(options.seed);
    }
    /** Replace the tenant with a seed (or a snapshot, as `snapshot()` returns it). */
    seed(seed) {
        if (isSnapshot(seed)) {
            this.loadSnapshot(seed);
            return;
        }
        const built = buildSeedSnapshot(seed);
        this.state.replace(built.snapshot, built.lastId);
        this.persist();
    }
    loadSnapshot(snapshot) {
        // Checked even in-process: a hand-edited snapshot is the likeliest to be malformed.
        this.state.replace(parseSnapshot(snapshot));
        this.persist();
    }
    /** Back to the starting seed, with an empty log, no faults, fresh counters and rate windows. */
    reset() {
        this.seed(this.options.seed);
        this.log.clear();
        this.clearCounters();
        this.faults.clear();
        this.limiter.reset();
    }
    /** Save the state file if anything changed since the last save. */
    persist() {
        if (!this.state.dirty)
            return;
        this.state.dirty = false;
        if (this.options.stateFile !== undefined)
            saveStateFile(this.options.stateFile, this.state.snapshot(), this.state.lastId);
    }
    record(entry, rateLimited) {
        this.log.record(entry, rateLimited);
        try {
            this.options.onRequest?.(entry);
        }
        catch {
            // A failing observer must not break the simulated API.
        }
    }
    counters() {
        return this.log.counters(this.faults.applied, this.tokens.issued);
    }
    clearCounters() {
        this.log.clearCounters();
        this.faults.applied = 0;
        this.tokens.issued = 0;
    }
    env() {
        const o = this.options;
        return {
            ZPA_CLIENT_ID: o.clientId,
            ZPA_CLIENT_SECRET: o.clientSecret,
            ZPA_CUSTOMER_ID: o.customerId,
            ZPA_CLOUD: this.baseUrl,
        };
    }
    oneApiEnv() {
        const o = this.options;
        return {
            ZSCALER_CLIENT_ID: o.clientId,
            ZSCALER_CLIENT_SECRET: o.clientSecret,
            ZSCALER_VANITY_DOMAIN: 'sim',
            ZSCALER_CLOUD: this.baseUrl,
            ZPA_CUSTOMER_ID: o.customerId,
        };
    }
}
