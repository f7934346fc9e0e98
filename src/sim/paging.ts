/**
 * Paged replies (NOTES.md, "Paging"): `page` from 1, `pagesize` default 20 and at most 500, counts
 * as strings, and no `list` key at all when a page is empty.
 */
import { invalidInput } from './http-error.js';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 500;

export interface PagedReply {
  totalPages: string;
  totalCount: string;
  list?: unknown[];
}

function positiveInteger(query: Record<string, string>, name: string, fallback: number): number {
  const raw = query[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw invalidInput(`${name} must be a positive integer`, name);
  return Number(raw);
}

/**
 * One page of `items`, rendered. Slicing first keeps a page of 500 out of 50,000 cheap.
 * `lie` overstates `totalPages` by one (a fault): the extra page then comes back without a list.
 */
export function pageOf<T>(
  items: readonly T[],
  query: Record<string, string>,
  render: (item: T) => unknown,
  lie = false,
): PagedReply {
  const page = positiveInteger(query, 'page', 1);
  const size = positiveInteger(query, 'pagesize', DEFAULT_PAGE_SIZE);
  if (size > MAX_PAGE_SIZE) throw invalidInput(`pagesize must be at most ${MAX_PAGE_SIZE}`, 'pagesize');
  const totalPages = Math.ceil(items.length / size) + (lie ? 1 : 0);
  const reply: PagedReply = { totalPages: String(totalPages), totalCount: String(items.length) };
  const slice = items.slice((page - 1) * size, page * size);
  if (slice.length > 0) reply.list = slice.map(render);
  return reply;
}
