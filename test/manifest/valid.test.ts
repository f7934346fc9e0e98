/** Valid manifests load into exactly the desired state they describe, with every location. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DesiredState, SourceLocation } from '../../src/core/types.js';
import { loadManifests } from '../../src/manifest/index.js';

const folder = fileURLToPath(new URL('./valid/', import.meta.url));
const at = (file: string, line: number, col: number): SourceLocation => ({ file, line, col });
const grafanaPng = readFileSync(`${folder}shared/icons/grafana.png`).toString('base64');

describe('valid manifests', () => {
  it('loads links shared across files, name-only mentions, absent, ids and icons', async () => {
    const { desired, diagnostics } = await loadManifests(['shared'], { cwd: folder });
    expect(diagnostics).toEqual([]);
    const cs = 'shared/client-settings.yaml';
    const eng = 'shared/portals/engineering.yaml';
    const ops = 'shared/portals/ops.yaml';
    const expected: DesiredState = {
      microtenant: { name: 'Default', location: at(cs, 3, 14) },
      clientSettings: [
        { type: 'ZAPP_CLIENT', absent: false, enrollmentCert: { name: 'Client' }, location: at(cs, 5, 3) },
        {
          type: 'ISOLATION_CLIENT',
          absent: false,
          enrollmentCert: { id: '145283994705999001' },
          name: 'Isolation',
          location: at(cs, 7, 3),
        },
        { type: 'APP_PROTECTION', absent: true, location: at(cs, 10, 3) },
      ],
      portals: [
        { name: 'Engineering', prune: true, location: at(eng, 4, 3) },
        { name: 'Ops', prune: false, location: at(ops, 3, 3) },
        { name: 'Support', prune: true, location: at(ops, 10, 3) },
      ],
      links: [
        {
          name: 'Grafana',
          fields: {
            link: 'grafana.corp.example.com',
            protocol: 'https://',
            linkPath: '/d/home',
            description: 'Team dashboards',
            icon: { fileName: 'grafana.png', dataUri: `data:image/png;base64,${grafanaPng}` },
          },
          portals: ['Engineering', 'Ops', 'Support'],
          location: at(eng, 6, 9),
        },
        {
          name: 'Jira',
          fields: { link: 'jira.corp.example.com', enabled: false },
          portals: ['Engineering', 'Support'],
          location: at(eng, 12, 9),
        },
        {
          name: 'Pager',
          fields: { link: '10.20.0.15', protocol: 'https://' },
          portals: ['Ops'],
          location: at(ops, 6, 9),
        },
      ],
      files: [cs, eng, ops],
    };
    expect(desired).toEqual(expected);
  });

  it('merges mentions that give agreeing fields, and keeps a microtenant id as a string', async () => {
    const { desired, diagnostics } = await loadManifests(['agreeing-mentions.yaml'], { cwd: folder });
    expect(diagnostics).toEqual([]);
    const file = 'agreeing-mentions.yaml';
    expect(desired).toEqual({
      microtenant: { id: '216196257331281920', location: at(file, 2, 16) },
      clientSettings: [],
      portals: [
        { name: 'Engineering', prune: true, location: at(file, 4, 3) },
        { name: 'Ops', prune: true, location: at(file, 9, 3) },
      ],
      links: [
        {
          name: 'Wiki',
          fields: { link: 'wiki.corp.example.com', protocol: 'https://', description: 'Runbooks live here' },
          portals: ['Engineering', 'Ops'],
          location: at(file, 6, 9),
        },
      ],
      files: [file],
    } satisfies DesiredState);
  });

  it('accepts empty sections and a portal with no links key (prune still on)', async () => {
    const { desired, diagnostics } = await loadManifests(['empty-sections.yaml'], { cwd: folder });
    expect(diagnostics).toEqual([]);
    expect(desired?.portals.map((p) => [p.name, p.prune])).toEqual([
      ['Engineering', true],
      ['Ops', true],
    ]);
    expect(desired?.links).toEqual([]);
    expect(desired?.clientSettings).toEqual([]);
  });

  it('loads the shipped examples without errors', async () => {
    const examples = fileURLToPath(new URL('../../examples/manifests/', import.meta.url));
    const { desired, diagnostics } = await loadManifests([examples], { cwd: examples });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(desired?.links.find((l) => l.name === 'Grafana')?.portals).toEqual(['Engineering', 'Ops']);
  });
});
