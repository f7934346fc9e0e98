/**
 * The HTTP front: a request for another host or from another site is refused (request-guard.ts);
 * every other request but `/__sim` goes through the same gateway as the real API would put it
 * through (rate limit, then an injected fault if one matches), is processed, logged, persisted, and
 * answered.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleApi } from './api.js';
import { handleControl, isControlPath } from './control.js';
import { describeFault, rewriteReply } from './faults.js';
import { BodyTooLargeError, readBody, send, type Reply } from './http-io.js';
import { SimHttpError } from './http-error.js';
import { tooManyRequests } from './rate-limiter.js';
import { refuseForeignRequest } from './request-guard.js';
import { matchRoute, parseApiPath, type ApiPath, type RouteMatch } from './routes.js';
import type { SimRuntime } from './runtime.js';
import { LEGACY_SIGN_IN_PATH, ONEAPI_TOKEN_PATH, legacySignIn, loggedForm, oneApiToken } from './sign-in.js';
import type { RequestLogEntry, SimFault } from './types.js';

type Target =
  | { kind: 'sign-in'; path: typeof LEGACY_SIGN_IN_PATH | typeof ONEAPI_TOKEN_PATH }
  | { kind: 'api'; api: ApiPath; match: RouteMatch }
  | { kind: 'unknown' };

/** A destroyed socket instead of a reply. */
const RESET = 'reset';

function classify(runtime: SimRuntime, method: string, path: string): Target {
  if (path === LEGACY_SIGN_IN_PATH || path === ONEAPI_TOKEN_PATH) return { kind: 'sign-in', path };
  const api = parseApiPath(path);
  return api
    ? {
        kind: 'api',
        api,
        match: matchRoute(method, api, runtime.readings.bulkVersions(), runtime.readings.get().baCertificates),
      }
    : { kind: 'unknown' };
}

function isForm(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/** The body as the log keeps it: parsed when possible, never with the client secret. */
function loggedBody(target: Target, req: IncomingMessage, raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (target.kind === 'sign-in') return isForm(req) ? loggedForm(new URLSearchParams(text)) : '[not form-encoded]';
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function injectedReply(fault: SimFault & { status: number }): Reply {
  const rateLimit = fault.status === 429 ? tooManyRequests(1) : undefined;
  const body =
    fault.body ??
    rateLimit?.body ??
    (fault.status >= 400 ? { id: 'sim.injected.fault', reason: `Injected fault: HTTP ${fault.status}` } : undefined);
  return { status: fault.status, body, headers: fault.headers ?? rateLimit?.headers ?? {} };
}

/** A 200 whose body stops half-way: valid JSON cut short is never valid JSON. */
function malformed(reply: Reply): Reply {
  const full = reply.text ?? JSON.stringify(reply.body ?? { id: 'none' });
  return { status: 200, text: full.slice(0, Math.max(1, Math.floor(full.length / 2))) + (full.length < 4 ? '{' : '') };
}

function processRequest(
  runtime: SimRuntime,
  target: Target,
  req: IncomingMessage,
  raw: Buffer,
  entry: RequestLogEntry,
  fault: SimFault | undefined,
): Reply {
  const method = entry.method;
  switch (target.kind) {
    case 'sign-in': {
      const request = {
        method,
        contentType: req.headers['content-type'],
        form: new URLSearchParams(raw.toString('utf8')),
      };
      const o = runtime.options;
      const credentials = {
        clientId: o.clientId,
        clientSecret: runtime.clientSecret,
        customerId: o.customerId,
        tokenLifetimeSeconds: o.tokenLifetimeSeconds,
      };
      try {
        return target.path === LEGACY_SIGN_IN_PATH
          ? legacySignIn(request, credentials, runtime.tokens)
          : oneApiToken(request, credentials, runtime.tokens);
      } catch (error) {
        if (error instanceof SimHttpError) return { status: error.status, body: error.toBody() };
        throw error;
      }
    }
    case 'api':
      return handleApi(runtime, {
        method,
        path: entry.path,
        api: target.api,
        match: target.match,
        headers: req.headers,
        rawBody: raw,
        query: entry.query,
        fault,
      });
    case 'unknown':
      return { status: 404, body: { id: 'route.not.found', reason: `No API at ${method} ${entry.path}` } };
  }
}

async function handleRequest(runtime: SimRuntime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const refused = refuseForeignRequest(req, runtime.baseUrl);
  if (refused) {
    // Not read, not logged, not counted: the request is not for this simulator.
    req.resume();
    send(res, refused);
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  if (isControlPath(url.pathname)) {
    send(res, handleControl(runtime, method, url, await readBody(req)));
    return;
  }
  const entry: RequestLogEntry = {
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    status: 0,
    at: runtime.options.clock.now(),
  };
  const raw = await readBody(req);
  const target = classify(runtime, method, url.pathname);
  const body = loggedBody(target, req, raw);
  if (body !== undefined) entry.body = body;

  let reply: Reply | typeof RESET;
  let fault: SimFault | undefined;
  // Sign-in is not counted against the API's limits.
  const decision =
    target.kind === 'sign-in' ? { allowed: true as const } : runtime.limiter.check(method, runtime.options.clock.now());
  if (!decision.allowed) {
    reply = tooManyRequests(decision.retryAfterSeconds);
  } else {
    const route = target.kind === 'api' && target.match.found ? target.match.route : undefined;
    fault = runtime.faults.take({
      method,
      path: url.pathname,
      paged: route?.paged === true,
      bulk: route?.bulk === true,
    });
    if (fault?.resetBeforeApply) reply = RESET;
    else if (fault?.status !== undefined) reply = injectedReply({ ...fault, status: fault.status });
    else {
      reply = processRequest(runtime, target, req, raw, entry, fault);
      runtime.persist();
      if (fault?.resetAfterApply) reply = RESET;
      else if (fault?.malformedJson) reply = malformed(reply);
      else if (fault) reply = rewriteReply(reply, fault);
    }
  }
  entry.status = reply === RESET ? 0 : reply.status;
  if (fault) entry.fault = describeFault(fault);
  // Logged before any delay, so a test sees the call even while its reply is held back.
  runtime.record(entry, !decision.allowed);
  if (fault?.delayMs) await runtime.options.clock.sleep(fault.delayMs);
  if (reply === RESET) req.socket.destroy();
  else {
    // `Date` on the simulator's clock (Node would stamp the machine's), so a test that moves the
    // clock sees the server's time move with it (doctor's skew check reads this header).
    res.setHeader('date', new Date(runtime.options.clock.now()).toUTCString());
    const behindGateway = target.kind === 'api' && target.api.mode === 'oneapi';
    if (behindGateway && runtime.readings.get().oneApiGateway === 'rate-limit-headers')
      reply = { ...reply, headers: { ...runtime.gateway.next(), ...reply.headers } };
    send(res, reply);
  }
}

export function createSimServer(runtime: SimRuntime): Server {
  return createServer((req, res) => {
    res.on('error', () => {
      // The client went away; there is no one left to tell.
    });
    handleRequest(runtime, req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) {
        send(res, { status: 413, body: { id: 'payload.too.large', reason: error.message } });
        return;
      }
      const reason = error instanceof Error ? error.message : String(error);
      send(res, { status: 500, body: { id: 'sim.internal.error', reason } });
    });
  });
}
