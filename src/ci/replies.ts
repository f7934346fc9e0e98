/** Reading a code host's replies: paging through lists, and checking that a write took. */
import { CiApiError, type CiHttp } from './http.js';

/** At most this many pages of anything: past it, something is wrong with the paging. */
const MAX_PAGES = 100;

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/**
 * Every item of a paged list, oldest first, following each reply's Link header (and GitLab's
 * X-Next-Page, which keeps every other query parameter). `toItem` returns undefined to skip one.
 */
export async function readPages<T>(
  http: CiHttp,
  first: string,
  what: string,
  toItem: (item: Record<string, unknown>) => T | undefined,
): Promise<T[]> {
  const items: T[] = [];
  let url: string | undefined = first;
  for (let page = 0; url !== undefined; page++) {
    if (page === MAX_PAGES) throw new CiApiError(`${http.host} API: more than ${MAX_PAGES} pages of ${what}`);
    const reply = await http.request('GET', url, { status: 200, json: 'list' });
    for (const raw of (reply.body as unknown[]).filter(isObject)) {
      const item = toItem(raw);
      if (item !== undefined) items.push(item);
    }
    const nextPage = reply.headers['x-next-page'];
    url =
      http.nextLink(reply) ??
      (typeof nextPage === 'string' && /^\d+$/.test(nextPage) ? withPage(first, nextPage) : undefined);
  }
  return items;
}

function withPage(url: string, page: string): string {
  const next = new URL(url);
  next.searchParams.set('page', page);
  return next.toString();
}

/** A write counts only when the forge answers with the comment it holds, carrying the body sent. */
export function checkWritten(host: string, reply: unknown, sent: string, what: string): void {
  if (!isObject(reply) || reply['id'] === undefined || reply['body'] !== sent)
    throw new CiApiError(
      `${host} API answered without ${what} carrying the text sent; the comment may not have been written`,
    );
}
