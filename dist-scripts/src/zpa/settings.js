/**
 * Connection settings from the environment. Pure: reads only the record it is given.
 * Variable names follow the vendor's SDKs and Terraform provider (NOTES.md).
 */
import { ConfigError } from '../core/errors.js';
import { LEGACY_CLOUDS, looksLikeUrl, oneApiHosts, parseBaseUrl } from './clouds.js';
const DIGITS = /^\d{1,20}$/;
/** One DNS label: it is put into a host name, so it must not be able to add a dot or a slash. */
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const CLOUD_LABEL = /^[a-z0-9]{1,40}$/i;
/** Build a settings object whose secret is hidden from printing and serialising. */
export function createZpaSettings(init) {
    const { clientSecret, ...visible } = init;
    const settings = { ...visible };
    Object.defineProperty(settings, 'clientSecret', { value: clientSecret, enumerable: false });
    return Object.freeze(settings);
}
export function settingsFromEnv(env = process.env) {
    const common = {
        customerId: digits(env, 'ZPA_CUSTOMER_ID', required(env, 'ZPA_CUSTOMER_ID')),
        ...optionalMicrotenant(env),
    };
    if (value(env, 'ZSCALER_CLIENT_ID') !== undefined) {
        const vanity = required(env, 'ZSCALER_VANITY_DOMAIN');
        if (!DNS_LABEL.test(vanity)) {
            throw new ConfigError('ZSCALER_VANITY_DOMAIN', 'ZSCALER_VANITY_DOMAIN must be the vanity name alone (letters, digits, hyphens), e.g. acme');
        }
        return createZpaSettings({
            mode: 'oneapi',
            clientId: required(env, 'ZSCALER_CLIENT_ID'),
            clientSecret: required(env, 'ZSCALER_CLIENT_SECRET'),
            ...common,
            ...oneApiLocation(env, vanity),
            pathPrefix: '/zpa',
            credentialVariables: ['ZSCALER_CLIENT_ID', 'ZSCALER_CLIENT_SECRET'],
        });
    }
    const { cloud, apiBase } = legacyLocation(env);
    return createZpaSettings({
        mode: 'legacy',
        clientId: required(env, 'ZPA_CLIENT_ID'),
        clientSecret: required(env, 'ZPA_CLIENT_SECRET'),
        ...common,
        cloud,
        apiBase,
        tokenUrl: `${apiBase}/signin`,
        pathPrefix: '',
        credentialVariables: ['ZPA_CLIENT_ID', 'ZPA_CLIENT_SECRET'],
    });
}
function legacyLocation(env) {
    const given = value(env, 'ZPA_CLOUD') ?? 'PRODUCTION';
    if (looksLikeUrl(given))
        return { cloud: 'URL', apiBase: baseUrl('ZPA_CLOUD', given) };
    const cloud = given.toUpperCase();
    const apiBase = LEGACY_CLOUDS[cloud];
    if (apiBase === undefined) {
        // Never fall back to production: a typo would otherwise point the tool at the wrong tenant.
        throw new ConfigError('ZPA_CLOUD', `ZPA_CLOUD "${shown(env, given)}" is not a known cloud; use one of ${Object.keys(LEGACY_CLOUDS).join(', ')} or a base URL`);
    }
    return { cloud, apiBase };
}
function oneApiLocation(env, vanity) {
    const given = value(env, 'ZSCALER_CLOUD') ?? 'PRODUCTION';
    if (looksLikeUrl(given)) {
        // A URL serves both the token endpoint and the API (the simulator, or a test double).
        const apiBase = baseUrl('ZSCALER_CLOUD', given);
        return { cloud: 'URL', tokenUrl: `${apiBase}/oauth2/v1/token`, apiBase };
    }
    // The OneAPI cloud list is not published: NOTES.md names the commercial host pattern and the
    // government clouds' own hosts (CLOUD_HOSTS). Any other single label goes into the pattern; it can
    // never silently become production.
    if (!CLOUD_LABEL.test(given)) {
        throw new ConfigError('ZSCALER_CLOUD', `ZSCALER_CLOUD "${shown(env, given)}" is not a cloud name (letters and digits, e.g. PRODUCTION or BETA) or a base URL`);
    }
    return { cloud: given.toUpperCase(), ...oneApiHosts(vanity, given) };
}
function optionalMicrotenant(env) {
    const id = value(env, 'ZPA_MICROTENANT_ID');
    return id === undefined ? {} : { microtenantId: digits(env, 'ZPA_MICROTENANT_ID', id) };
}
function baseUrl(variable, given) {
    // The URL itself is not echoed: `problem` describes it without repeating it.
    const parsed = parseBaseUrl(given);
    if ('problem' in parsed)
        throw new ConfigError(variable, `${variable} ${parsed.problem}`);
    return parsed.url;
}
/** Empty and whitespace-only values count as unset. */
function value(env, name) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '')
        return undefined;
    // Secrets are used exactly as given; other values are trimmed.
    return name.endsWith('_SECRET') ? raw : raw.trim();
}
function required(env, name) {
    const found = value(env, name);
    if (found === undefined)
        throw new ConfigError(name, `${name} is not set`);
    return found;
}
function digits(env, name, given) {
    if (!DIGITS.test(given)) {
        throw new ConfigError(name, `${name} must be a number written in digits, got "${shown(env, given)}"`);
    }
    return given;
}
/**
 * Echo a non-secret value, shortened so a pasted blob cannot flood the one-line message, and never
 * when it holds a secret (a secret pasted into the wrong variable must not reach a CI log).
 */
function shown(env, given) {
    const secrets = [env['ZPA_CLIENT_SECRET'], env['ZSCALER_CLIENT_SECRET']].filter((s) => !!s && s.length >= 4);
    if (secrets.some((secret) => given.includes(secret) || (given.length >= 6 && secret.includes(given))))
        return '(hidden: it matches a client secret)';
    return given.length > 40 ? `${given.slice(0, 37)}...` : given;
}
