/** Rendering diagnostics: one line each, sorted, and GitHub workflow commands escaped by GitHub's rules. */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/types.js';
import { formatDiagnostic, formatDiagnostics, githubAnnotations } from '../../src/render/diagnostics.js';

const located = (file: string, line: number, col: number, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  severity: 'error',
  code: 'link-has-scheme',
  message: 'what is wrong',
  hint: 'how to fix it',
  location: { file, line, col },
  ...extra,
});

describe('formatDiagnostic', () => {
  it.each([
    [located('a.yaml', 12, 9), 'a.yaml:12:9 error what is wrong — how to fix it'],
    [located('a.yaml', 1, 1, { severity: 'warning' }), 'a.yaml:1:1 warning what is wrong — how to fix it'],
    [{ severity: 'error', code: 'path-not-found', message: 'no such file' } satisfies Diagnostic, 'error no such file'],
    [located('a.yaml', 2, 3, { message: 'two\nlines' }), 'a.yaml:2:3 error two⏎lines — how to fix it'],
  ])('%#', (diagnostic, expected) => {
    expect(formatDiagnostic(diagnostic)).toBe(expected);
  });
});

describe('formatDiagnostics', () => {
  it('sorts by file, line and column, unlocated first, errors before warnings at one place', () => {
    const text = formatDiagnostics([
      located('b.yaml', 1, 1),
      located('a.yaml', 10, 1),
      located('a.yaml', 9, 5, { severity: 'warning' }),
      located('a.yaml', 9, 5),
      located('a.yaml', 9, 2),
      { severity: 'warning', code: 'no-manifests', message: 'none' },
    ]);
    expect(text.split('\n').map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      'warning none',
      'a.yaml:9:2 error',
      'a.yaml:9:5 error',
      'a.yaml:9:5 warning',
      'a.yaml:10:1 error',
      'b.yaml:1:1 error',
      '',
    ]);
  });

  it('is empty for no diagnostics', () => {
    expect(formatDiagnostics([])).toBe('');
  });
});

describe('githubAnnotations', () => {
  it('writes one workflow command per diagnostic, escaping data and properties', () => {
    const text = githubAnnotations([
      located('dir,x/a:b.yaml', 3, 7, { message: '100% sure\r\nreally' }),
      { severity: 'warning', code: 'no-manifests', message: 'none here' },
    ]);
    expect(text).toBe(
      '::warning::none here\n::error file=dir%2Cx/a%3Ab.yaml,line=3,col=7::100%25 sure%0D%0Areally — how to fix it\n',
    );
  });
});
