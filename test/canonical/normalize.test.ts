import { describe, expect, it } from 'vitest';
import {
  compareIds,
  enabledFlag,
  idOf,
  idSet,
  normalizeDataUri,
  optionalString,
  unescapeHtml,
} from '../../src/canonical/normalize.js';
import { fingerprint, sameCanonical, stableJson } from '../../src/canonical/equality.js';

describe('normalisation rules', () => {
  it.each([
    [undefined, ''],
    [null, ''],
    ['', ''],
    ['text', 'text'],
  ])('optionalString(%j) is %j', (input, expected) => expect(optionalString(input)).toBe(expected));

  it.each([
    ['R&amp;D', 'R&D'],
    ['&lt;b&gt; &quot;x&quot; &#39;y&#39; &apos;z&apos;', `<b> "x" 'y' 'z'`],
    ['&#x41;&#66;', 'AB'],
    ['plain & simple', 'plain & simple'],
    ['&unknown;', '&unknown;'],
    ['&#99999999;', '&#99999999;'],
  ])('unescapeHtml(%j) is %j', (input, expected) => expect(unescapeHtml(input)).toBe(expected));

  it.each([
    [undefined, true],
    [true, true],
    [false, false],
    ['false', false],
  ])('enabledFlag(%j) is %j', (input, expected) => expect(enabledFlag(input)).toBe(expected));

  it('compares icons by content', () => {
    const a = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==';
    expect(normalizeDataUri('data:IMAGE/PNG;base64,iVBORw0K\nGgoAAAANSUhEUg==')).toBe(a);
    expect(normalizeDataUri(a)).not.toBe(normalizeDataUri('data:image/png;base64,iVBORw0KGgoAAAANSUhFUg=='));
    expect(normalizeDataUri(undefined)).toBe('');
  });

  it('orders decimal ids numerically without turning them into numbers', () => {
    expect(['145283994705985839', '9', '145283994705985838', '10'].sort(compareIds)).toEqual([
      '9',
      '10',
      '145283994705985838',
      '145283994705985839',
    ]);
    expect(idSet(['2', '1', '2'])).toEqual(['1', '2']);
  });

  it('keeps ids as exact strings', () => {
    expect(idOf('145283994705985838')).toBe('145283994705985838');
    expect(idOf(42)).toBe('42');
    expect(idOf(undefined)).toBe('');
  });
});

describe('the one equality function', () => {
  it('ignores key order and nothing else', () => {
    expect(sameCanonical({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameCanonical({ a: 1, b: [1, 2] }, { a: 1, b: [2, 1] })).toBe(false);
    expect(sameCanonical({ a: '' }, { a: null })).toBe(false);
    expect(stableJson({ b: { d: 1, c: 2 }, a: null })).toBe('{"a":null,"b":{"c":2,"d":1}}');
  });

  it('fingerprints are short, stable hashes of the canonical shape', () => {
    expect(fingerprint({ a: 1, b: 2 })).toBe(fingerprint({ b: 2, a: 1 }));
    expect(fingerprint({ a: 1 })).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
  });
});
