/**
 * Bearer tokens that look like the real ones: signed JWTs with an `exp` claim (NOTES.md: clients
 * read `exp` to refresh early). A token is good only for the API flavour that issued it: a legacy
 * token on a `/zpa/...` path is refused, as it would be by the real gateways.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { AuthMode } from './routes.js';

export type TokenCheck = 'ok' | 'missing' | 'unknown' | 'expired' | 'wrong-api';

interface IssuedToken {
  mode: AuthMode;
  expiresAtMs: number;
}

function base64url(value: Buffer | string): string {
  return Buffer.from(value).toString('base64url');
}

export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly key = randomBytes(32);
  issued = 0;

  issue(mode: AuthMode, clientId: string, customerId: string, lifetimeSeconds: number): string {
    const nowMs = Date.now();
    const expiresAtMs = nowMs + lifetimeSeconds * 1000;
    const header = { alg: 'HS256', typ: 'JWT' };
    const payload = {
      iss: mode === 'oneapi' ? 'https://sim.zslogin.net/oauth2' : 'zpa-simulator',
      aud: mode === 'oneapi' ? 'https://api.zscaler.com' : 'zpa-api',
      sub: clientId,
      customer_id: customerId,
      iat: Math.floor(nowMs / 1000),
      exp: Math.ceil(expiresAtMs / 1000),
      jti: randomUUID(),
    };
    const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
    const token = `${unsigned}.${base64url(createHmac('sha256', this.key).update(unsigned).digest())}`;
    this.forgetExpired(nowMs);
    this.tokens.set(token, { mode, expiresAtMs });
    this.issued += 1;
    return token;
  }

  check(authorization: string | undefined, mode: AuthMode): TokenCheck {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) return 'missing';
    const issued = this.tokens.get(match[1]);
    if (!issued) return 'unknown';
    if (Date.now() >= issued.expiresAtMs) return 'expired';
    return issued.mode === mode ? 'ok' : 'wrong-api';
  }

  revokeAll(): void {
    this.tokens.clear();
  }

  /** Keep the map small in long runs; expired tokens answer "unknown" instead of "expired" after a while. */
  private forgetExpired(nowMs: number): void {
    if (this.tokens.size < 1000) return;
    for (const [token, issued] of this.tokens) if (issued.expiresAtMs + 60_000 < nowMs) this.tokens.delete(token);
  }
}
