/**
 * The one HTTP path to a code host's API (GitHub or GitLab), through got. The token goes only to the
 * API's own origin, over https unless that origin is loopback (paging links elsewhere are refused,
 * redirects are never followed), only the documented success with the expected body counts, and
 * every message that leaves this module passes the same redactor as ZPA secrets.
 */
import got from 'got';
import { ConfigError, ZpaGitopsError } from '../core/errors.js';
import { parseBaseUrl } from '../zpa/clouds.js';
import { baseHttpOptions } from '../zpa/http-defaults.js';
import { Redactor } from '../zpa/redact.js';

const CI_TIMEOUT_MS = 30_000;
/** How much of a code host's own error message is shown, after redaction. */
const MESSAGE_LIMIT = 200;

/** A code host refused a call or could not be reached. Exit 1; the message never carries a token. */
export class CiApiError extends ZpaGitopsError {}

export interface CiReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** What the documented success of a call is: its status and the JSON it carries. */
export interface CiExpect {
  status: 200 | 201;
  json: 'list' | 'object';
}

export interface CiHttpOptions {
  /** Human name for messages: `GitHub` or `GitLab`. */
  host: string;
  /** The variable the base URL came from, for messages. */
  variable: string;
  /** API base URL; every request stays on its origin. */
  baseUrl: string;
  /** Headers carrying the token. */
  auth: Record<string, string>;
  token: string;
  extraHeaders?: Record<string, string>;
}

export class CiHttp {
  private readonly redactor = new Redactor();
  private readonly origin: string;
  private readonly baseUrl: string;
  constructor(private readonly options: CiHttpOptions) {
    // The configured token is masked whatever its length: it is known to be one.
    this.redactor.add(options.token, { always: true });
    // Checked before any connection, as ZPA_CLOUD is: an http:// API elsewhere than loopback would
    // carry the token in clear text.
    const parsed = parseBaseUrl(options.baseUrl);
    if ('problem' in parsed)
      throw new ConfigError(
        options.variable,
        `${options.variable} ${parsed.problem}; the ${options.host} token was not sent`,
      );
    this.baseUrl = parsed.url;
    this.origin = new URL(parsed.url).origin;
  }

  /** `GitHub` or `GitLab`, for messages. */
  get host(): string {
    return this.options.host;
  }

  /** An absolute URL for a path under the API base. */
  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    expect: CiExpect,
    body?: object,
  ): Promise<CiReply> {
    const target = new URL(url);
    if (target.origin !== this.origin)
      throw new CiApiError(
        this.redactor.redact(
          `${this.options.host} API sent a link to another host (${target.origin}); not following it`,
        ),
      );
    const shown = `${method} ${target.pathname}${target.search}`;
    const say = (text: string) => new CiApiError(this.redactor.redact(`${this.options.host} API: ${shown} ${text}`));
    let response;
    try {
      response = await got(target, {
        ...baseHttpOptions(CI_TIMEOUT_MS),
        method,
        headers: {
          ...baseHttpOptions(CI_TIMEOUT_MS).headers,
          ...this.options.extraHeaders,
          ...this.options.auth,
        },
        ...(body === undefined ? {} : { json: body }),
        retry: { limit: 2, methods: ['GET'] },
      });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw say(`failed (no response: ${this.redactor.redactAndCut(why, MESSAGE_LIMIT)})`);
    }
    const status = response.statusCode;
    const parsed = parseJson(response.body);
    if (status >= 400) {
      const message = isRecord(parsed) && 'message' in parsed ? messageText(parsed['message']) : '';
      const cut = message ? `: ${this.redactor.redactAndCut(message, MESSAGE_LIMIT)}` : '';
      throw say(`failed (HTTP ${status})${cut}${hint(status, this.options.host)}`);
    }
    if (status >= 300 && status < 400) {
      const location = header(response.headers['location']);
      throw say(
        `answered HTTP ${status}, a redirect${location ? ` to ${this.redactor.redactAndCut(location, MESSAGE_LIMIT)}` : ''}, which is never followed (the token goes only to ${this.origin}); check ${this.options.variable}`,
      );
    }
    const documented = `the documented HTTP ${expect.status} with a JSON ${expect.json === 'list' ? 'list' : 'object'}`;
    if (status !== expect.status) throw say(`answered HTTP ${status}, not ${documented}; nothing is taken as done`);
    if (parsed === undefined) {
      const type = header(response.headers['content-type']) || 'no content type';
      throw say(
        `answered HTTP ${status} with a body that is not JSON (${this.redactor.redactAndCut(type, 80)}: a sign-in or proxy page?), not ${documented}; nothing is taken as done`,
      );
    }
    if (expect.json === 'list' ? !Array.isArray(parsed) : !isRecord(parsed))
      throw say(`answered HTTP ${status} with JSON that is not ${documented.replace('the documented ', '')}`);
    return { status, headers: response.headers, body: parsed };
  }

  /** The next page's URL from a reply's Link header; an invalid one is a redacted CiApiError. */
  nextLink(reply: CiReply): string | undefined {
    try {
      return nextLink(reply.headers['link'], this.options.host);
    } catch (error) {
      if (error instanceof CiApiError) throw new CiApiError(this.redactor.redact(error.message));
      throw error;
    }
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function messageText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function header(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function hint(status: number, host: string): string {
  if (status === 401) return `; check the ${host} token`;
  if (status === 403 || status === 404)
    return host === 'GitHub'
      ? '; the job needs `permissions: pull-requests: write` and GITHUB_TOKEN'
      : '; the token needs the api scope and access to the project';
  return '';
}

/**
 * The `rel="next"` target of an RFC 8288 Link header (GitHub's and GitLab's paging), or undefined
 * when there is none. A next link that is not a `<URL>` is an error: paging must not stop silently
 * short of the comments that matter.
 */
export function nextLink(header: string | string[] | undefined, host: string): string | undefined {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  for (const part of text.split(/,(?=\s*<)/)) {
    if (!/;\s*rel="?([^";]*\s)?next[\s";]/i.test(`${part};`)) continue;
    const match = /^\s*<([^>]*)>/.exec(part);
    let url: URL | undefined;
    try {
      url = match?.[1] ? new URL(match[1]) : undefined;
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:'))
      throw new CiApiError(
        `${host} API sent an invalid Link header (its rel="next" is not <an absolute URL>: ${JSON.stringify(part.trim().slice(0, 120))}); cannot read every page`,
      );
    return url.toString();
  }
  return undefined;
}
