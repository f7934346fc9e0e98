/**
 * readAllPages asks for the remaining pages together, but holds at most PAGES_IN_FLIGHT replies in
 * flight: the pages come from a fetcher that only answers when the test releases a call, so the
 * count of calls waiting at once is exact, with no timing involved.
 */
import { describe, expect, it } from 'vitest';
import { PAGES_IN_FLIGHT, readAllPages } from '../../src/zpa/read-pages.js';
import { VALIDATE } from '../../src/zpa/reply-validators.js';
import type { ApiReply } from '../../src/zpa/transport.js';

const PAGES = 25;
const link = (page: number) => ({ id: String(1000 + page), name: `link-${page}`, link: `a${page}.example.com` });

describe('readAllPages in flight', () => {
  it(`reads ${PAGES} pages with at most ${PAGES_IN_FLIGHT} waiting at once, in page order`, async () => {
    const waiting: { page: number; answer: () => void }[] = [];
    let most = 0;
    const fetchPage = (page: number): Promise<ApiReply> =>
      new Promise((resolve) => {
        const body = { totalPages: String(PAGES), totalCount: String(PAGES), list: [link(page)] };
        waiting.push({ page, answer: () => resolve({ status: 200, body }) });
        most = Math.max(most, waiting.length);
      });
    const reading = readAllPages(fetchPage, { method: 'GET', path: '/userPortalLink' }, VALIDATE.linkPage);
    let settled = false;
    void reading.finally(() => (settled = true));
    // Answer the oldest waiting call until the read is done; each answer lets the next call start.
    while (!settled) {
      await Promise.resolve();
      const next = waiting.shift();
      if (next) next.answer();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const objects = await reading;
    expect(objects.map((o) => o['name'])).toEqual(Array.from({ length: PAGES }, (_, i) => `link-${i + 1}`));
    expect(most).toBe(PAGES_IN_FLIGHT);
  });
});
