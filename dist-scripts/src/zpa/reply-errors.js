/**
 * What a finished call means: a parsed body, or the ApiError that says what went wrong. Messages
 * name the method and the customer-relative path; never the host's token, headers or request body.
 */
import { ApiError, AuthError, ZpaGitopsError } from '../core/errors.js';
import { parseErrorBody, parseJsonReply } from './replies.js';
export function readReply(call, status, text, context) {
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
    if (status === 401) {
        // Only reached after one fresh sign-in was also refused (NOTES.md: re-authenticate once).
        const [idVar, secretVar] = context.credentialVariables;
        throw new AuthError(details, `${method} ${path}: the API refused a fresh token (HTTP 401): check ${idVar}, ${secretVar} and the cloud`);
    }
    throw new ApiError(details);
}
/** No reply at all. got wraps errors thrown by our own hooks (a failed sign-in): unwrap those. */
export function noResponseError(call, error, timeoutMs) {
    const cause = error instanceof Error ? error.cause : undefined;
    if (cause instanceof ZpaGitopsError)
        return cause;
    const { method, displayPath: path } = call;
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown error';
    // Nothing was sent when the connection was refused; anything else may have reached the server.
    const ambiguous = method !== 'GET' && code !== 'ECONNREFUSED';
    const what = code === 'ETIMEDOUT' ? `timed out after ${timeoutMs} ms` : code;
    const tail = ambiguous ? '; it may or may not have been applied' : '';
    return new ApiError({ method, path, reason: code, ambiguous }, `${method} ${path} failed (no response: ${what})${tail}`);
}
