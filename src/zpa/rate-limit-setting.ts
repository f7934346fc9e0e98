/**
 * The client's rate limits: ZPA's published ones, or for a tenant whose limits differ (and for the
 * benchmark's scaled window) `ZPA_GITOPS_RATE_LIMITS=get=20/10s,write=10/10s`. An advanced setting:
 * limits above the tenant's real ones meet 429s (which are retried, but slowly).
 */
import { ConfigError } from '../core/errors.js';
import { PUBLISHED_RATE_LIMITS, type RateLimits } from '../core/rate-limits.js';

export const RATE_LIMITS_VARIABLE = 'ZPA_GITOPS_RATE_LIMITS';

const PART = /^(get|write)=(\d{1,6})\/(\d{1,7}(?:\.\d{1,3})?)(ms|s|m)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000 } as const;

/** `get=20/10s,write=10/10s` (either part may be left out; both share one window). */
export function parseRateLimits(text: string): RateLimits {
  const limits: Partial<RateLimits> = {};
  const windows = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim())) {
    const match = PART.exec(part);
    if (!match) throw invalid(`"${part.slice(0, 40)}" is not name=count/window, e.g. get=20/10s`);
    const [, name, count, amount, unit] = match as unknown as [
      string,
      'get' | 'write',
      string,
      string,
      keyof typeof UNIT_MS,
    ];
    if (limits[name] !== undefined) throw invalid(`${name} is given twice`);
    if (Number(count) < 1) throw invalid(`${name} must allow at least 1 call`);
    const windowMs = Math.round(Number(amount) * UNIT_MS[unit]);
    if (windowMs < 1) throw invalid(`${name}'s window must be at least 1 ms`);
    limits[name] = Number(count);
    windows.add(windowMs);
  }
  if (windows.size > 1) throw invalid('get and write must share one window (ZPA counts both over the same time)');
  const [windowMs] = [...windows];
  return {
    get: limits.get ?? PUBLISHED_RATE_LIMITS.get,
    write: limits.write ?? PUBLISHED_RATE_LIMITS.write,
    windowMs: windowMs ?? PUBLISHED_RATE_LIMITS.windowMs,
  };
}

/** The limits the environment asks for; the published ones when it says nothing. */
export function rateLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): RateLimits {
  const text = env[RATE_LIMITS_VARIABLE]?.trim();
  return text ? parseRateLimits(text) : { ...PUBLISHED_RATE_LIMITS };
}

function invalid(problem: string): ConfigError {
  return new ConfigError(RATE_LIMITS_VARIABLE, `${RATE_LIMITS_VARIABLE}: ${problem}`);
}
