/**
 * The one HTTP path to a code host's API (GitHub or GitLab), through got. The token goes only to the
 * API's own origin (paging links elsewhere are refused, redirects are never followed), and every
 * message that leaves this module passes the same redactor as ZPA secrets.
 */
import got from 'got';
import { ZpaGitopsError } from '../core/errors.js';
import { baseHttpOptions } from '../zpa/http-defaults.js';
import { Redactor } from '../zpa/redact.js';

export const CI_TIMEOUT_MS = 30_000;

/** A code host refused a call or could not be reached. Exit 1; the message never carries a token. */
export class CiApiError extends ZpaGitopsError {}

export interface CiReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface CiHttpOptions {
  /** Human name for messages: `GitHub` or `GitLab`. */
  host: string;
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
  constructor(private readonly options: CiHttpOptions) {
    this.redactor.add(options.token);
    this.origin = new URL(options.baseUrl).origin;
  }

  /** An absolute URL for a path under the API base. */
  url(path: string): string {
    return `${this.options.baseUrl.replace(/\/+$/, '')}${path}`;
  }

  async request(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: object): Promise<CiReply> {
    const target = new URL(url);
    if (target.origin !== this.origin)
      throw new CiApiError(`${this.options.host} API sent a link to another host (${target.origin}); not following it`);
    const shown = `${method} ${target.pathname}${target.search}`;
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
      throw new CiApiError(this.redactor.redact(`${this.options.host} API: ${shown} failed (no response: ${why})`));
    }
    let parsed: unknown = null;
    if (response.body !== '') {
      try {
        parsed = JSON.parse(response.body);
      } catch {
        parsed = response.body;
      }
    }
    if (response.statusCode >= 400) {
      const message =
        parsed !== null && typeof parsed === 'object' && 'message' in parsed ? String(parsed.message) : '';
      throw new CiApiError(
        this.redactor.redact(
          `${this.options.host} API: ${shown} failed (HTTP ${response.statusCode})${message ? `: ${message.slice(0, 200)}` : ''}${hint(response.statusCode, this.options.host)}`,
        ),
      );
    }
    return { status: response.statusCode, headers: response.headers, body: parsed };
  }
}

function hint(status: number, host: string): string {
  if (status === 401) return `; check the ${host} token`;
  if (status === 403 || status === 404)
    return host === 'GitHub'
      ? '; the job needs `permissions: pull-requests: write` and GITHUB_TOKEN'
      : '; the token needs the api scope and access to the project';
  return '';
}

/** The `rel="next"` target of an RFC 8288 Link header (GitHub's and GitLab's paging). */
export function nextLink(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  for (const part of text.split(',')) {
    const match = /<([^>]+)>\s*;.*\brel="?next"?/.exec(part);
    if (match?.[1]) return match[1];
  }
  return undefined;
}
