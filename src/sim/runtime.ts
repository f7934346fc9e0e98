/**
 * Everything one simulator instance holds: state, tokens, limiter, faults, request log, and the
 * operations the in-process handle and the `/__sim` control surface share.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { SimReadings } from './api-readings.js';
import { GatewayCounters } from './gateway-headers.js';
import { FaultQueue } from './faults.js';
import { loadStateFile, saveStateFile } from './persist.js';
import { FixedWindowLimiter } from './rate-limiter.js';
import { ReadLag } from './read-lag.js';
import { RequestLog } from './request-log.js';
import { buildSeedSnapshot } from './seed.js';
import { DEFAULT_MICROTENANT_ID, SimState } from './state.js';
import { parseSnapshot } from './control-input.js';
import { TokenStore } from './tokens.js';
import type { RateLimits, RequestLogEntry, SimCounters, SimSeed, SimSnapshot } from './types.js';

export interface RuntimeOptions {
  customerId: string;
  clientId: string;
  /** Undefined: the state file's, else a new random one. */
  clientSecret: string | undefined;
  tokenLifetimeSeconds: number;
  rateLimits: RateLimits | false;
  htmlEscape: boolean;
  seed: SimSeed;
  stateFile: string | undefined;
  onRequest: ((entry: RequestLogEntry) => void) | undefined;
  /** Rate windows, token lifetimes, log stamps and held replies follow it. */
  clock: Clock;
}

/** Variables that point zpa-gitops at the simulator with a legacy API key. */
export interface SimEnv {
  ZPA_CLIENT_ID: string;
  ZPA_CLIENT_SECRET: string;
  ZPA_CUSTOMER_ID: string;
  ZPA_CLOUD: string;
}

/** The same through OneAPI; the token endpoint and the API are both served at the base URL. */
export interface SimOneApiEnv {
  ZSCALER_CLIENT_ID: string;
  ZSCALER_CLIENT_SECRET: string;
  ZSCALER_VANITY_DOMAIN: string;
  ZSCALER_CLOUD: string;
  ZPA_CUSTOMER_ID: string;
}

/**
 * A snapshot passed where a seed is expected (`sim.seed(sim.snapshot())`): snapshots always hold
 * the Default microtenant with its id "0", which a seed never lists (it is implicit there).
 */
export function isSnapshot(value: unknown): value is SimSnapshot {
  if (typeof value !== 'object' || value === null || !('microtenants' in value)) return false;
  const microtenants: unknown = value.microtenants;
  return (
    Array.isArray(microtenants) &&
    microtenants.some(
      (m: unknown) => typeof m === 'object' && m !== null && 'id' in m && m.id === DEFAULT_MICROTENANT_ID,
    )
  );
}

export class SimRuntime {
  readonly state = new SimState();
  readonly tokens: TokenStore;
  readonly faults = new FaultQueue();
  readonly log = new RequestLog();
  /** How the API answers where the vendor's sources disagree (api-readings.ts). */
  readonly readings = new SimReadings();
  readonly limiter: FixedWindowLimiter;
  /** Reads that answer from the tenant of a moment ago (read-lag.ts); off unless set. */
  readonly readLag: ReadLag;
  /** The OneAPI gateway's counters, sent when the `oneApiGateway` reading asks (gateway-headers.ts). */
  readonly gateway: GatewayCounters;
  /** Set once the server listens. */
  baseUrl = '';
  /**
   * The one secret sign-in accepts: given, kept in the state file, or random per run, so a secret
   * printed once is no key to another run (and no constant a page could know).
   */
  readonly clientSecret: string;

  constructor(readonly options: RuntimeOptions) {
    this.limiter = new FixedWindowLimiter(options.rateLimits);
    this.tokens = new TokenStore(options.clock);
    this.readLag = new ReadLag(options.clock);
    this.gateway = new GatewayCounters(options.clock);
    const saved = options.stateFile === undefined ? undefined : loadStateFile(options.stateFile);
    this.clientSecret = options.clientSecret ?? saved?.clientSecret ?? randomSecret();
    if (saved) {
      this.state.replace(saved.snapshot, saved.lastId);
      // A file without this secret (new, or written before it kept one) is saved with it now.
      if (saved.clientSecret !== this.clientSecret) this.state.dirty = true;
      this.persist();
    } else this.seed(options.seed);
  }

  /** Replace the tenant with a seed (or a snapshot, as `snapshot()` returns it). */
  seed(seed: SimSeed | SimSnapshot): void {
    if (isSnapshot(seed)) {
      this.loadSnapshot(seed);
      return;
    }
    const built = buildSeedSnapshot(seed);
    this.state.replace(built.snapshot, built.lastId);
    this.readLag.forget();
    this.persist();
  }

  loadSnapshot(snapshot: unknown): void {
    // Checked even in-process: a hand-edited snapshot is the likeliest to be malformed.
    this.state.replace(parseSnapshot(snapshot));
    this.readLag.forget();
    this.persist();
  }

  /** Back to the starting seed, with an empty log, no faults, fresh counters and rate windows. */
  reset(): void {
    this.seed(this.options.seed);
    this.log.clear();
    this.clearCounters();
    this.faults.clear();
    this.limiter.reset();
  }

  /** Save the state file if anything changed since the last save. */
  persist(): void {
    if (!this.state.dirty) return;
    this.state.dirty = false;
    if (this.options.stateFile !== undefined)
      saveStateFile(this.options.stateFile, this.state.snapshot(), this.state.lastId, this.clientSecret);
  }

  record(entry: RequestLogEntry, rateLimited: boolean): void {
    this.log.record(entry, rateLimited);
    try {
      this.options.onRequest?.(entry);
    } catch {
      // A failing observer must not break the simulated API.
    }
  }

  counters(): SimCounters {
    return this.log.counters(this.faults.applied, this.tokens.issued);
  }

  clearCounters(): void {
    this.log.clearCounters();
    this.faults.applied = 0;
    this.tokens.issued = 0;
  }

  env(): SimEnv {
    const o = this.options;
    return {
      ZPA_CLIENT_ID: o.clientId,
      ZPA_CLIENT_SECRET: this.clientSecret,
      ZPA_CUSTOMER_ID: o.customerId,
      ZPA_CLOUD: this.baseUrl,
    };
  }

  oneApiEnv(): SimOneApiEnv {
    const o = this.options;
    return {
      ZSCALER_CLIENT_ID: o.clientId,
      ZSCALER_CLIENT_SECRET: this.clientSecret,
      ZSCALER_VANITY_DOMAIN: 'sim',
      ZSCALER_CLOUD: this.baseUrl,
      ZPA_CUSTOMER_ID: o.customerId,
    };
  }
}

/** 144 random bits, in characters a shell needs no quotes for. */
function randomSecret(): string {
  return `sim-${randomBytes(18).toString('base64url')}`;
}
