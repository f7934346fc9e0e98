/**
 * The two ways in (NOTES.md, "Authentication and hosts"): legacy `POST /signin` and OneAPI
 * `POST /oauth2/v1/token`, both form-encoded. The simulator serves both on its one host.
 */
import { json } from './api-context.js';
import { SimHttpError } from './http-error.js';
export const LEGACY_SIGN_IN_PATH = '/signin';
export const ONEAPI_TOKEN_PATH = '/oauth2/v1/token';
export const ONEAPI_AUDIENCE = 'https://api.zscaler.com';
function requireForm(request) {
    if (request.method !== 'POST')
        throw new SimHttpError(405, 'method.not.allowed', `${request.method} is not allowed here; use POST`);
    if (!(request.contentType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
        throw new SimHttpError(400, 'invalid.input', 'Sign-in expects a form-encoded body (application/x-www-form-urlencoded)');
    }
}
function checkCredentials(form, credentials) {
    if (form.get('client_id') !== credentials.clientId || form.get('client_secret') !== credentials.clientSecret) {
        throw new SimHttpError(401, 'invalid.credentials', 'Invalid client id or client secret');
    }
}
/** Legacy reply: `expires_in` as a string, as the real one sends it. */
export function legacySignIn(request, credentials, tokens) {
    requireForm(request);
    checkCredentials(request.form, credentials);
    const token = tokens.issue('legacy', credentials.clientId, credentials.customerId, credentials.tokenLifetimeSeconds);
    return json(200, {
        token_type: 'Bearer',
        access_token: token,
        expires_in: String(Math.ceil(credentials.tokenLifetimeSeconds)),
    });
}
/** OneAPI (OAuth 2 client credentials): `expires_in` as a number. */
export function oneApiToken(request, credentials, tokens) {
    requireForm(request);
    const grant = request.form.get('grant_type');
    if (grant !== 'client_credentials') {
        throw new SimHttpError(400, 'unsupported.grant.type', `grant_type must be client_credentials (got ${grant ?? 'nothing'})`);
    }
    const audience = request.form.get('audience');
    if (audience !== ONEAPI_AUDIENCE)
        throw new SimHttpError(400, 'invalid.audience', `audience must be ${ONEAPI_AUDIENCE}`);
    checkCredentials(request.form, credentials);
    const token = tokens.issue('oneapi', credentials.clientId, credentials.customerId, credentials.tokenLifetimeSeconds);
    return json(200, {
        token_type: 'Bearer',
        access_token: token,
        expires_in: Math.ceil(credentials.tokenLifetimeSeconds),
    });
}
/** The form as the request log shows it: the secret never appears there. */
export function loggedForm(form) {
    const logged = Object.fromEntries(form);
    if ('client_secret' in logged)
        logged['client_secret'] = '[redacted]';
    return logged;
}
