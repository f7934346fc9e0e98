/**
 * Sign-in and the shared bearer token. Concurrent callers share one sign-in; a token is dropped a
 * little before it expires and when the API answers 401.
 */
import { baseHttpOptions } from './http-defaults.js';
import got, { RequestError } from 'got';
import { AuthError } from '../core/errors.js';
import { isApiObject, parseErrorBody } from './replies.js';
import { decideRetry, DEFAULT_RETRY_POLICY } from './retry-policy.js';
import { tokenLifetime } from './token-expiry.js';
/** Sign-in is safe to repeat, but a refused one will not get better: a couple of tries is enough. */
const SIGN_IN_RETRIES = 2;
const ONEAPI_AUDIENCE = 'https://api.zscaler.com';
export class Authenticator {
    options;
    current;
    pending;
    http;
    path;
    constructor(options) {
        this.options = options;
        options.redactor.add(options.settings.clientSecret);
        this.path = new URL(options.settings.tokenUrl).pathname;
        const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry, limit: SIGN_IN_RETRIES };
        this.http = got.extend({
            ...baseHttpOptions(options.timeoutMs),
            retry: {
                limit: SIGN_IN_RETRIES,
                methods: ['POST'],
                calculateDelay: ({ attemptCount, error }) => decideRetry({
                    method: 'POST',
                    idempotent: true,
                    attempt: attemptCount,
                    ...(error.response ? { status: error.response.statusCode } : { errorCode: error.code }),
                    ...retryAfterOf(error),
                    waitedMs: 0,
                }, policy)?.delayMs ?? 0,
            },
        });
    }
    /** A token valid for a while yet; signs in when there is none. One sign-in serves every caller. */
    async token() {
        if (this.current && this.options.clock.now() < this.current.refreshAt)
            return this.current.token;
        this.pending ??= this.signIn().finally(() => {
            this.pending = undefined;
        });
        return this.pending;
    }
    /** Forget `token` after a 401, unless a newer one already replaced it (no stampede). */
    invalidate(token) {
        if (this.current?.token === token)
            this.current = undefined;
    }
    async signIn() {
        const { settings, debug, redactor } = this.options;
        const form = settings.mode === 'oneapi'
            ? {
                grant_type: 'client_credentials',
                client_id: settings.clientId,
                client_secret: settings.clientSecret,
                audience: ONEAPI_AUDIENCE,
            }
            : { client_id: settings.clientId, client_secret: settings.clientSecret };
        const started = this.options.clock.now();
        this.options.onSignIn();
        let status;
        let text;
        try {
            // got turns a 5xx into an HTTPError only when throwHttpErrors is on; here it is off, so the
            // status is checked below and only network failures are thrown.
            const response = await this.http.post(settings.tokenUrl, { form });
            status = response.statusCode;
            text = response.body;
        }
        catch (error) {
            const code = error instanceof RequestError ? error.code : 'unknown error';
            debug?.(`zpa: POST ${this.path} -> no response (${code})`);
            throw new AuthError({ method: 'POST', path: this.path, reason: code }, `Sign-in failed: no response from ${new URL(settings.tokenUrl).host} (${code})`);
        }
        debug?.(redactor.redact(`zpa: POST ${this.path} -> ${status} in ${this.options.clock.now() - started} ms`));
        if (status < 200 || status > 299)
            throw this.refused(status, text);
        const token = readToken(text);
        if (token === undefined) {
            throw new AuthError({ method: 'POST', path: this.path, status }, `Sign-in failed: POST ${this.path}: reply has no access_token`);
        }
        redactor.add(token.accessToken);
        this.current = { token: token.accessToken, ...tokenLifetime(token.accessToken, token.expiresIn, started) };
        return token.accessToken;
    }
    refused(status, text) {
        const { settings, redactor } = this.options;
        const body = parseErrorBody(text);
        const reason = body.reason === undefined ? undefined : redactor.redact(body.reason);
        const [idVar, secretVar] = settings.credentialVariables;
        const hint = status === 401 || status === 403 || status === 400 ? `: check ${idVar} and ${secretVar}` : '';
        return new AuthError({
            method: 'POST',
            path: this.path,
            status,
            ...(body.zpaId ? { zpaId: body.zpaId } : {}),
            ...(reason ? { reason } : {}),
        }, `Sign-in refused (HTTP ${status}${reason ? `: ${reason}` : ''})${hint}`);
    }
}
function readToken(text) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (!isApiObject(body) || typeof body.access_token !== 'string' || body.access_token === '')
        return undefined;
    return { accessToken: body.access_token, expiresIn: body.expires_in };
}
export function retryAfterOf(error) {
    const header = error.response?.headers['retry-after'];
    return typeof header === 'string' ? { retryAfter: header } : {};
}
