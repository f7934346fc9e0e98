/**
 * When a failed call is repeated, and after how long. Pure: the transport feeds it what got saw.
 */
export const DEFAULT_RETRY_POLICY = Object.freeze({
    limit: 5,
    maxRetryAfterMs: 120_000,
    maxTotalWaitMs: 300_000,
    baseDelayMs: 500,
    maxDelayMs: 8_000,
    jitterMs: 250,
});
export const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']);
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
export function decideRetry(failed, policy, random = Math.random) {
    if (failed.attempt > policy.limit)
        return undefined;
    const decision = classify(failed, policy, random);
    if (decision === undefined)
        return undefined;
    if (failed.waitedMs + decision.delayMs > policy.maxTotalWaitMs)
        return undefined;
    return decision;
}
function classify(failed, policy, random) {
    const { status } = failed;
    const idempotent = failed.idempotent ?? IDEMPOTENT.has(failed.method);
    const jitter = Math.round(random() * policy.jitterMs);
    const backoff = () => ({
        delayMs: Math.min(policy.baseDelayMs * 2 ** (failed.attempt - 1), policy.maxDelayMs) + jitter,
        reason: 'retry',
    });
    const afterHeader = () => {
        const ms = parseRetryAfter(failed.retryAfter);
        if (ms === undefined)
            return backoff();
        return ms > policy.maxRetryAfterMs ? undefined : { delayMs: ms + jitter, reason: 'retry-after' };
    };
    if (status === undefined) {
        if (failed.errorCode === undefined || !NETWORK_ERRORS.has(failed.errorCode))
            return undefined;
        // A refused connection provably sent nothing, so even a POST is safe to repeat. Any other
        // network failure of a POST may have created the object: the caller settles it by reading.
        if (failed.errorCode === 'ECONNREFUSED' || idempotent)
            return backoff();
        return undefined;
    }
    // A 429 provably was not processed (NOTES.md), so every method, POST included, is repeated.
    if (status === 429)
        return afterHeader();
    // Edit locks were not applied either. NOTES.md says only *some* 409/412 bodies are edit locks and
    // names no ids, so a lasting conflict gets two more tries, not the whole budget.
    if (status === 409 || status === 412)
        return failed.attempt <= EDIT_LOCK_RETRIES ? backoff() : undefined;
    if (status === 400 && failed.zpaId !== undefined && RETRYABLE_400_IDS.has(failed.zpaId))
        return backoff();
    if (status >= 500 && idempotent)
        return failed.retryAfter === undefined ? backoff() : afterHeader();
    return undefined;
}
/**
 * `retry-after` as ZPA sends it (`13s`, recorded in NOTES.md), as plain seconds, or as an HTTP date.
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(header, now = Date.now()) {
    if (header === undefined)
        return undefined;
    const text = header.trim();
    const seconds = /^(\d+(?:\.\d+)?)\s*s?$/i.exec(text);
    if (seconds)
        return Math.round(Number(seconds[1]) * 1000);
    if (!/[a-z]{3}/i.test(text))
        return undefined;
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
