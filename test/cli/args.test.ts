/** The normalisation step before node:util parseArgs, and the did-you-mean, as pure functions. */
import { describe, expect, it } from 'vitest';
import { normalizeArgs } from '../../src/cli/args.js';
import { closest, editDistance } from '../../src/core/closest.js';

const OPTIONS = {
  out: { type: 'string' },
  format: { type: 'string' },
  'detailed-exitcode': { type: 'boolean' },
  'auto-approve': { type: 'boolean' },
  parallelism: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

describe('normalizeArgs', () => {
  it.each([
    [['-out=plan.json'], ['--out=plan.json']],
    [
      ['-out', 'plan.json'],
      ['--out', 'plan.json'],
    ],
    [['-detailed-exitcode'], ['--detailed-exitcode']],
    [['-no-color'], ['--no-color']],
    [['-json'], ['--format=json']],
    [['-auto-approve'], ['--auto-approve']],
    [['-target=portal:Ops'], ['--target=portal:Ops']],
    [['-parallelism=8'], ['--parallelism=8']],
    [['-input=false'], ['--input=false']],
    [['-help'], ['--help']],
    // Left alone: documented forms, one-letter flags, values, positionals, and everything after --.
    [
      ['--out', 'plan.json'],
      ['--out', 'plan.json'],
    ],
    [['-h'], ['-h']],
    [
      ['--out', '-weird-name.json'],
      ['--out', '-weird-name.json'],
    ],
    [
      ['-out', '-json'],
      ['--out', '-json'],
    ],
    [
      ['manifests/', '-5'],
      ['manifests/', '-5'],
    ],
    [
      ['--', '-out=x'],
      ['--', '-out=x'],
    ],
    [['-out=a=b'], ['--out=a=b']],
  ])('%j -> %j', (given, expected) => {
    expect(normalizeArgs(given, OPTIONS)).toEqual(expected);
  });
});

describe('closest, on flags', () => {
  const flags = ['--format', '--out', '--detailed-exitcode', '--show-unchanged', '--prune-threshold'];
  it.each([
    ['--detailed-exit-code', '--detailed-exitcode'],
    ['--detailed', '--detailed-exitcode'],
    ['--fromat', '--format'],
    ['--show-unchaged', '--show-unchanged'],
    ['--nope', undefined],
    ['--parallelism', undefined],
  ])('%s -> %s', (given, expected) => {
    expect(closest(given, flags)).toBe(expected);
  });

  it('measures edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
