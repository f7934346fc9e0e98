/**
 * One HTTP call to the ZPA API, through got: token, rate limit, retries (got's own retry machinery,
 * driven by `decideRetry`), re-sign-in on 401, and the mapping of every failure to ApiError.
 */
import { backOffOn, baseHttpOptions } from './http-defaults.js';
import http from 'node:http';
import https from 'node:https';
import got, { type Got, type NormalizedOptions, type RequestError, type Response } from 'got';
import type { Clock } from '../core/clock.js';
import { ApiError, NOT_SENT_REASON, ZpaGitopsError } from '../core/errors.js';
import { Authenticator, retryAfterOf, type SignInInfo } from './auth.js';
import { SlidingLogLimiter, type RateLimits, type Slot } from './rate-limiter.js';
import type { DebugSink, Redactor } from './redact.js';
import { isAccessBlocked, parseErrorBody } from './replies.js';
import { noResponseError, readReply } from './reply-errors.js';
import { decideRetry, type RetryPolicy, type WaitReason } from './retry-policy.js';
import type { ZpaSettings } from './settings.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ZpaStats {
  /** GET attempts sent to the API (retries included, sign-ins not). */
  gets: number;
  /** POST/PUT/DELETE attempts sent to the API. */
  writes: number;
  retries: number;
  /** 429 replies met. */
  rateLimited: number;
  /** Time spent waiting for the rate limiter and between retries. */
  waitedMs: number;
  signIns: number;
}

export interface WaitInfo {
  ms: number;
  reason: WaitReason;
}

/** One API reply as an observer sees it (`doctor`): no body, no request headers, so no token. */
export interface ReplyInfo {
  method: HttpMethod;
  /** As errors show it: relative to the customer, paging left out. */
  displayPath: string;
  status: number;
  /** Reply headers, names in lower case; multi-valued ones joined with `, `. */
  headers: Readonly<Record<string, string>>;
}

export interface TransportOptions {
  settings: ZpaSettings;
  limits: RateLimits;
  /** Per attempt of a GET. */
  timeoutMs: number;
  /** Per attempt of a POST, PUT or DELETE (a bulk body takes longer to send and to apply). */
  writeTimeoutMs: number;
  retry: RetryPolicy;
  redactor: Redactor;
  onWait?: (info: WaitInfo) => void;
  /** Called for every API reply, retried attempts included (not for sign-in). */
  onReply?: (info: ReplyInfo) => void;
  debug?: DebugSink;
  /** Time for the rate limiter and the token cache. */
  clock: Clock;
  /**
   * Once aborted (a first Ctrl-C or SIGTERM during apply), no write attempt starts: one waiting for
   * the rate limiter or for a retry is dropped unsent. Reads still run, to settle what was in flight.
   */
  stopWrites?: AbortSignal;
}

export interface ApiRequest {
  method: HttpMethod;
  /** Absolute path on the API host, prefix included. */
  urlPath: string;
  /** The path as errors show it: relative to the customer, meaningful query included. */
  displayPath: string;
  query?: Record<string, string>;
  body?: unknown;
}

export interface ApiReply {
  status: number;
  body: unknown;
}

/** Waits shorter than this are not worth telling the user about. */
const NOTICEABLE_WAIT_MS = 1000;

/** State of one logical call across its attempts, carried in got's per-request `context`. */
class CallState {
  token = '';
  startedAt = 0;
  waitedMs = 0;
  reauthenticated = false;
  /** Attempts sent so far: a write stopped after one was sent may have landed. */
  attempts = 0;
  /** The rate-limit slot of the attempt in flight, released when its reply or failure is in. */
  slot: Slot | undefined;
  constructor(readonly request: ApiRequest) {}
  releaseSlot(): void {
    this.slot?.release();
    this.slot = undefined;
  }
}

export class Transport {
  readonly stats: ZpaStats = { gets: 0, writes: 0, retries: 0, rateLimited: 0, waitedMs: 0, signIns: 0 };
  private readonly auth: Authenticator;
  private readonly limiter: SlidingLogLimiter;
  private readonly http: Got;
  private readonly apiOrigin: string;
  /** Reused connections for calls that are safe to repeat after a stale socket resets. */
  private readonly pooled = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  /** A POST gets a fresh connection: a reset on a reused socket would make it ambiguous. */
  private readonly fresh = { http: new http.Agent({ keepAlive: false }), https: new https.Agent({ keepAlive: false }) };

