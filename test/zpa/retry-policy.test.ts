import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, decideRetry, parseRetryAfter, type RetryPolicy } from '../../src/zpa/index.js';

const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, jitterMs: 0 };
const base = { attempt: 1, waitedMs: 0 };

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each([
    ['13s', 13_000],
    ['13S', 13_000],
    [' 1s ', 1_000],
    ['13', 13_000],
    ['0.5', 500],
    ['Wed, 01 Jan 2025 00:00:07 GMT', 7_000],
    ['Tue, 31 Dec 2024 23:59:00 GMT', 0],
    [undefined, undefined],
    ['soon', undefined],
    ['-3', undefined],
  ])('%s -> %s ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });
});

describe('decideRetry', () => {
  it.each([
    // 429 was provably not processed: every method, the POST included, waits what the server says.
    [
      { method: 'POST', status: 429, retryAfter: '13s' },
      { delayMs: 13_000, reason: 'retry-after' },
    ],
    [
      { method: 'GET', status: 429, retryAfter: '1' },
      { delayMs: 1_000, reason: 'retry-after' },
    ],
    [
      { method: 'GET', status: 429 },
      { delayMs: 500, reason: 'retry' },
    ],
    [
      { method: 'GET', status: 503 },
      { delayMs: 500, reason: 'retry' },
    ],
    [
      { method: 'PUT', status: 500 },
      { delayMs: 500, reason: 'retry' },
    ],
    [
      { method: 'DELETE', status: 502 },
      { delayMs: 500, reason: 'retry' },
    ],
    [{ method: 'POST', status: 500 }, undefined],
    [{ method: 'POST', status: 503, retryAfter: '1s' }, undefined],
    [
      { method: 'POST', status: 409 },
      { delayMs: 500, reason: 'retry' },
    ],
    [
      { method: 'PUT', status: 412 },
      { delayMs: 500, reason: 'retry' },
    ],
    [
      { method: 'POST', status: 400, zpaId: 'api.concurrent.access.error' },
      { delayMs: 500, reason: 'retry' },
    ],
    [
      { method: 'PUT', status: 400, zpaId: 'db.simultaneous.request' },
      { delayMs: 500, reason: 'retry' },
    ],
    [
      { method: 'GET', status: 400, zpaId: 'non.restricted.entity.authorization.failed' },
      { delayMs: 500, reason: 'retry' },
    ],
    [
      { method: 'PUT', status: 400, zpaId: 'non.restricted.entity.authorization.failed' },
      { delayMs: 500, reason: 'retry' },
    ],
    [
      { method: 'DELETE', status: 400, zpaId: 'non.restricted.entity.authorization.failed' },
      { delayMs: 500, reason: 'retry' },
    ],
    [
      { method: 'POST', status: 400, zpaId: 'non.restricted.entity.authorization.failed' },
      { delayMs: 500, reason: 'retry' },
    ],
    [{ method: 'PUT', status: 400, zpaId: 'resource.not.found' }, undefined],
    [{ method: 'POST', status: 400, zpaId: 'bad.request' }, undefined],
    [{ method: 'POST', status: 403, zpaId: 'non.restricted.entity.authorization.failed' }, undefined],
    [{ method: 'GET', status: 404 }, undefined],
    [{ method: 'GET', status: 401 }, undefined],
    [
      { method: 'POST', errorCode: 'ECONNREFUSED' },
      { delayMs: 500, reason: 'retry' },
    ],
    [{ method: 'POST', errorCode: 'ETIMEDOUT' }, undefined],
    [{ method: 'POST', errorCode: 'ECONNRESET' }, undefined],
    [
      { method: 'GET', errorCode: 'ETIMEDOUT' },
      { delayMs: 500, reason: 'retry' },
    ],
    [
      { method: 'DELETE', errorCode: 'ECONNRESET' },
      { delayMs: 500, reason: 'retry' },
    ],
    [{ method: 'GET', errorCode: 'ERR_GOT_REQUEST_ERROR' }, undefined],
    [
      { method: 'POST', idempotent: true, status: 503 },
      { delayMs: 500, reason: 'retry' },
    ],
  ])('%o -> %o', (failed, expected) => {
    expect(decideRetry({ ...base, ...failed }, policy)).toEqual(expected);
  });

  it('backs off exponentially up to the cap, then stops at the limit', () => {
    const delays = [1, 2, 3, 4, 5, 6].map(
      (attempt) => decideRetry({ ...base, method: 'GET', status: 503, attempt }, policy)?.delayMs,
    );
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, undefined]);
  });

  it('refuses a retry-after beyond the cap, and a wait beyond the total budget', () => {
    expect(decideRetry({ ...base, method: 'GET', status: 429, retryAfter: '600s' }, policy)).toBeUndefined();
    expect(
      decideRetry({ ...base, method: 'GET', status: 429, retryAfter: '13s', waitedMs: 295_000 }, policy),
    ).toBeUndefined();
  });

  it('gives edit locks two more tries, not the whole budget', () => {
    expect(decideRetry({ ...base, method: 'PUT', status: 409, attempt: 2 }, policy)).toBeDefined();
    expect(decideRetry({ ...base, method: 'PUT', status: 409, attempt: 3 }, policy)).toBeUndefined();
  });

  it('adds jitter within the configured bound', () => {
    const jittery = { ...policy, jitterMs: 250 };
    const delay = decideRetry(
      { ...base, method: 'GET', status: 429, retryAfter: '13s' },
      jittery,
      () => 0.999,
    )?.delayMs;
    expect(delay).toBe(13_250);
  });
});
