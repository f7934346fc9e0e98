/**
 * What a finished call means: a parsed body, or the ApiError that says what went wrong. Messages
 * name the method and the customer-relative path; never the host's token, headers or request body.
 */
import { ApiError, AuthError, ZpaGitopsError } from '../core/errors.js';
import type { Redactor } from './redact.js';
import { isAccessBlocked, parseErrorBody, parseJsonReply } from './replies.js';

export interface CallDescription {
  method: string;
  /** Relative to the customer, meaningful query included. */
  displayPath: string;
}

export interface ReplyContext {
  redactor: Redactor;
  credentialVariables: readonly [string, string];
}

export function readReply(
  call: CallDescription,
  status: number,
  text: string,
  context: ReplyContext,
): { status: number; body: unknown } {
  const { method, displayPath: path } = call;
  if (status >= 200 && status <= 299) {
    // A write whose reply cannot be read was still applied: the caller must read to find out how.
    return { status, body: parseJsonReply(text, { method, path, status, ambiguous: method !== 'GET' }) };
  }
  const body = parseErrorBody(text);
  const reason = body.reason === undefined ? undefined : context.redactor.redact(body.reason);
  const details = {
    method,
    path,
    status,
    ...(body.zpaId === undefined ? {} : { zpaId: body.zpaId }),
    ...(reason === undefined ? {} : { reason }),
    ...(body.params === undefined ? {} : { params: body.params }),
    // A write that met a server error may have been applied before the server failed.
    ...(method !== 'GET' && status >= 500 ? { ambiguous: true } : {}),
  };
  if (isAccessBlocked(status, text)) {
    // Retried with back-off already (transport.ts); the token is fine, the API is busy.
    throw new ApiError(
      details,
      `${method} ${path}: the API blocked access under load (HTTP 401 Resource Access Blocked), also after retrying: run again later`,
    );
  }
  if (status === 401) {
    // Only reached after one fresh sign-in was also refused (NOTES.md: re-authenticate once).
    const [idVar, secretVar] = context.credentialVariables;
    throw new AuthError(
      details,
      `${method} ${path}: the API refused a fresh token (HTTP 401): check ${idVar}, ${secretVar} and the cloud`,
    );
  }
  throw new ApiError(details);
}

/** No reply at all. got wraps errors thrown by our own hooks (a failed sign-in): unwrap those. */
export function noResponseError(call: CallDescription, error: unknown, timeoutMs: number): ZpaGitopsError {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof ZpaGitopsError) return cause;
  const { method, displayPath: path } = call;
  const code =
    error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown error';
  // Nothing was sent when the connection was refused; anything else may have reached the server.
  const ambiguous = method !== 'GET' && code !== 'ECONNREFUSED';
  const what =
    code === 'ETIMEDOUT'
      ? `timed out after ${timeoutMs} ms`
      : speaksPlainHttp(error)
        ? `${code}: the server answered in plain HTTP, not TLS; use an http:// URL`
        : code;
  const tail = ambiguous ? '; it may or may not have been applied' : '';
  return new ApiError(
    { method, path, reason: code, ambiguous },
    `${method} ${path} failed (no response: ${what})${tail}`,
  );
}

/**
 * A TLS client meeting a plain-HTTP server fails with EPROTO and OpenSSL's "wrong version number"
 * (the HTTP reply is read as a TLS record): an https:// URL pointed at a plain-HTTP server.
 */
export function speaksPlainHttp(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : '';
  return code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(message);
}