  constructor(private readonly options: TransportOptions) {
    const { settings, redactor } = options;
    this.apiOrigin = new URL(settings.apiBase).origin;
    this.limiter = new SlidingLogLimiter(options.limits, undefined, options.clock);
    this.auth = new Authenticator({
      settings,
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      redactor,
      clock: options.clock,
      ...(options.debug ? { debug: options.debug } : {}),
      onSignIn: () => {
        this.stats.signIns += 1;
      },
    });
    this.http = got.extend({
      ...baseHttpOptions(options.timeoutMs),
      retry: {
        limit: options.retry.limit,
        calculateDelay: ({ attemptCount, error }) => this.retryDelay(attemptCount, error),
      },
      hooks: {
        beforeRequest: [(opts) => this.beforeAttempt(opts)],
        afterResponse: [(response, retry) => this.afterAttempt(response, retry)],
      },
    });
  }

  async send(request: ApiRequest): Promise<ApiReply> {
    const call = new CallState(request);
    let response: Response<string>;
    try {
      response = await this.http(`${this.options.settings.apiBase}${request.urlPath}`, {
        method: request.method,
        ...(request.query ? { searchParams: request.query } : {}),
        ...(request.body === undefined ? {} : { json: request.body }),
        ...(request.method === 'GET' ? {} : { timeout: { request: this.options.writeTimeoutMs } }),
        agent: request.method === 'POST' ? this.fresh : this.pooled,
        context: { call },
      });
    } catch (error) {
      const { timeoutMs, writeTimeoutMs } = this.options;
      throw noResponseError(request, error, request.method === 'GET' ? timeoutMs : writeTimeoutMs);
    } finally {
      call.releaseSlot();
    }
    const { redactor, settings } = this.options;
    return readReply(request, response.statusCode, response.body, {
      redactor,
      credentialVariables: settings.credentialVariables,
    });
  }

  /** Signs in now unless a usable token is held; says what the sign-in got (never the token). */
  async signIn(): Promise<SignInInfo> {
    await this.auth.token();
    const info = this.auth.lastSignIn;
    if (info === undefined) throw new Error('zpa transport: signed in without a sign-in record');
    return info;
  }

  /** Drop kept-alive connections. The client stays usable; new connections are opened as needed. */
  close(): void {
    for (const agent of [...Object.values(this.pooled), ...Object.values(this.fresh)]) agent.destroy();
  }

  private async beforeAttempt(opts: NormalizedOptions): Promise<void> {
    const call = callOf(opts.context);
    // The token is only ever sent to the API host it was issued for.
    if (opts.url?.origin !== this.apiOrigin)
      throw new Error(`refusing to send the token to ${opts.url?.origin ?? 'no host'}`);
    call.token = await this.auth.token();
    opts.headers.authorization = `Bearer ${call.token}`;
    const method = call.request.method;
    call.releaseSlot(); // a previous attempt's, if its failure did not already
    this.checkStopped(call);
    call.slot = await this.untilStopped(
      call,
      this.limiter.acquire(
        method,
        (ms) => {
          this.debugLine(`zpa: ${method} waits ${ms} ms for the rate limit`);
          if (ms >= NOTICEABLE_WAIT_MS) this.options.onWait?.({ ms, reason: 'rate-limit' });
        },
        method === 'GET' ? undefined : this.options.stopWrites,
      ),
    );
    this.checkStopped(call);
    call.attempts += 1;
    this.stats.waitedMs += call.slot.waitedMs;
    if (method === 'GET') this.stats.gets += 1;
    else this.stats.writes += 1;
    call.startedAt = Date.now();
  }

