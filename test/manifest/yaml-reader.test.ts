/**
 * The loader's `yaml` option: `full` reads every file with the yaml package, and both readers give
 * the same desired state and diagnostics, to the position, on the examples and on plain manifests.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { loadManifests, type LoadOptions } from '../../src/manifest/index.js';
import { readPlainYaml } from '../../src/manifest/plain-yaml.js';

// A spy that keeps the reader's own behaviour: it only records whether the small reader ran.
vi.mock('../../src/manifest/plain-yaml.js', { spy: true });

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const PLAIN = `apiVersion: zpa-gitops/v1
microtenant: Default
userPortals:
  Engineering:
    prune: false
    links:
      - name: Grafana # dashboards
        link: grafana.corp.example.com
        protocol: "https://"
        linkPath: /d/home
        description: 'Dashboards, it''s "here"'
        enabled: false
      - name: Wiki
        link: wiki.corp.example.com
  Ops:
    links:
      - name: Grafana
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zpa-gitops-yaml-reader-'));
  await writeFile(join(dir, 'portals.yaml'), PLAIN);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function load(paths: string[], options: LoadOptions) {
  vi.mocked(readPlainYaml).mockClear();
  const result = await loadManifests(paths, options);
  return { result, plainReads: vi.mocked(readPlainYaml).mock.calls.length };
}

describe('the yaml option of loadManifests', () => {
  it('full reads the examples with the yaml package alone, to the same result as the default', async () => {
    const plain = await load(['manifests'], { cwd: examples });
    const full = await load(['manifests'], { cwd: examples, yaml: 'full' });
    expect(plain.plainReads, 'the default path reads each example with the small reader').toBeGreaterThan(0);
    expect(full.plainReads).toBe(0);
    expect(plain.result.desired?.links.length).toBeGreaterThan(0);
    expect(full.result).toEqual(plain.result);
  });

  it('both give the same desired state and positions on a file the plain reader handles', async () => {
    const plain = await load(['.'], { cwd: dir, yaml: 'plain' });
    const full = await load(['.'], { cwd: dir, yaml: 'full' });
    expect(plain.plainReads).toBe(1);
    expect(full.plainReads).toBe(0);
    expect(plain.result.diagnostics).toEqual([]);
    const grafana = plain.result.desired?.links.find((link) => link.name === 'Grafana');
    expect(grafana).toEqual({
      name: 'Grafana',
      fields: {
        link: 'grafana.corp.example.com',
        protocol: 'https://',
        linkPath: '/d/home',
        description: 'Dashboards, it\'s "here"',
        enabled: false,
      },
      portals: ['Engineering', 'Ops'],
      location: { file: 'portals.yaml', line: 7, col: 9 },
    });
    expect(full.result).toEqual(plain.result);
  });

  it('refuses a value it does not know, from a caller without types', async () => {
    const options = { cwd: dir, yaml: 'fast' } as unknown as LoadOptions;
    await expect(loadManifests(['.'], options)).rejects.toThrow(
      new UsageError('the yaml option is fast; it takes plain or full'),
    );
  });
});
