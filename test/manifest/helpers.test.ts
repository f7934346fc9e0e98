/** Small pure helpers of the loader, table-driven. */
import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { closest } from '../../src/manifest/diagnostic.js';
import { imageSubtype } from '../../src/manifest/image-type.js';
import { checkLinkTarget } from '../../src/manifest/link-checks.js';
import { findDeepNesting } from '../../src/manifest/nesting-guard.js';
import { firstInvalidUtf8 } from '../../src/manifest/read-source.js';
import { Random } from '../support/random.js';

describe('closest', () => {
  it.each([
    ['decription', ['name', 'description', 'link'], 'description'],
    ['Link', ['name', 'link'], 'link'],
    ['ZAPP_CLIENTS', ['ZAPP_CLIENT', 'NONE'], 'ZAPP_CLIENT'],
    ['https', ['https://', 'http://'], 'https://'],
    ['colour', ['name', 'link', 'enabled'], undefined],
    ['x', ['name'], undefined],
    ['nmae', ['enrollmentCert', 'name'], 'name'],
    ['porune', ['prune', 'links'], 'prune'],
  ])('%s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x61, 0x62], -1],
    [[0xc3, 0xa9], -1],
    [[0xf0, 0x9f, 0x98, 0x80], -1],
    [[0x61, 0xe9, 0x62], 1],
    [[0xc0, 0xaf], 0],
    [[0xed, 0xa0, 0x80], 0],
    [[0xe2, 0x82], 0],
    [[0xf4, 0x90, 0x80, 0x80], 0],
  ])('%j', (bytes, expected) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(expected);
    expect(isUtf8(Uint8Array.from(bytes))).toBe(expected === -1);
  });

  it("agrees with Node's isUtf8, which read-source.ts asks first, on every kind of sequence", () => {
    // Short runs over the bytes where UTF-8's rules live (leads, continuations, the edges of the
    // overlong, surrogate and U+10FFFF ranges), plus ASCII, so that every rule is met many times.
    const random = new Random(20261202);
    const bytes = [
      0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5,
      0xff,
    ];
    let valid = 0;
    for (let i = 0; i < 20_000; i++) {
      const sample = Uint8Array.from({ length: 1 + random.int(6) }, () => random.pick(bytes));
      const located = firstInvalidUtf8(sample);
      expect(isUtf8(sample), `bytes ${Buffer.from(sample).toString('hex')}`).toBe(located === -1);
      if (located === -1) valid++;
    }
    expect(valid).toBeGreaterThan(500);
  });
});

describe('findDeepNesting', () => {
  it.each([
    ['a: [1, [2, {b: 3}]]', undefined],
    [`${'['.repeat(64)}${']'.repeat(64)}`, undefined],
    ['['.repeat(65), 64],
    [`x:\n  ${'- '.repeat(65)}y`, 5 + 64 * 2],
    [`${'[]'.repeat(1000)}`, undefined],
    // Comments, quoted and block scalars are text, as the yaml package reads them.
    [`# ${'['.repeat(65)}\na: 1\n`, undefined],
    [`a: "${'['.repeat(65)}"\nb: '${'{'.repeat(65)}'\n`, undefined],
    [`a: |\n  ${'['.repeat(65)}\n  ${'- '.repeat(65)}\n`, undefined],
    // A closing bracket inside a string or a comment closes nothing.
    [`${'[ "]", '.repeat(65)}`, 64 * 7],
    [`${'[ # ]\n'.repeat(65)}`, 64 * 6],
  ])('%#', (text, expected) => {
    expect(findDeepNesting(text)).toBe(expected);
  });
});

describe('imageSubtype', () => {
  it.each([
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'png'],
    [[0xff, 0xd8, 0xff, 0xdb], 'jpeg'],
    [[...Buffer.from('GIF87a')], 'gif'],
    [[0, 0, 1, 0, 0, 0], undefined],
    [[...Buffer.from('<svg width="1"></svg>')], 'svg+xml'],
    [[...Buffer.from('<html><svg/></html>')], undefined],
    [[...Buffer.from('hello')], undefined],
  ])('%j', (bytes, expected) => {
    expect(imageSubtype(Uint8Array.from(bytes))).toBe(expected);
  });
});

describe('checkLinkTarget', () => {
  const at = { file: 'm.yaml', line: 1, col: 1 };
  it.each([
    ['grafana.corp.example.com', []],
    ['10.20.0.15', []],
    ['app.example.com:8443', []],
    ['[fd00::1]:443', []],
    ['*.corp.example.com', []],
    ['HTTPS://a.example.com', ['link-has-scheme']],
    ['ftp://a.example.com', ['link-has-scheme']],
    ['a.example.com/x', ['link-has-path']],
    ['a.example.com?x=1', ['link-has-path']],
    ['a example', ['link-invalid']],
    ['  ', ['link-invalid']],
  ])('%s', (value, codes) => {
    expect(checkLinkTarget(value, () => 'link "x"', at).map((d) => d.code)).toEqual(codes);
  });
});
