import { describe, expect, it } from 'vitest';
import { compileGlob } from '../../src/core/glob.js';

describe('compileGlob', () => {
  const table: [pattern: string, name: string, matches: boolean][] = [
    ['console-*', 'console-grafana', true],
    ['console-*', 'console-', true],
    ['console-*', 'Console-grafana', false], // case-sensitive, like ZPA's names
    ['console-*', 'my console-grafana', false], // anchored at the start
    ['*-legacy', 'nas-legacy', true],
    ['tmp-?', 'tmp-1', true],
    ['tmp-?', 'tmp-10', false],
    ['tmp-?', 'tmp-', false],
    ['a?c', 'a🙂c', true], // `?` is one character, even outside the BMP
    ['a.c', 'abc', false], // regex characters match themselves
    ['[x] *', '[x] y', true], // brackets are literal: link names hold them
    ['{a,b}', '{a,b}', true],
    ['a+b (c)', 'a+b (c)', true],
    ['*', '', true],
    ['x*y*z', 'x--y--z', true],
    ['x*y*z', 'x--z', false],
    ['line', 'line\nbreak', false],
    ['*', 'line\nbreak', true],
  ];
  it.each(table)('%j against %j is %s', (pattern, name, matches) => {
    expect(compileGlob(pattern)(name)).toBe(matches);
  });
});
