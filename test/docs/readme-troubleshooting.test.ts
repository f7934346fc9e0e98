/**
 * The README's Troubleshooting table quotes messages the tool really prints: every quoted message,
 * split where it says `…`, must appear piece by piece in src/, so the table and the code cannot
 * drift apart again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/built-cli.js';

function troubleshootingRows(): { message: string; line: string }[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = /^## Troubleshooting\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => {
      const firstColumn = line.split(' | ')[0] ?? '';
      return [...firstColumn.matchAll(/`([^`]+)`/g)].map((match) => ({ message: match[1] ?? '', line }));
    });
}

function sourceText(): string {
  const dir = join(ROOT, 'src');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n');
}

describe('README troubleshooting', () => {
  const rows = troubleshootingRows();
  const source = sourceText();

  it('has a table of quoted messages', () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
  });

  it.each(rows.map((row) => [row.message]))('"%s" is what the source prints', (message) => {
    const pieces = message
      .split('…')
      .map((piece) => piece.trim())
      .filter((piece) => piece.length > 0);
    // Each quote carries some literal text, not only placeholders.
    expect(pieces.join('').length).toBeGreaterThanOrEqual(6);
    for (const piece of pieces) expect(source.includes(piece), `"${piece}" of "${message}" in src/`).toBe(true);
  });
});