  private async afterAttempt(
    response: Response,
    // got types the retry as `never`; it is an async function that rejects to start the retry.
    retry: (options: { preserveHooks: boolean }) => Promise<never>,
  ): Promise<Response> {
    const call = callOf(response.request.options.context);
    call.releaseSlot();
    const { method } = call.request;
    this.debugLine(
      `zpa: ${method} ${response.requestUrl.pathname}${response.requestUrl.search} -> ${response.statusCode} in ${Date.now() - call.startedAt} ms`,
    );
    if (response.statusCode === 429) this.stats.rateLimited += 1;
    this.options.onReply?.({
      method,
      displayPath: call.request.displayPath,
      status: response.statusCode,
      headers: flatHeaders(response.headers),
    });
    // A blocked-under-load 401 is retried with back-off (retryDelay), without a new sign-in.
    const blocked = isAccessBlocked(response.statusCode, typeof response.body === 'string' ? response.body : '');
    if (response.statusCode === 401 && !blocked && !call.reauthenticated) {
      // NOTES.md: re-authenticate once on a 401, then repeat the call.
      call.reauthenticated = true;
      this.auth.invalidate(call.token);
      // The rejection must reach got (awaited here, not just called), or the retry becomes an
      // unhandled rejection.
      return await retry({ preserveHooks: true });
    }
    return response;
  }

  /** A write after `stopWrites` fired is not sent; if an earlier attempt was, it may have landed. */
  private checkStopped(call: CallState): void {
    const { method, displayPath: path } = call.request;
    if (method === 'GET' || !this.options.stopWrites?.aborted) return;
    const ambiguous = call.attempts > 0;
    throw new ApiError(
      { method, path, reason: NOT_SENT_REASON, ambiguous },
      `${method} ${path}: not sent (apply was interrupted)${ambiguous ? '; an earlier attempt may have been applied' : ''}`,
    );
  }

  /** A write waiting for the rate limiter stops waiting when `stopWrites` fires. */
  private untilStopped<T>(call: CallState, wait: Promise<T>): Promise<T> {
    const stop = this.options.stopWrites;
    if (call.request.method === 'GET' || stop === undefined) return wait;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        try {
          this.checkStopped(call);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      stop.addEventListener('abort', onAbort, { once: true });
      wait.then(resolve, reject).finally(() => stop.removeEventListener('abort', onAbort));
    });
  }

  /** got's calculateDelay: 0 means "do not retry"; a retry's back-off is waited out in backOffOn. */
  private async retryDelay(attemptCount: number, error: RequestError): Promise<number> {
    const call = callOf(error.options.context);
    call.releaseSlot(); // the attempt is over; its window starts now, not after the retry's delay
    if (call.request.method !== 'GET' && this.options.stopWrites?.aborted) return 0; // interrupted: no new attempt
    if (error.name === 'RetryError') {
      this.stats.retries += 1;
      return 1; // the 401 re-sign-in above
    }
    if (error.cause instanceof ZpaGitopsError) return 0; // sign-in failed: not a network problem
    const response = error.response;
    if (!response)
      this.debugLine(`zpa: ${call.request.method} ${call.request.displayPath} -> no response (${error.code})`);
    const text = response && typeof response.body === 'string' ? response.body : '';
    const body = parseErrorBody(text);
    const decision = decideRetry(
      {
        method: call.request.method,
        attempt: attemptCount,
        ...(response ? { status: response.statusCode } : { errorCode: error.code }),
        ...(body.zpaId ? { zpaId: body.zpaId } : {}),
        ...(response && isAccessBlocked(response.statusCode, text) ? { accessBlocked: true } : {}),
        ...retryAfterOf(error),
        waitedMs: call.waitedMs,
      },
      this.options.retry,
    );
    if (decision === undefined) return 0;
    this.stats.retries += 1;
    this.stats.waitedMs += decision.delayMs;
    call.waitedMs += decision.delayMs;
    this.debugLine(
      `zpa: ${call.request.method} ${call.request.displayPath}: retry ${attemptCount} in ${decision.delayMs} ms`,
    );
    if (decision.delayMs >= NOTICEABLE_WAIT_MS)
      this.options.onWait?.({ ms: decision.delayMs, reason: decision.reason });
    const { clock, stopWrites } = this.options;
    return backOffOn(clock, decision.delayMs, call.request.method === 'GET' ? undefined : stopWrites);
  }

  private debugLine(line: string): void {
    if (this.options.debug) this.options.debug(this.options.redactor.redact(line));
  }
}

function flatHeaders(headers: Response['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function callOf(context: Record<string, unknown>): CallState {
  const call = context.call;
  if (!(call instanceof CallState)) throw new Error('zpa transport: request without call state');
  return call;
}
