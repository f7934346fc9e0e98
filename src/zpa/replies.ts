/**
 * Shape checks on what the API sends back. Anything unexpected becomes an ApiError that names the
 * endpoint, so a broken reply never turns into a silently empty plan.
 */
import type { ApiObject } from '../core/types.js';
import { ApiError } from '../core/errors.js';

/** What a reply is about, for messages: the method and the path relative to the customer. */
export interface Endpoint {
  method: string;
  path: string;
  status?: number;
  /** A write whose reply cannot be read may still have been applied. */
  ambiguous?: boolean;
}

export function replyError(endpoint: Endpoint, problem: string): ApiError {
  const { method, path, status, ambiguous } = endpoint;
  return new ApiError(
    { method, path, ...(status === undefined ? {} : { status }), ...(ambiguous ? { ambiguous } : {}), reason: problem },
    `${method} ${path}: ${problem}`,
  );
}

/** Parse a body; an empty body is `undefined` (204 replies). JSON.parse keeps the API's string ids. */
export function parseJsonReply(text: string, endpoint: Endpoint): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw replyError(endpoint, 'reply is not valid JSON');
  }
}

export function isApiObject(value: unknown): value is ApiObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectObjectArray(value: unknown, endpoint: Endpoint, field?: string): ApiObject[] {
  const what = field === undefined ? 'reply' : `\`${field}\``;
  if (!Array.isArray(value)) {
    throw replyError(endpoint, `reply is not the expected shape (${what} is ${jsonTypeOf(value)}, expected an array)`);
  }
  const items: unknown[] = value;
  const bad = items.findIndex((item) => !isApiObject(item));
  if (bad >= 0) {
    throw replyError(endpoint, `reply is not the expected shape (item ${bad} of ${what} is ${jsonTypeOf(items[bad])})`);
  }
  return items as ApiObject[];
}

/** ZPA error bodies are `{id, reason, params?}` (NOTES.md). Anything else yields nothing. */
/**
 * A 401 that says the resource access is blocked: NOTES.md, "Rate limits and errors": under load the
 * API may answer 401 "Resource Access Blocked" for a valid token (zscaler-sdk-go's OneAPI client,
 * `zscaler/errorx/errors.go`, retries it). Not a sign that the credentials are wrong.
 */
export function isAccessBlocked(status: number, text: string): boolean {
  return status === 401 && /resource\s*access\s*blocked/i.test(text);
}

export function parseErrorBody(text: string): { zpaId?: string; reason?: string; params?: unknown[] } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {};
  }
  if (!isApiObject(body)) return {};
  return {
    ...(typeof body.id === 'string' ? { zpaId: body.id } : {}),
    ...(typeof body.reason === 'string' ? { reason: body.reason } : {}),
    ...(Array.isArray(body.params) ? { params: body.params as unknown[] } : {}),
  };
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'empty';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
