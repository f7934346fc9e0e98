/**
 * Where each cloud's API lives: the one table of hosts, and URL checks. Pure data: no I/O.
 */
/**
 * Every named cloud, both ways in. The government clouds follow both vendor SDKs, not the commercial
 * pattern: GOV and GOVUS have their own ZIdentity and API gateway hosts (the gov tables in
 * zscaler-sdk-go's `zscaler/oneapiclient.go` and zscaler-sdk-python's `zscaler/constants.py`, used by
 * its `zscaler/oneapi_oauth_client.py`). The pattern would give hosts that do not resolve there.
 */
export const CLOUD_HOSTS = {
    PRODUCTION: {
        legacy: 'https://config.private.zscaler.com',
        oneApi: { identityDomain: 'zslogin.net', apiBase: 'https://api.zsapi.net' },
    },
    ZPATWO: { legacy: 'https://config.zpatwo.net' },
    BETA: { legacy: 'https://config.zpabeta.net' },
    GOV: {
        legacy: 'https://config.zpagov.net',
        oneApi: { identityDomain: 'zidentitygov.net', apiBase: 'https://api.zscalergov.net' },
    },
    GOVUS: {
        legacy: 'https://config.zpagov.us',
        oneApi: { identityDomain: 'zidentitygov.us', apiBase: 'https://api.zscalergov.us' },
    },
    PREVIEW: { legacy: 'https://config.zpapreview.net' },
};
/** Legacy API-key base URL per `ZPA_CLOUD`, from the table above. */
export const LEGACY_CLOUDS = Object.fromEntries(Object.entries(CLOUD_HOSTS).map(([name, hosts]) => [name, hosts.legacy]));
/**
 * OneAPI hosts for a cloud name: the table's own hosts where it has them (production, the government
 * clouds), otherwise `<vanity>.zslogin<cloud>.net` and `api.<cloud>.zsapi.net` (NOTES.md). The caller
 * has checked that `vanity` and `cloud` are single DNS labels, so neither can move the secret to
 * another domain.
 */
export function oneApiHosts(vanity, cloud) {
    const key = cloud.toUpperCase();
    const listed = Object.hasOwn(CLOUD_HOSTS, key) ? CLOUD_HOSTS[key]?.oneApi : undefined;
    if (listed !== undefined) {
        return { tokenUrl: `https://${vanity}.${listed.identityDomain}/oauth2/v1/token`, apiBase: listed.apiBase };
    }
    const name = cloud.toLowerCase();
    return {
        tokenUrl: `https://${vanity}.zslogin${name}.net/oauth2/v1/token`,
        apiBase: `https://api.${name}.zsapi.net`,
    };
}
/** True when the string looks like a URL rather than a cloud name. */
export function looksLikeUrl(value) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}
/** Loopback hosts only: `http://` anywhere else would send the client secret in clear text. */
export function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase();
    if (host === 'localhost' || host === '[::1]' || host === '::1')
        return true;
    const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
    return octets !== null && octets.slice(1).every((o) => Number(o) <= 255);
}
/**
 * Parse a base URL given in place of a cloud name. Returns the URL without a trailing slash, or a
 * reason it is refused (the caller names the variable).
 */
export function parseBaseUrl(value) {
    let parsed;
    try {
        parsed = new URL(value);
    }
    catch {
        return { problem: 'is not a valid URL' };
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        return { problem: `must use https:// (got ${parsed.protocol}//)` };
    }
    if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
        return { problem: 'may use http:// only for a loopback host (127.0.0.1, localhost, ::1); use https://' };
    }
    if (parsed.username !== '' || parsed.password !== '') {
        return { problem: 'must not contain credentials' };
    }
    if (parsed.search !== '' || parsed.hash !== '') {
        return { problem: 'must not contain a query or a fragment' };
    }
    const path = parsed.pathname.replace(/\/+$/, '');
    return { url: `${parsed.origin}${path}` };
}
/** Every named cloud's hosts, both ways in, for a vanity name (or a placeholder), for people to read. */
export function listCloudHosts(vanity = '<vanity>') {
    return Object.entries(CLOUD_HOSTS).map(([cloud, hosts]) => ({
        cloud,
        legacyBase: hosts.legacy,
        ...oneApiHosts(vanity, cloud),
    }));
}
