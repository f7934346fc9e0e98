/**
 * Bearer tokens that look and behave like the real ones: signed JWTs with an `exp` claim (NOTES.md:
 * clients read `exp` to refresh early), checked by signature rather than looked up. Each simulator
 * instance signs with its own random key: a restarted simulator answers an old token with 401, so
 * clients meet the re-authentication path (the zpa client's tests rely on it).
 * A token is good only for the API flavour that issued it: a legacy token on a `/zpa/...` path is
 * refused, as it would be by the real gateways.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { systemClock } from '../core/clock.js';
import { isRecord } from './narrow.js';
const AUDIENCE = { legacy: 'zpa-api', oneapi: 'https://api.zscaler.com' };
function base64url(value) {
    return Buffer.from(value).toString('base64url');
}
function readClaims(payload) {
    try {
        const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        if (!isRecord(parsed))
            return undefined;
        const { aud, simIssuedAt, simExpiresAt } = parsed;
        if (typeof aud !== 'string' || typeof simIssuedAt !== 'number' || typeof simExpiresAt !== 'number')
            return undefined;
        return { aud, simIssuedAt, simExpiresAt };
    }
    catch {
        return undefined;
    }
}
export class TokenStore {
    clock;
    key = randomBytes(32);
    /** Tokens stamped at or before this instant are revoked. */
    revokedAt = 0;
    /** Stamps only go up, so "issued after the last revocation" is exact even within a millisecond. */
    lastStamp = 0;
    issued = 0;
    /** Stamps tokens and decides expiry: a test's manual clock makes lifetimes exact. */
    constructor(clock = systemClock) {
        this.clock = clock;
    }
    issue(mode, clientId, customerId, lifetimeSeconds) {
        const stamp = this.nextStamp();
        const header = { alg: 'HS256', typ: 'JWT' };
        const payload = {
            iss: mode === 'oneapi' ? 'https://sim.zslogin.net/oauth2' : 'zpa-simulator',
            aud: AUDIENCE[mode],
            sub: clientId,
            customer_id: customerId,
            iat: Math.floor(stamp / 1000),
            exp: Math.ceil((stamp + lifetimeSeconds * 1000) / 1000),
            jti: randomUUID(),
            simIssuedAt: stamp,
            simExpiresAt: stamp + lifetimeSeconds * 1000,
        };
        const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
        this.issued += 1;
        return `${unsigned}.${this.sign(unsigned)}`;
    }
    check(authorization, mode) {
        const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
        if (!token)
            return 'missing';
        const [header = '', payload = '', signature = ''] = token.split('.');
        const expected = Buffer.from(this.sign(`${header}.${payload}`));
        const given = Buffer.from(signature);
        if (given.length !== expected.length || !timingSafeEqual(given, expected))
            return 'unknown';
        const claims = readClaims(payload);
        if (!claims)
            return 'unknown';
        if (claims.simIssuedAt <= this.revokedAt)
            return 'revoked';
        if (this.clock.now() >= claims.simExpiresAt)
            return 'expired';
        return claims.aud === AUDIENCE[mode] ? 'ok' : 'wrong-api';
    }
    /** Every token issued so far stops working; tokens issued afterwards work. */
    revokeAll() {
        this.revokedAt = this.nextStamp();
    }
    nextStamp() {
        this.lastStamp = Math.max(this.clock.now(), this.lastStamp + 0.001);
        return this.lastStamp;
    }
    sign(unsigned) {
        return base64url(createHmac('sha256', this.key).update(unsigned).digest());
    }
}
