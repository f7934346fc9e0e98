import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  fingerprint,
  fingerprintOfStableJson,
  sameCanonical,
  sameJson,
  stableJson,
} from '../../src/canonical/equality.js';
import type { Json } from '../../src/core/types.js';

/** The definition stableJson had before it was rewritten as a loop: the rewrite must give the same bytes. */
function definition(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(definition).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${definition(value[k] ?? null)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

// Values that trip serialisers: key order, nesting, null against missing, number forms, unicode.
const VALUES: Json[] = [
  null,
  true,
  false,
  0,
  -0,
  1,
  1.5,
  1e21,
  -1e-7,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  '0',
  'null',
  'true',
  'é',
  'e\u0301',
  '😀',
  '\ud800',
  '"quoted" \\ back\nslash\u2028',
  [],
  [null],
  [[]],
  [1, [2, [3]]],
  [[1, 2], 3],
  [1, 2, 3],
  [3, 2, 1],
  ['a', 'b'],
  {},
  { a: null },
  { a: 1 },
  { a: 1, b: 2 },
  { b: 2, a: 1 },
  { a: { c: [1, { e: 2, d: 1 }], b: null } },
  { a: { b: null, c: [1, { d: 1, e: 2 }] } },
  { '': 1 },
  { é: 1, e: 2, 'e\u0301': 3 },
  { 10: 'x', 9: 'y', a: 'z' },
  { '0': 1 },
  { __proto__: 1 },
  JSON.parse('{"__proto__": 1}') as Json,
  { a: [] },
  { a: {} },
  { a: '1' },
  { a: true },
];

describe('stableJson', () => {
  it.each(VALUES.map((v) => [v]))('writes %j as the definition does', (value) => {
    expect(stableJson(value)).toBe(definition(value));
  });

  it('writes an undefined field as null and an undefined element as nothing, as the definition does', () => {
    const odd = [{ a: undefined }, [undefined], [undefined, 1], [1, , 2]] as unknown as Json[];
    for (const value of odd) expect(stableJson(value)).toBe(definition(value));
  });

  it('sorts keys the same way whatever order they were built in, across many shapes', () => {
    for (let n = 0; n < 40; n++) {
      const forward: Record<string, Json> = {};
      const backward: Record<string, Json> = {};
      for (let k = 0; k < n; k++) forward[`k${k}`] = k;
      for (let k = n - 1; k >= 0; k--) backward[`k${k}`] = k;
      expect(stableJson(forward)).toBe(definition(forward));
      expect(stableJson(backward)).toBe(stableJson(forward));
    }
  });
});

describe('sameJson agrees with comparing stable JSON', () => {
  const pairs = VALUES.flatMap((a) => VALUES.map((b) => [a, b] as const));

  it(`on every pair of ${VALUES.length} tricky values`, () => {
    let equal = 0;
    for (const [a, b] of pairs) {
      const expected = definition(a) === definition(b);
      if (sameJson(a, b) !== expected)
        throw new Error(`sameJson(${definition(a)}, ${definition(b)}) should be ${expected}`);
      if (expected) equal += 1;
    }
    // NaN, Infinity and null all write as null; -0 as 0; both spellings of { a: 1, b: 2 } match.
    expect(equal).toBeGreaterThan(VALUES.length);
  });

  it('on null against missing, and on undefined fields and elements', () => {
    const cases: [unknown, unknown][] = [
      [{ a: null }, {}],
      [{ a: undefined }, { a: null }],
      [{ a: undefined }, {}],
      [[undefined], []],
      [[undefined, 1], [1]],
      [
        [1, undefined],
        [1, null],
      ],
      [
        { a: 1, b: undefined },
        { b: null, a: 1 },
      ],
    ];
    for (const [a, b] of cases)
      expect(sameJson(a as Json, b as Json)).toBe(definition(a as Json) === definition(b as Json));
  });

  it('compares canonical shapes built with different key orders as equal, and a changed field as different', () => {
    const live = { name: 'a', enabled: true, userPortals: ['1', '2'] };
    expect(sameCanonical(live, { userPortals: ['1', '2'], enabled: true, name: 'a' })).toBe(true);
    expect(sameCanonical(live, { ...live, userPortals: ['2', '1'] })).toBe(false);
    expect(sameCanonical(live, { ...live, enabled: 'true' })).toBe(false);
  });
});

describe('fingerprint', () => {
  it('is the first 16 hex digits of SHA-256 over the stable JSON', () => {
    const value = { b: [1, 'é'], a: null };
    const expected = createHash('sha256').update(definition(value)).digest('hex').slice(0, 16);
    expect(fingerprint(value)).toBe(expected);
    expect(fingerprintOfStableJson(stableJson(value))).toBe(expected);
  });
});
