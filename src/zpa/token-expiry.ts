/**
 * How long a sign-in token may be used. NOTES.md: the lifetime is not published; `expires_in` may be a
 * string or a number; read the JWT's `exp` when present and refresh a minute early.
 */

/** Used when the reply gives neither a JWT `exp` nor `expires_in`; a 401 still triggers a re-sign-in. */
const FALLBACK_LIFETIME_MS = 10 * 60_000;
const REFRESH_EARLY_MS = 60_000;

/** The JWT's `exp` in epoch milliseconds, or undefined when the token is not a readable JWT. */
export function jwtExpiry(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null || !('exp' in claims)) return undefined;
    const exp = Number(claims.exp);
    return Number.isFinite(exp) && exp > 0 ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** `expires_in` in milliseconds from a string or a number of seconds. */
function expiresInMs(value: unknown): number | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  if (typeof value === 'string' && !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

export interface TokenLifetime {
  /** Epoch ms after which the token is no longer used. */
  refreshAt: number;
  /** Epoch ms when the token expires, as far as the reply tells (for `doctor`). */
  expiresAt: number;
  /** What `expiresAt` came from: the sooner of the two, or the fallback when the reply gave neither. */
  source: 'jwt-exp' | 'expires_in' | 'fallback';
}

/**
 * When to stop using a token issued at `issuedAt`. Takes the earlier of the JWT `exp` and
 * `expires_in` (either may be skewed), ignores an `exp` already in the past by our clock (clock skew;
 * a 401 will catch a truly expired token), and refreshes a minute early, or halfway through the
 * lifetime when it is shorter than two minutes.
 */
export function tokenLifetime(token: string, expiresIn: unknown, issuedAt: number): TokenLifetime {
  const candidates: { at: number; source: TokenLifetime['source'] }[] = [];
  const exp = jwtExpiry(token);
  if (exp !== undefined && exp > issuedAt) candidates.push({ at: exp, source: 'jwt-exp' });
  const inMs = expiresInMs(expiresIn);
  if (inMs !== undefined) candidates.push({ at: issuedAt + inMs, source: 'expires_in' });
  const soonest = candidates.reduce<(typeof candidates)[number] | undefined>(
    (best, c) => (best === undefined || c.at < best.at ? c : best),
    undefined,
  ) ?? { at: issuedAt + FALLBACK_LIFETIME_MS, source: 'fallback' };
  const lifetime = soonest.at - issuedAt;
  return {
    refreshAt: soonest.at - Math.min(REFRESH_EARLY_MS, lifetime / 2),
    expiresAt: soonest.at,
    source: soonest.source,
  };
}
