import { systemClock } from '../core/clock.js';
import { SimRuntime } from './runtime.js';
import { createSimServer } from './server.js';
import { parseRateLimits } from './control-input.js';
import { parseReadings } from './api-readings.js';
export { PUBLISHED_RATE_LIMITS } from './rate-limiter.js';
export { BULK_CREATE_READINGS, CLIENT_SETTING_READINGS, DEFAULT_READINGS } from './api-readings.js';
export { demoSeed, generatedSeed } from './demo-seeds.js';
export { BUILT_IN_CERT_NAMES } from './seed.js';
export { ID_BASE } from './ids.js';
export { SimInputError } from './http-error.js';
export const DEFAULT_CUSTOMER_ID = '216196257331281920';
export const DEFAULT_CLIENT_ID = 'sim-client-id';
export const DEFAULT_CLIENT_SECRET = 'sim-client-secret';
export async function startSimulator(options = {}) {
    const runtime = new SimRuntime({
        customerId: options.customerId ?? DEFAULT_CUSTOMER_ID,
        clientId: options.clientId ?? DEFAULT_CLIENT_ID,
        clientSecret: options.clientSecret ?? DEFAULT_CLIENT_SECRET,
        tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
        rateLimits: parseRateLimits(options.rateLimits ?? false),
        htmlEscape: options.htmlEscape ?? false,
        seed: options.seed ?? {},
        stateFile: options.stateFile,
        onRequest: options.onRequest,
        clock: options.clock ?? systemClock,
    });
    if (options.readings)
        runtime.readings.configure(parseReadings(options.readings));
    const server = createSimServer(runtime);
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
        });
    });
    const { port } = server.address();
    const url = `http://127.0.0.1:${port}`;
    runtime.baseUrl = url;
    let closed;
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
        injectFault: (fault) => runtime.faults.add(fault),
        clearFaults: () => runtime.faults.clear(),
        pendingFaults: () => runtime.faults.list(),
        env: () => runtime.env(),
        oneApiEnv: () => runtime.oneApiEnv(),
        close: () => {
            closed ??= new Promise((resolve) => {
                server.close(() => resolve());
                // Keep-alive connections would hold close() open; a closed simulator refuses connections at once.
                server.closeAllConnections();
            });
            return closed;
        },
    };
}
