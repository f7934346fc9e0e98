import type { Clock } from '../core/clock.js';

/**
 * What every call to ZPA shares, sign-in included: replies read as text (we parse and check them
 * ourselves), no exceptions for HTTP errors (we map them), and no redirects (a redirect must never
 * carry credentials or a token to another host).
 */
export function baseHttpOptions(timeoutMs: number) {
  return {
    timeout: { request: timeoutMs },
    throwHttpErrors: false,
    followRedirect: false,
    responseType: 'text',
    headers: { accept: 'application/json', 'user-agent': 'zpa-gitops' },
  } as const;
}

/**
 * The value for got's `calculateDelay` once a retry is decided: the back-off is waited out here, on
 * the client's clock (a test's clock drives it; `signal` ends a write's wait at once), and got then
 * waits the 1 ms returned on its own timer (0 would mean "do not retry").
 */
export async function backOffOn(clock: Clock, delayMs: number, signal?: AbortSignal): Promise<number> {
  await clock.sleep(delayMs, signal);
  return 1;
}
