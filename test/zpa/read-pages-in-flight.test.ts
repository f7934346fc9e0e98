/**
 * readAllPages asks for the remaining pages together, but holds at most PAGES_IN_FLIGHT replies in
 * flight, and checks and compacts each page as it arrives: the pages come from a fetcher that only
 * answers when the test releases a call, so what has happened at each answer is exact, with no
 * timing involved.
 */
import { describe, expect, it } from 'vitest';
import { PAGES_IN_FLIGHT, readAllPages } from '../../src/zpa/read-pages.js';
import { itemValidators } from '../../src/zpa/item-validators.js';
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
    const reading = readAllPages(
      fetchPage,
      { method: 'GET', path: '/userPortalLink' },
      itemValidators('userPortalLink').page,
    );
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

  it('checks and compacts each page as it arrives, before the next one is answered', async () => {
    const answers: (() => void)[] = [];
    const compacted: string[] = [];
    let answered = 0;
    const compactedWhenAnswered: number[] = [];
    const fetchPage = (page: number): Promise<ApiReply> =>
      new Promise((resolve) => {
        const body = {
          totalPages: '3',
          totalCount: '3',
          list: [{ ...link(page), userPortals: [{ id: '7', name: 'P' }] }],
        };
        answers.push(() => resolve({ status: 200, body }));
      });
    const compact = (object: Record<string, unknown>) => {
      compacted.push(String(object['name']));
      return { ...object, userPortals: [{ id: '7' }] };
    };
    const reading = readAllPages(
      fetchPage,
      { method: 'GET', path: '/userPortalLink' },
      itemValidators('userPortalLink').page,
      compact,
    );
    let settled = false;
    void reading.finally(() => (settled = true));
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      const answer = answers.shift();
      if (!answer) continue;
      compactedWhenAnswered.push(compacted.length);
      answer();
      answered++;
    }
    const objects = await reading;
    expect(answered).toBe(3);
    // Before each answer, every page answered earlier had already been compacted.
    expect(compactedWhenAnswered).toEqual([0, 1, 2]);
    expect(objects.map((o) => o['userPortals'])).toEqual([[{ id: '7' }], [{ id: '7' }], [{ id: '7' }]]);
  });

  it('compacts nothing of a page whose shape is refused, and the refusal stops the read', async () => {
    let calls = 0;
    const fetchPage = (): Promise<ApiReply> =>
      Promise.resolve({ status: 200, body: { totalPages: '1', list: [{ id: 5 }] } });
    const reading = readAllPages(
      fetchPage,
      { method: 'GET', path: '/userPortalLink' },
      itemValidators('userPortalLink').page,
      (o) => {
        calls++;
        return o;
      },
    );
    await expect(reading).rejects.toThrow(/userPortalLink/);
    expect(calls).toBe(0);
  });
});
