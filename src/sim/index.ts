/**
 * The ZPA simulator: a real HTTP server on 127.0.0.1 that behaves like the ZPA API as
 * shared/zpa-api/NOTES.md describes it, with a request log, counters, injectable faults and a
 * control surface (in process, and over HTTP under `/__sim/`).
 */
import type { AddressInfo } from 'node:net';
import { systemClock } from '../core/clock.js';
import { SimRuntime, type SimEnv, type SimOneApiEnv } from './runtime.js';
import { createSimServer } from './server.js';
import type { PendingFaultView } from './faults.js';
import { parseRateLimits, parseReadLag } from './control-input.js';
import { parseReadings, type ApiReadings } from './api-readings.js';
import type {
  RateLimits,
  RequestFilter,
  RequestLogEntry,
  SimCounters,
  SimFault,
  SimOptions,
  SimSeed,
  SimSnapshot,
} from './types.js';

export { PUBLISHED_RATE_LIMITS } from './rate-limiter.js';
export { BULK_CREATE_READINGS, CLIENT_SETTING_READINGS, DEFAULT_READINGS, type ApiReadings } from './api-readings.js';
export { demoSeed, generatedSeed, type GeneratedSeedOptions } from './demo-seeds.js';
export { BUILT_IN_CERT_NAMES } from './seed.js';
export { ID_BASE } from './ids.js';
export { SimInputError } from './http-error.js';
export type { PendingFaultView } from './faults.js';
export type { SimEnv, SimOneApiEnv } from './runtime.js';
export type * from './types.js';

export const DEFAULT_CUSTOMER_ID = '216196257331281920';
export const DEFAULT_CLIENT_ID = 'sim-client-id';

export interface Simulator {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly customerId: string;
  /** Every API and sign-in request so far (not `/__sim`), oldest first. */
  readonly requests: readonly RequestLogEntry[];
  clearRequests(): void;
  /** How many logged requests match (method, path regex, status). */
  count(filter?: RequestFilter): number;
  counters(): SimCounters;
  clearCounters(): void;
  /** The whole tenant as plain JSON. */
  snapshot(): SimSnapshot;
  /** Replace the tenant: a seed by names, or a snapshot as `snapshot()` returns it. */
  seed(seed: SimSeed | SimSnapshot): void;
  /** Back to the starting seed; clears the log, counters, faults and rate windows. Tokens stay valid. */
  reset(): void;
  /** Every token issued so far stops working (401). */
  revokeTokens(): void;
  /** Turn the simulated rate limiter on, off (`false`) or to other limits; windows start afresh. */
  setRateLimits(limits: RateLimits | false): void;
  /** How the API answers where the vendor's sources disagree (bulk create version, client-setting shape). */
  readings(): ApiReadings;
  /** Change some readings; the others stay. Kept by `reset()`, like the rate limits. */
  setReadings(readings: Partial<ApiReadings>): void;
  /** Reads answer from the tenant as it was `ms` ago on the simulator's clock; 0 turns it off. Kept by `reset()`. */
  setReadLag(ms: number): void;
  injectFault(fault: SimFault): void;
  clearFaults(): void;
  pendingFaults(): PendingFaultView[];
  env(): SimEnv;
  oneApiEnv(): SimOneApiEnv;
  close(): Promise<void>;
}

export async function startSimulator(options: SimOptions = {}): Promise<Simulator> {
  const runtime = new SimRuntime({
    customerId: options.customerId ?? DEFAULT_CUSTOMER_ID,
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
    clientSecret: options.clientSecret,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    rateLimits: parseRateLimits(options.rateLimits ?? false),
    htmlEscape: options.htmlEscape ?? false,
    seed: options.seed ?? {},
    stateFile: options.stateFile,
    onRequest: options.onRequest,
    clock: options.clock ?? systemClock,
  });
  if (options.readings) runtime.readings.configure(parseReadings(options.readings));
  if (options.readLagMs !== undefined) runtime.readLag.configure(parseReadLag({ ms: options.readLagMs }));
  const server = createSimServer(runtime);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  runtime.baseUrl = url;
  let closed: Promise<void> | undefined;

  return {
    url,
    port,
    customerId: runtime.options.customerId,
    get requests() {
      return runtime.log.entries;
    },
    clearRequests: () => runtime.log.clear(),
    count: (filter) => runtime.log.count(filter),
    counters: () => runtime.counters(),
    clearCounters: () => runtime.clearCounters(),
    snapshot: () => runtime.state.snapshot(),
    seed: (seed) => runtime.seed(seed),
    reset: () => runtime.reset(),
    revokeTokens: () => runtime.tokens.revokeAll(),
    setRateLimits: (limits) => runtime.limiter.configure(parseRateLimits(limits)),
    readings: () => runtime.readings.get(),
    setReadings: (readings) => runtime.readings.configure(parseReadings(readings)),
    setReadLag: (ms) => runtime.readLag.configure(parseReadLag({ ms })),
    injectFault: (fault) => runtime.faults.add(fault),
    clearFaults: () => runtime.faults.clear(),
    pendingFaults: () => runtime.faults.list(),
    env: () => runtime.env(),
    oneApiEnv: () => runtime.oneApiEnv(),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold close() open; a closed simulator refuses connections at once.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
