/**
 * Checks on one mention of a link that the schema cannot express well: a URL pasted whole into
 * `link` (scheme and path belong in `protocol` and `linkPath`), and a plain-http warning.
 */
import type { Diagnostic, SourceLocation } from '../core/types.js';
import { problem, quote, warning } from './diagnostic.js';

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
/** A domain name (wildcards and underscores allowed), IPv4 or bracketed IPv6, with an optional port. */
const HOST = /^(?:[A-Za-z0-9_*](?:[A-Za-z0-9_.*-]*[A-Za-z0-9_])?\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

const NO_FINDINGS: readonly Diagnostic[] = Object.freeze([]);

/** `subject` names the link in a message; it is worked out only when there is one. */
export function checkLinkTarget(value: string, subject: () => string, location: SourceLocation): readonly Diagnostic[] {
  // Almost every link is a bare host: it has no space, scheme or path, so nothing below can apply.
  if (HOST.test(value)) return NO_FINDINGS;
  const trimmed = value.trim();
  if (trimmed === '')
    return [
      problem(
        'link-invalid',
        `${subject()} has an empty link`,
        'give the domain name or IP address of the application',
        location,
      ),
    ];
  const scheme = SCHEME.exec(trimmed)?.[1];
  const rest = scheme ? trimmed.slice(scheme.length + 3) : trimmed;
  const cut = rest.search(/[/?#]/);
  const host = cut >= 0 ? rest.slice(0, cut) : rest;
  const path = cut >= 0 ? rest.slice(cut) : '';
  const linkPath = path.startsWith('/') ? path : `/${path}`;
  if (scheme && host === '') {
    return [
      problem(
        'link-invalid',
        `${subject()}: ${quote(value)} has no domain name or IP address`,
        'give the host in link and the scheme in protocol',
        location,
      ),
    ];
  }
  if (scheme) {
    const protocol = `${scheme.toLowerCase()}://`;
    const known = protocol === 'https://' || protocol === 'http://';
    const fix = [
      `link: ${host}`,
      known ? `protocol: "${protocol}"` : 'protocol: "https://" or "http://"',
      ...(path ? [`linkPath: ${linkPath}`] : []),
    ];
    return [
      problem(
        'link-has-scheme',
        `${subject()}: ${quote(value)} includes the scheme ${protocol}`,
        `move it to protocol: ${fix.join(', ')}`,
        location,
      ),
    ];
  }
  if (path) {
    return [
      problem(
        'link-has-path',
        `${subject()}: ${quote(value)} includes a path`,
        `move it to linkPath: link: ${host}, linkPath: ${linkPath}`,
        location,
      ),
    ];
  }
  if (!HOST.test(trimmed)) {
    return [
      problem(
        'link-invalid',
        `${subject()}: ${quote(value)} is not a domain name or IP address`,
        'give a host such as app.corp.example.com or 10.0.0.5, optionally with :port',
        location,
      ),
    ];
  }
  return [];
}

export function checkProtocol(
  protocol: string,
  subject: () => string,
  location: SourceLocation,
): readonly Diagnostic[] {
  if (protocol !== 'http://') return NO_FINDINGS;
  return [
    warning(
      'plain-http',
      `${subject()} uses http://`,
      'use https:// if the application supports it: http:// is unencrypted between browser and application',
      location,
    ),
  ];
}
