/**
 * Reading every page of a paged list, and believing it only when it adds up. Loops on
 * `totalPages`; after the last page the objects read must equal `totalCount` when the reply gives
 * one (a `totalPages` too low, or a page without its `list`, otherwise reads as fewer
 * objects, and apply creates the missing ones again). The vendor page's own example shows
 * `totalCount: "0"` beside two items, so a 0 next to a non-empty list means "no count given".
 */
import pLimit from 'p-limit';
import type { ApiObject } from '../core/types.js';
import { checkReply, shapeError, type ReplyValidator } from './reply-check.js';
import { replyError, type Endpoint } from './replies.js';
import type { ApiReply } from './transport.js';

/**
 * Pages of one collection in flight at once. The rate limiter paces the calls; this bounds the
 * connections (asking for every page at once would open a socket per page, each a TLS handshake
 * against a real tenant, where kept-alive ones can be reused) and the replies held while
 * they arrive. Half the published 20 GETs per window, so a window's worth lands in two round trips.
 */
export const PAGES_IN_FLIGHT = 10;

/** 5 million objects: a reply claiming more pages is broken, not big. */
export const MAX_PAGES = 10_000;

interface PageBody {
  totalPages?: string | number;
  totalCount?: string | number;
  list?: ApiObject[] | null;
}

export async function readAllPages(
  fetchPage: (page: number) => Promise<ApiReply>,
  endpoint: Endpoint,
  validate: ReplyValidator,
  compact?: (object: ApiObject) => ApiObject,
): Promise<ApiObject[]> {
  // Each page is checked, and its objects compacted, as it arrives: what is dropped then dies young,
  // instead of every page of a batch being held whole until the last one is in.
  const arrived = async (page: number): Promise<ApiReply> => {
    const reply = await fetchPage(page);
    checkReply(validate, reply.body, { ...endpoint, status: reply.status }, { page });
    const list = (reply.body as PageBody | null)?.list;
    if (compact && list) for (let i = 0; i < list.length; i++) list[i] = compact(list[i] as ApiObject);
    return reply;
  };
  const all: ApiObject[] = [];
  let totalPages = 1;
  let count: number | undefined;
  let countTrusted = true;
  let pagesRead = 0;
  let next = 1;
  // Once a page says how many pages there are, the rest are asked for at once (PAGES_IN_FLIGHT at a
  // time) and the rate limiter paces them, so a long collection takes a couple of round trips
  // rather than one per page. Every request of a batch settles before any is judged, so a refused list
  // leaves no read in flight.
  while (next <= totalPages) {
    const batch = Array.from({ length: totalPages - next + 1 }, (_, i) => next + i);
    const limit = pLimit(PAGES_IN_FLIGHT);
    const replies = await Promise.allSettled(batch.map((page) => limit(() => arrived(page))));
    next += batch.length;
    for (const [i, settled] of replies.entries()) {
      if (settled.status === 'rejected') throw settled.reason;
      const page = batch[i] ?? 0;
      const reply = settled.value;
      pagesRead = page;
      const at = { ...endpoint, status: reply.status };
      const body = (reply.body ?? {}) as PageBody;
      const list = body.list ?? [];
      const pages = body.totalPages === undefined ? undefined : Number(body.totalPages);
      if (pages === undefined && (list.length > 0 || page > 1))
        throw shapeError(at, { page }, '`totalPages` is missing');
      if (pages !== undefined && pages > MAX_PAGES)
        throw replyError(
          at,
          `page ${page}: reply claims ${pages} pages (more than ${MAX_PAGES}); refusing to read them`,
        );
      if (body.totalCount !== undefined) {
        const stated = Number(body.totalCount);
        if (stated === 0 && list.length > 0) countTrusted = false;
        else count = stated;
      }
      if (list.length === 0) {
        if (countTrusted && count !== undefined && all.length < count)
          throw replyError(
            at,
            `page ${page}: reply has no objects (\`list\` is ${body.list === null ? 'null' : 'missing or empty'}) but \`totalCount\` says ${count} and ${all.length} were read; refusing to plan from a partial list`,
          );
        return finish(all, count, countTrusted, endpoint, pagesRead, totalPages);
      }
      all.push(...list);
      totalPages = pages ?? 0;
    }
  }
  return finish(all, count, countTrusted, endpoint, pagesRead, totalPages);
}

function finish(
  all: ApiObject[],
  count: number | undefined,
  countTrusted: boolean,
  endpoint: Endpoint,
  pagesRead: number,
  totalPages: number,
): ApiObject[] {
  if (countTrusted && count !== undefined && all.length !== count)
    throw replyError(
      endpoint,
      `read ${all.length} objects on ${pagesRead} page(s) (\`totalPages\` ${totalPages}) but \`totalCount\` says ${count}; refusing to plan from a list that does not add up`,
    );
  return all;
}
