/**
 * When a failed call is repeated, and after how long. Pure: the transport feeds it what got saw.
 */

export type WaitReason = 'rate-limit' | 'retry-after' | 'retry';

export interface FailedAttempt {
  method: string;
  /** 1 for the first failure. */
  attempt: number;
  status?: number;
  /** The ZPA error id from the reply body. */
  zpaId?: string;
  /** Node's or got's error code when no response arrived, e.g. ECONNREFUSED, ETIMEDOUT. */
  errorCode?: string;
  retryAfter?: string;
  /** `x-ratelimit-reset`: seconds until the OneAPI gateway's window resets; used when `retryAfter` is absent. */
  rateLimitReset?: string;
  /** A 401 whose body says the resource access is blocked (under load), not that the token is bad. */
  accessBlocked?: boolean;
  /** Milliseconds this call has already spent waiting between attempts. */
  waitedMs: number;
  /** Overrides the method's own idempotency, e.g. for a sign-in POST, which is safe to repeat. */
  idempotent?: boolean;
}

export interface RetryPolicy {
  limit: number;
  /** A single `retry-after` longer than this is not waited for: the call fails at once. */
  maxRetryAfterMs: number;
  /** The waits of one call between attempts never add up to more than this. */
  maxTotalWaitMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  jitterMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  limit: 5,
  maxRetryAfterMs: 120_000,
  maxTotalWaitMs: 300_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  jitterMs: 250,
});

export interface RetryDecision {
  delayMs: number;
  reason: WaitReason;
}

const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']);

/** No response, or a dropped connection: worth repeating when repeating is safe. */
const NETWORK_ERRORS = new Set([
  'ETIMEDOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNABORTED',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

const EDIT_LOCK_RETRIES = 2;

/**
 * 400s that succeed when repeated (NOTES.md, "Rate limits and errors"): two ids meaning "someone else
 * is editing", and `non.restricted.entity.authorization.failed`, a transient authorisation race that
 * zscaler-sdk-go's `zscaler/zpa/v2_client.go` (checkRetry) also retries. A 400 is a refusal, so the
 * request was not applied: every method may repeat it, a POST included. That SDK also retries plain
 * `bad.request`; we do not, since a refused body is refused again.
 */
const RETRYABLE_400_IDS = new Set([
  'api.concurrent.access.error',
  'db.simultaneous.request',
  'non.restricted.entity.authorization.failed',
]);

export function decideRetry(
  failed: FailedAttempt,
  policy: RetryPolicy,
  random = Math.random,
): RetryDecision | undefined {
  if (failed.attempt > policy.limit) return undefined;
  const decision = classify(failed, policy, random);
  if (decision === undefined) return undefined;
  if (failed.waitedMs + decision.delayMs > policy.maxTotalWaitMs) return undefined;
  return decision;
}

function classify(failed: FailedAttempt, policy: RetryPolicy, random: () => number): RetryDecision | undefined {
  const { status } = failed;
  const idempotent = failed.idempotent ?? IDEMPOTENT.has(failed.method);
  const jitter = Math.round(random() * policy.jitterMs);
  const backoff = (): RetryDecision => ({
    delayMs: Math.min(policy.baseDelayMs * 2 ** (failed.attempt - 1), policy.maxDelayMs) + jitter,
    reason: 'retry',
  });
  const afterHeader = (): RetryDecision | undefined => {
    const ms = parseRetryAfter(failed.retryAfter) ?? parseRateLimitReset(failed.rateLimitReset);
    if (ms === undefined) return backoff();
    return ms > policy.maxRetryAfterMs ? undefined : { delayMs: ms + jitter, reason: 'retry-after' };
  };
  if (status === undefined) {
    if (failed.errorCode === undefined || !NETWORK_ERRORS.has(failed.errorCode)) return undefined;
    // A refused connection provably sent nothing, so even a POST is safe to repeat. Any other
    // network failure of a POST may have created the object: the caller settles it by reading.
    if (failed.errorCode === 'ECONNREFUSED' || idempotent) return backoff();
    return undefined;
  }
  // A 429 provably was not processed (NOTES.md), so every method, POST included, is repeated.
  if (status === 429) return afterHeader();
  // Edit locks were not applied either. NOTES.md says only *some* 409/412 bodies are edit locks and
  // names no ids, so a lasting conflict gets two more tries, not the whole budget.
  if (status === 409 || status === 412) return failed.attempt <= EDIT_LOCK_RETRIES ? backoff() : undefined;
  if (status === 400 && failed.zpaId !== undefined && RETRYABLE_400_IDS.has(failed.zpaId)) return backoff();
  // NOTES.md, "Rate limits and errors": under load the API may answer 401 "Resource Access Blocked"
  // for a valid token; zscaler-sdk-go's OneAPI client (`zscaler/errorx/errors.go`) retries it. It
  // was refused, not applied, so every method may repeat it.
  if (status === 401 && failed.accessBlocked === true) return backoff();
  if (status >= 500 && idempotent) return failed.retryAfter === undefined ? backoff() : afterHeader();
  return undefined;
}

/**
 * `x-ratelimit-reset` as the OneAPI gateway sends it (recorded in NOTES.md beside
 * `x-ratelimit-limit: 5000, 5000;w=60`): seconds until the window resets, a plain number.
 */
function parseRateLimitReset(header: string | undefined, now = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const seconds = /^\s*(\d+(?:\.\d+)?)\s*s?\s*$/i.exec(header.split(',')[0] ?? '');
  if (!seconds) return undefined;
  const value = Number(seconds[1]);
  // Not recorded as an epoch time, but a value that large can only be one: wait until it.
  if (value > 1e9) return Math.max(0, Math.round(value * 1000 - now));
  return Math.round(value * 1000);
}

/**
 * `retry-after` as ZPA sends it (`13s`, recorded in NOTES.md), as plain seconds, or as an HTTP date.
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | undefined, now = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  const seconds = /^(\d+(?:\.\d+)?)\s*s?$/i.exec(text);
  if (seconds) return Math.round(Number(seconds[1]) * 1000);
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
