/** The pure choice behind apply's re-reads (src/apply/reread.ts) and the fresh-plan threshold. */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/core/types.js';
import { FRESH_PLAN_MS, isFreshPlan } from '../../src/apply/fresh-plan.js';
import { rereadWays, sizesNamedBy } from '../../src/apply/reread.js';
import { BUILT_IN_KINDS } from '../../src/kinds/built-in.js';
import type { LiveSource } from '../../src/live/source.js';
import { ManualClock } from '../support/manual-clock.js';

const both: LiveSource = { read: () => Promise.resolve([]), readOne: () => Promise.resolve(undefined) };
const pagesOnly: LiveSource = { read: () => Promise.resolve([]) };

function link(action: 'create' | 'update' | 'delete' | 'no-op', n: number): Change {
  const base = { kind: 'userPortalLink', key: `link-${n}` };
  if (action === 'create') return { ...base, action, after: {} };
  return { ...base, action, id: String(1000 + n), before: {}, after: {}, fingerprint: 'f', fieldChanges: [] } as Change;
}
const setting = { kind: 'clientSetting', key: 'ZAPP_CLIENT', action: 'create', after: {} } as Change;

describe('rereadWays', () => {
  it('takes the cheaper by calls: k GETs by id against ceil(n/500) pages, ties to the GETs by id', () => {
    const updates = (k: number) => Array.from({ length: k }, (_, i) => link('update', i));
    const at = (k: number, n: number) => rereadWays(updates(k), () => n, both, BUILT_IN_KINDS).get('userPortalLinks');
    expect(at(1, 10_000)).toEqual({ how: 'by-id', ids: ['1000'], calls: 1 });
    expect(at(20, 10_000)).toMatchObject({ how: 'by-id', calls: 20 });
    expect(at(21, 10_000)).toEqual({ how: 'pages', calls: 20 });
    expect(at(2, 400)).toEqual({ how: 'pages', calls: 1 });
    expect(at(1, 400)).toMatchObject({ how: 'by-id', calls: 1 });
  });

  it('reads the pages whenever a create is planned, and for a source without single reads', () => {
    const changes = [link('update', 1), link('create', 2)];
    expect(rereadWays(changes, () => 10_000, both, BUILT_IN_KINDS).get('userPortalLinks')).toEqual({
      how: 'pages',
      calls: 20,
    });
    expect(rereadWays([link('delete', 1)], () => 10_000, pagesOnly, BUILT_IN_KINDS).get('userPortalLinks')).toEqual({
      how: 'pages',
      calls: 20,
    });
  });

  it('client settings are one bare-array read; no-ops are never re-read', () => {
    const ways = rereadWays([setting, link('no-op', 1)], () => undefined, both, BUILT_IN_KINDS);
    expect([...ways]).toEqual([['clientSettings', { how: 'pages', calls: 1 }]]);
  });

  it("a saved plan's sizes: the live objects its changes name, creates left out", () => {
    const sizeOf = sizesNamedBy(
      [link('no-op', 1), link('update', 2), link('delete', 3), link('create', 4)],
      BUILT_IN_KINDS,
    );
    expect(sizeOf('userPortalLinks')).toBe(3);
    expect(sizeOf('clientSettings')).toBeUndefined();
  });
});

describe('isFreshPlan', () => {
  it(`is fresh for less than ${FRESH_PLAN_MS} ms after the read, on the clock given`, async () => {
    const clock = new ManualClock();
    const readAt = clock.now();
    expect(isFreshPlan(readAt, clock)).toBe(true);
    await clock.advance(FRESH_PLAN_MS - 1);
    expect(isFreshPlan(readAt, clock)).toBe(true);
    await clock.advance(1);
    expect(isFreshPlan(readAt, clock)).toBe(false);
    expect(isFreshPlan(undefined, clock), 'unknown read time').toBe(false);
    expect(isFreshPlan(clock.now() + 1, clock), 'a read in the future (the clock went back)').toBe(false);
  });
});
