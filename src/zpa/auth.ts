/**
 * Sign-in and the shared bearer token. Concurrent callers share one sign-in; a token is dropped a
 * little before it expires and when the API answers 401.
 */
import { backOffOn, baseHttpOptions } from './http-defaults.js';
import got, { type Got, RequestError } from 'got';
import type { Clock } from '../core/clock.js';
import { AuthError } from '../core/errors.js';
import type { ZpaSettings } from './settings.js';
import type { Redactor, DebugSink } from './redact.js';
import { parseErrorBody, parseJsonReply, type Endpoint } from './replies.js';
import { speaksPlainHttp } from './reply-errors.js';
import { VALIDATE, checked } from './reply-validators.js';
import { decideRetry, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
import { tokenLifetime, type TokenLifetime } from './token-expiry.js';

export interface AuthOptions {
  settings: ZpaSettings;
  timeoutMs: number;
  retry: RetryPolicy;
  redactor: Redactor;
  debug?: DebugSink;
  onSignIn: () => void;
  /** Decides when a cached token is due for renewal. */
  clock: Clock;
}

/** Sign-in is safe to repeat, but a refused one will not get better: a couple of tries is enough. */
const SIGN_IN_RETRIES = 2;
const ONEAPI_AUDIENCE = 'https://api.zscaler.com';

/** What the last sign-in got, without the token: for `doctor`. */
export interface SignInInfo {
  issuedAt: number;
  expiresAt: number;
  source: TokenLifetime['source'];
}

export class Authenticator {
  private current: { token: string; refreshAt: number } | undefined;
  /** The last successful sign-in (no token in it). */
  lastSignIn: SignInInfo | undefined;
  private pending: Promise<string> | undefined;
  private readonly http: Got;
  private readonly path: string;

  constructor(private readonly options: AuthOptions) {
    // The configured secret is masked whatever its length: it is known to be one.
    options.redactor.add(options.settings.clientSecret, { always: true });
    this.path = new URL(options.settings.tokenUrl).pathname;
    const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry, limit: SIGN_IN_RETRIES };
    this.http = got.extend({
      ...baseHttpOptions(options.timeoutMs),
      retry: {
        limit: SIGN_IN_RETRIES,
        methods: ['POST'],
        calculateDelay: async ({ attemptCount, error }) => {
          const decision = decideRetry(
            {
              method: 'POST',
              idempotent: true,
              attempt: attemptCount,
              ...(error.response ? { status: error.response.statusCode } : { errorCode: error.code }),
              ...retryAfterOf(error),
              waitedMs: 0,
            },
            policy,
          );
          return decision === undefined ? 0 : backOffOn(options.clock, decision.delayMs);
        },
      },
    });
  }

  /** A token valid for a while yet; signs in when there is none. One sign-in serves every caller. */
  async token(): Promise<string> {
    if (this.current && this.options.clock.now() < this.current.refreshAt) return this.current.token;
    this.pending ??= this.signIn().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forget `token` after a 401, unless a newer one already replaced it (no stampede). */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  private async signIn(): Promise<string> {
    const { settings, debug, redactor } = this.options;
    const form: Record<string, string> =
      settings.mode === 'oneapi'
        ? {
            grant_type: 'client_credentials',
            client_id: settings.clientId,
            client_secret: settings.clientSecret,
            audience: ONEAPI_AUDIENCE,
          }
        : { client_id: settings.clientId, client_secret: settings.clientSecret };
    const started = this.options.clock.now();
    this.options.onSignIn();
    let status: number;
    let text: string;
    try {
      // got turns a 5xx into an HTTPError only when throwHttpErrors is on; here it is off, so the
      // status is checked below and only network failures are thrown.
      const response = await this.http.post(settings.tokenUrl, { form });
      status = response.statusCode;
      text = response.body;
    } catch (error) {
      const code = error instanceof RequestError ? error.code : 'unknown error';
      debug?.(`zpa: POST ${this.path} -> no response (${code})`);
      throw new AuthError({ method: 'POST', path: this.path, reason: code }, unreachable(settings, error, code));
    }
    debug?.(redactor.redact(`zpa: POST ${this.path} -> ${status} in ${this.options.clock.now() - started} ms`));
    if (status < 200 || status > 299) throw this.refused(status, text);
    const token = readToken(text, { method: 'POST', path: this.path, status });
    redactor.add(token.accessToken);
    const lifetime = tokenLifetime(token.accessToken, token.expiresIn, started);
    this.current = { token: token.accessToken, refreshAt: lifetime.refreshAt };
    this.lastSignIn = { issuedAt: started, expiresAt: lifetime.expiresAt, source: lifetime.source };
    return token.accessToken;
  }

  private refused(status: number, text: string): AuthError {
    const { settings, redactor } = this.options;
    const body = parseErrorBody(text);
    const reason = body.reason === undefined ? undefined : redactor.redact(body.reason);
    const [idVar, secretVar] = settings.credentialVariables;
    const hint = status === 401 || status === 403 || status === 400 ? `: check ${idVar} and ${secretVar}` : '';
    return new AuthError(
      {
        method: 'POST',
        path: this.path,
        status,
        ...(body.zpaId ? { zpaId: body.zpaId } : {}),
        ...(reason ? { reason } : {}),
      },
      `Sign-in refused (HTTP ${status}${reason ? `: ${reason}` : ''})${hint}`,
    );
  }
}

/** One line: what happened, and the variable to check. */
function unreachable(settings: ZpaSettings, error: unknown, code: string): string {
  const url = new URL(settings.tokenUrl);
  const variable = settings.mode === 'oneapi' ? 'ZSCALER_CLOUD' : 'ZPA_CLOUD';
  if (speaksPlainHttp(error))
    return `Sign-in failed: ${url.origin} answered in plain HTTP, not TLS; use http://${url.host} in ${variable} for a plain-HTTP server such as the simulator`;
  return `Sign-in failed: no response from ${url.host} (${code}); check ${variable} and the network`;
}

/** The token from a sign-in reply, checked against its schema; an AuthError says what was wrong. */
function readToken(text: string, endpoint: Endpoint): { accessToken: string; expiresIn: unknown } {
  try {
    const body = checked<{ access_token: string; expires_in?: unknown }>(
      VALIDATE.signIn,
      parseJsonReply(text, endpoint),
      endpoint,
    );
    return { accessToken: body.access_token, expiresIn: body.expires_in };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AuthError(endpoint, `Sign-in failed: ${reason}`);
  }
}

export function retryAfterOf(error: RequestError): { retryAfter?: string; rateLimitReset?: string } {
  const headers = error.response?.headers;
  const header = headers?.['retry-after'];
  // NOTES.md, "Rate limits and errors": the vendor SDKs fall back to `x-ratelimit-reset` (the OneAPI
  // gateway's seconds until its window resets) when a 429 has no `retry-after`.
  const reset = headers?.['x-ratelimit-reset'];
  return {
    ...(typeof header === 'string' ? { retryAfter: header } : {}),
    ...(typeof reset === 'string' ? { rateLimitReset: reset } : {}),
  };
}
