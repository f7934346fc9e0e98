/**
 * The corpus of invalid manifests: one file (or folder, for mistakes across files) per mistake,
 * each with a golden `.expected` holding the exact diagnostics. UPDATE_GOLDEN=1 rewrites them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasErrors, loadManifests } from '../../src/manifest/index.js';
import { formatDiagnostics } from '../../src/render/diagnostics.js';
import { expectGolden } from '../support/golden.js';

const folder = fileURLToPath(new URL('./invalid/', import.meta.url));
const cases = readdirSync(folder)
  .filter((name) => !name.endsWith('.expected'))
  .sort();
/** Legal but unusual: these yield warnings only. */
const WARNINGS_ONLY = new Set(['alias-used.yaml', 'plain-http.yaml']);

describe('invalid manifests', () => {
  it('has a case for each of at least 25 mistakes, and no golden without a case', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    const goldens = readdirSync(folder).filter((name) => name.endsWith('.expected'));
    for (const golden of goldens) expect(cases.map(goldenName)).toContain(golden);
  });

  it.each(cases)('%s', async (name) => {
    const { diagnostics } = await loadManifests([name], { cwd: folder });
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(hasErrors(diagnostics)).toBe(!WARNINGS_ONLY.has(name));
    for (const diagnostic of diagnostics) expect(diagnostic.location).toBeDefined();
    expectGolden(formatDiagnostics(diagnostics), `${folder}${goldenName(name)}`);
  });

  it('needs every golden file to exist', () => {
    if (process.env['UPDATE_GOLDEN'] === '1') return;
    for (const name of cases) expect(existsSync(`${folder}${goldenName(name)}`), goldenName(name)).toBe(true);
  });
});

function goldenName(name: string): string {
  return `${name.replace(/\.ya?ml$/, '')}.expected`;
}
