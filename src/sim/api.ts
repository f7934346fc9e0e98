/**
 * One API request after the gateway (rate limit, faults): authentication, the customer in the path,
 * the microtenant, routing, the JSON body, then the handler. Errors become ZPA error bodies.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiReply } from './api-context.js';
import { SimHttpError } from './http-error.js';
import type { ApiPath, RouteMatch } from './routes.js';
import type { SimRuntime } from './runtime.js';
import { DEFAULT_MICROTENANT_ID } from './state.js';
import type { TokenCheck } from './tokens.js';
import type { SimFault } from './types.js';

export interface ApiRequest {
  method: string;
  path: string;
  api: ApiPath;
  match: RouteMatch;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  query: Record<string, string>;
  fault: SimFault | undefined;
}

const TOKEN_PROBLEMS: Record<Exclude<TokenCheck, 'ok'>, string> = {
  missing: 'Missing Authorization: Bearer token',
  unknown: 'Invalid token',
  revoked: 'Token revoked',
  expired: 'Token expired',
  'wrong-api': 'Token was issued for the other API (legacy /signin vs OneAPI /oauth2/v1/token)',
};

function errorReply(error: SimHttpError): ApiReply {
  const headers: Record<string, string> = error.status === 401 ? { 'www-authenticate': 'Bearer' } : {};
  return { status: error.status, body: error.toBody(), headers };
}

export function handleApi(runtime: SimRuntime, request: ApiRequest): ApiReply {
  try {
    return dispatch(runtime, request);
  } catch (error) {
    if (error instanceof SimHttpError) return errorReply(error);
    throw error;
  }
}

function dispatch(runtime: SimRuntime, request: ApiRequest): ApiReply {
  const check = runtime.tokens.check(request.headers.authorization, request.api.mode);
  if (check !== 'ok') throw new SimHttpError(401, 'authentication.failed', TOKEN_PROBLEMS[check]);
  if (request.api.customerId !== runtime.options.customerId) {
    throw new SimHttpError(
      403,
      'customer.mismatch',
      `The API key does not belong to customer ${request.api.customerId}`,
      [request.api.customerId],
    );
  }
  const { match } = request;
  if (!match.found) {
    if (runtime.readings.get().missingRoute === 'gateway-400')
      throw new SimHttpError(400, 'invalid.request', `Unknown route: ${request.method} ${request.path}`);
    if (match.methodNotAllowed)
      throw new SimHttpError(405, 'method.not.allowed', `${request.method} is not supported on ${request.path}`);
    throw new SimHttpError(404, 'route.not.found', `No API at ${request.method} ${request.path}`);
  }
  const microtenantId = request.query['microtenantId'] || DEFAULT_MICROTENANT_ID;
  if (!runtime.state.microtenants.has(microtenantId))
    throw new SimHttpError(400, 'resource.not.found', `Microtenant ${microtenantId} not found`, [microtenantId]);
  const read = request.method === 'GET';
  if (!read) runtime.readLag.beforeWrite(runtime.state);
  const reply = match.route.handler({
    state: read ? runtime.readLag.stateForRead(runtime.state) : runtime.state,
    params: match.params,
    query: request.query,
    body: parseJsonBody(request),
    microtenantId,
    read: { htmlEscape: runtime.options.htmlEscape },
    readings: runtime.readings.get(),
    fault: request.fault,
  });
  if (!read) runtime.readLag.afterWrite(runtime.state);
  return reply;
}

function parseJsonBody(request: ApiRequest): unknown {
  if (request.method === 'GET' || request.rawBody.length === 0) return undefined;
  try {
    return JSON.parse(request.rawBody.toString('utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SimHttpError(400, 'malformed.json', `The request body is not valid JSON: ${detail}`);
  }
}
