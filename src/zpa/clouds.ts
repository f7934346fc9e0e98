/**
 * Where each cloud's API lives. Pure data and URL checks: no I/O.
 */

/** Legacy API-key base URL per `ZPA_CLOUD` (NOTES.md, "Authentication and hosts"). */
export const LEGACY_CLOUDS: Readonly<Record<string, string>> = {
  PRODUCTION: 'https://config.private.zscaler.com',
  ZPATWO: 'https://config.zpatwo.net',
  BETA: 'https://config.zpabeta.net',
  GOV: 'https://config.zpagov.net',
  GOVUS: 'https://config.zpagov.us',
  PREVIEW: 'https://config.zpapreview.net',
};

export interface OneApiHosts {
  tokenUrl: string;
  apiBase: string;
}

/**
 * OneAPI hosts for a cloud name (NOTES.md): production is `<vanity>.zslogin.net` and `api.zsapi.net`;
 * any other cloud is `<vanity>.zslogin<cloud>.net` and `api.<cloud>.zsapi.net`. The caller has checked
 * that `vanity` and `cloud` are single DNS labels, so neither can move the secret to another domain.
 */
export function oneApiHosts(vanity: string, cloud: string): OneApiHosts {
  const name = cloud.toLowerCase();
  if (name === 'production') {
    return { tokenUrl: `https://${vanity}.zslogin.net/oauth2/v1/token`, apiBase: 'https://api.zsapi.net' };
  }
  return {
    tokenUrl: `https://${vanity}.zslogin${name}.net/oauth2/v1/token`,
    apiBase: `https://api.${name}.zsapi.net`,
  };
}

/** True when the string looks like a URL rather than a cloud name. */
export function looksLikeUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}

/** Loopback hosts only: `http://` anywhere else would send the client secret in clear text. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets.slice(1).every((o) => Number(o) <= 255);
}

/**
 * Parse a base URL given in place of a cloud name. Returns the URL without a trailing slash, or a
 * reason it is refused (the caller names the variable).
 */
export function parseBaseUrl(value: string): { url: string } | { problem: string } {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
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
