/** A page of a paged list: `{totalPages, totalCount, list}` (NOTES.md, "Paging"). */
import { COUNT } from './common.js';

/** `list` may be absent or null on an empty page; whether that is believable is decided by the reader. */
export function pageSchema(item: object): object {
  return {
    type: 'object',
    description: 'a page object {totalPages, totalCount, list}',
    properties: {
      totalPages: COUNT,
      totalCount: COUNT,
      list: { type: ['array', 'null'], description: 'an array of objects', items: item },
    },
  };
}
