/**
 * The control surface under `/__sim/`: the same operations as the in-process handle, for tests
 * and demos in another process. No auth (but only for the printed address, from no other origin:
 * request-guard.ts), not rate limited, never in the request log.
 *
 *   GET  /__sim/state             snapshot         PUT    /__sim/state     replace with a snapshot
 *   POST /__sim/seed              replace by seed  POST   /__sim/reset     back to the start seed
 *   GET  /__sim/requests          the log          DELETE /__sim/requests  clear it
 *   GET  /__sim/counters          counters         DELETE /__sim/counters  clear them
 *   GET  /__sim/faults            pending faults   POST   /__sim/faults    add one (or an array)
 *   DELETE /__sim/faults          drop them        POST   /__sim/revoke-tokens
 *   GET  /__sim/env               {legacy, oneApi} PUT    /__sim/rate-limits  {get,write,windowMs} or false
 *   GET  /__sim/readings          how it answers   PUT    /__sim/readings  {bulkCreate?, clientSettings?, ...}
 *   GET  /__sim/read-lag          {ms}             PUT    /__sim/read-lag  {ms}: reads answer from `ms` ago
 */
import { parseReadings } from './api-readings.js';
import { parseFault, parseRateLimits, parseReadLag, parseSeed } from './control-input.js';
import { SimInputError } from './http-error.js';
import type { Reply } from './http-io.js';
import { isSnapshot, type SimRuntime } from './runtime.js';

const CONTROL_PREFIX = '/__sim';

export function isControlPath(path: string): boolean {
  return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
}

type ControlHandler = (runtime: SimRuntime, body: unknown) => unknown;

const OK = { ok: true };

const CONTROL_ROUTES: Record<string, ControlHandler> = {
  'GET state': (runtime) => runtime.state.snapshot(),
  'PUT state': (runtime, body) => (runtime.loadSnapshot(body), OK),
  'POST seed': (runtime, body) => {
    if (isSnapshot(body)) runtime.loadSnapshot(body);
    else runtime.seed(parseSeed(body ?? {}));
    return OK;
  },
  'POST reset': (runtime) => (runtime.reset(), OK),
  'GET requests': (runtime) => runtime.log.entries,
  'DELETE requests': (runtime) => (runtime.log.clear(), OK),
  'GET counters': (runtime) => runtime.counters(),
  'DELETE counters': (runtime) => (runtime.clearCounters(), OK),
  'GET faults': (runtime) => runtime.faults.list(),
  'POST faults': (runtime, body) => {
    const faults = Array.isArray(body) ? body.map(parseFault) : [parseFault(body)];
    for (const fault of faults) runtime.faults.add(fault);
    return { ok: true, pending: runtime.faults.list().length };
  },
  'DELETE faults': (runtime) => (runtime.faults.clear(), OK),
  'POST revoke-tokens': (runtime) => (runtime.tokens.revokeAll(), OK),
  'GET env': (runtime) => ({ legacy: runtime.env(), oneApi: runtime.oneApiEnv() }),
  'PUT rate-limits': (runtime, body) => (runtime.limiter.configure(parseRateLimits(body)), OK),
  'GET readings': (runtime) => runtime.readings.get(),
  'GET read-lag': (runtime) => ({ ms: runtime.readLag.ms }),
  'PUT read-lag': (runtime, body) => (runtime.readLag.configure(parseReadLag(body)), { ms: runtime.readLag.ms }),
  'PUT readings': (runtime, body) => (runtime.readings.configure(parseReadings(body)), runtime.readings.get()),
};

export function handleControl(runtime: SimRuntime, method: string, url: URL, raw: Buffer): Reply {
  const name = url.pathname.slice(CONTROL_PREFIX.length).replace(/^\/+|\/+$/g, '');
  const handler = CONTROL_ROUTES[`${method} ${name}`];
  if (!handler) {
    const known = Object.keys(CONTROL_ROUTES).map((key) => key.replace(' ', ` ${CONTROL_PREFIX}/`));
    return {
      status: 404,
      body: { id: 'sim.control.not.found', reason: `Unknown control ${method} ${url.pathname}`, params: known },
    };
  }
  let body: unknown;
  try {
    body = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
  } catch {
    return { status: 400, body: { id: 'malformed.json', reason: 'The control request body is not valid JSON' } };
  }
  try {
    return { status: 200, body: handler(runtime, body) };
  } catch (error) {
    if (error instanceof SimInputError)
      return { status: 400, body: { id: 'sim.invalid.input', reason: error.message } };
    throw error;
  }
}
