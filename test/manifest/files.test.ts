/** Which files are read: folder walking, explicit files, guards on size and encoding, icons on disk. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasErrors, loadManifests } from '../../src/manifest/index.js';
import { formatDiagnostics } from '../../src/render/diagnostics.js';
import { removeWorkspaces, workspace } from '../support/workspace.js';

afterAll(removeWorkspaces);

const manifest = (portal: string, link = 'x.example.com'): string =>
  `apiVersion: zpa-gitops/v1\nuserPortals:\n  ${portal}:\n    links:\n      - name: ${portal}-link\n        link: ${link}\n`;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('walking folders', () => {
  it('reads *.yaml and *.yml in sorted order, skipping dot-folders, node_modules and other YAML', async () => {
    const dir = workspace({
      'b.yaml': manifest('B'),
      'a/z.yml': manifest('AZ'),
      'a.yaml': manifest('A'),
      'A.YAML': manifest('Upper'),
      '.hidden/h.yaml': manifest('Hidden'),
      'node_modules/pkg/n.yaml': manifest('Vendored'),
      '.github/workflows/ci.yml': 'name: ci\non: [push]\n',
      'docker-compose.yaml': 'services:\n  web:\n    image: nginx\n',
      'other-tool.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
      'notes.txt': manifest('Text'),
    });
    const { desired, diagnostics } = await loadManifests(['.'], { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect(desired?.files).toEqual(['A.YAML', 'a/z.yml', 'a.yaml', 'b.yaml']);
    expect(desired?.portals.map((p) => p.name)).toEqual(['Upper', 'AZ', 'A', 'B']);
  });

  it('defaults to the working directory', async () => {
    const dir = workspace({ 'm.yaml': manifest('M') });
    expect((await loadManifests([], { cwd: dir })).desired?.files).toEqual(['m.yaml']);
  });

  it('refuses a file named explicitly that is not a manifest', async () => {
    const dir = workspace({ 'compose.yaml': 'services: {}\n', 'empty.yaml': '' });
    const { diagnostics } = await loadManifests(['compose.yaml', 'empty.yaml'], { cwd: dir });
    expect(formatDiagnostics(diagnostics)).toBe(
      'compose.yaml:1:1 error not a zpa-gitops manifest — a manifest starts with apiVersion: zpa-gitops/v1\n' +
        'empty.yaml:1:1 error not a zpa-gitops manifest — a manifest starts with apiVersion: zpa-gitops/v1\n',
    );
  });

  it('reads a file named explicitly even inside node_modules, and only once when also found by a walk', async () => {
    const dir = workspace({ 'node_modules/m.yaml': manifest('N'), 'm.yaml': manifest('M') });
    const { desired, diagnostics } = await loadManifests(['.', 'node_modules/m.yaml', 'm.yaml'], { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect(desired?.files).toEqual(['m.yaml', 'node_modules/m.yaml']);
  });

  it('reports a missing path without a location, and a folder without manifests as an error', async () => {
    const dir = workspace({ 'empty/readme.md': 'nothing here' });
    const { diagnostics } = await loadManifests(['nope.yaml', 'empty'], { cwd: dir });
    expect(formatDiagnostics(diagnostics)).toBe(
      'error no manifests found in empty — manifests are *.yaml or *.yml files starting with apiVersion: zpa-gitops/v1; pass --allow-empty if an empty folder is meant\n' +
        'error no such file or directory: nope.yaml — give a manifest file or a folder holding manifests\n',
    );
  });

  it('reports a folder without manifests as a warning when an empty folder is allowed', async () => {
    const dir = workspace({ 'empty/readme.md': 'nothing here' });
    const { diagnostics } = await loadManifests(['empty'], { cwd: dir, allowEmpty: true });
    expect(formatDiagnostics(diagnostics)).toBe(
      'warning no manifests found in empty — manifests are *.yaml or *.yml files starting with apiVersion: zpa-gitops/v1\n',
    );
  });

  it('names files relative to the working directory, even outside it', async () => {
    const dir = workspace({ 'manifests/m.yaml': manifest('M', 'https://x.example.com') });
    const { diagnostics } = await loadManifests([join(dir, 'manifests')], { cwd: join(dir, 'manifests') });
    expect(diagnostics[0]?.location?.file).toBe('m.yaml');
    const outside = await loadManifests(['../manifests'], { cwd: join(dir, '.git') });
    expect(outside.diagnostics[0]?.location?.file).toBe('../manifests/m.yaml');
  });

  it('follows a symlinked folder once, without looping', async () => {
    const dir = workspace({ 'real/m.yaml': manifest('M') });
    symlinkSync(join(dir, 'real'), join(dir, 'real', 'loop'));
    const { desired, diagnostics } = await loadManifests(['real'], { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect(desired?.files).toEqual(['real/m.yaml']);
  });
});

describe('guards on what is read', () => {
  it('refuses a manifest over 5 MB without parsing it, and skips a big non-manifest in a folder', async () => {
    const big = `apiVersion: zpa-gitops/v1\n# ${'x'.repeat(5 * 1024 * 1024)}\n`;
    const dir = workspace({ 'big.yaml': big, 'data/huge.yaml': `rows: ${'y'.repeat(6 * 1024 * 1024)}\n` });
    const { diagnostics } = await loadManifests(['.'], { cwd: dir });
    expect(formatDiagnostics(diagnostics)).toBe(
      'big.yaml:1:1 error file is 5.0 MB; manifests are limited to 5 MB — split it into several files\n',
    );
  });

  it('reads CRLF line endings and a UTF-8 byte order mark, with columns as an editor shows them', async () => {
    const dir = workspace({ 'crlf.yaml': `\uFEFF${manifest('C', 'https://c.example.com').replace(/\n/g, '\r\n')}` });
    const { diagnostics } = await loadManifests(['crlf.yaml'], { cwd: dir });
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.location?.col])).toEqual([['link-has-scheme', 6, 15]]);
  });

  it('refuses UTF-16', async () => {
    const dir = workspace({
      'u16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(manifest('U'), 'utf16le')]),
    });
    const { diagnostics } = await loadManifests(['u16.yaml'], { cwd: dir });
    expect(diagnostics.map((d) => d.code)).toEqual(['invalid-utf8']);
  });

  it('parses hostile nesting as a located error, without overflowing the stack', async () => {
    const dir = workspace({ 'deep.yaml': `apiVersion: zpa-gitops/v1\nx: ${'['.repeat(200_000)}\n` });
    const { diagnostics } = await loadManifests(['deep.yaml'], { cwd: dir });
    expect(formatDiagnostics(diagnostics)).toBe(
      'deep.yaml:2:68 error nesting is deeper than 64 levels — a manifest needs about 6 levels; check the brackets and dashes here\n',
    );
  });

  it('reads brackets in a banner comment as a comment, so a typo below it is the one error shown', async () => {
    const banner = `# ${'['.repeat(65)} zpa-gitops ${']'.repeat(65)}\n`;
    const dir = workspace({
      'fine.yaml': banner + manifest('Fine'),
      'typo.yaml': banner + manifest('Typo').replace('- name:', '- nme:'),
    });
    const { diagnostics } = await loadManifests(['.'], { cwd: dir });
    expect(diagnostics.map((d) => [d.location?.file, d.code])).not.toContainEqual(['typo.yaml', 'too-deep']);
    expect(diagnostics.filter((d) => d.location?.file === 'fine.yaml')).toEqual([]);
    expect(formatDiagnostics(diagnostics)).toContain('typo.yaml:6:9 error');
  });

  it('refuses nesting built from indentation alone', async () => {
    let text = 'apiVersion: zpa-gitops/v1\n';
    for (let level = 0; level < 100; level++) text += `${' '.repeat(level)}k${level}:\n`;
    const dir = workspace({ 'indented.yaml': text });
    const { diagnostics } = await loadManifests(['indented.yaml'], { cwd: dir });
    expect(diagnostics.map((d) => d.code)).toEqual(['too-deep']);
  });
});

describe('icons on disk', () => {
  it('refuses a symbolic link that leads outside the repository', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'zpa-gitops-outside-'));
    writeFileSync(join(outside, 'secret.png'), PNG);
    const dir = workspace({ 'm.yaml': `${manifest('M')}        icon: icon.png\n` });
    symlinkSync(join(outside, 'secret.png'), join(dir, 'icon.png'));
    const { diagnostics } = await loadManifests(['m.yaml'], { cwd: dir });
    rmSync(outside, { recursive: true, force: true });
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.location?.col])).toEqual([
      ['icon-outside-repository', 7, 15],
    ]);
  });

  it('accepts a symbolic link and an absolute path that stay inside the repository', async () => {
    const dir = workspace({ 'assets/real.png': PNG, 'm.yaml': `${manifest('M')}        icon: link.png\n` });
    symlinkSync(join(dir, 'assets', 'real.png'), join(dir, 'link.png'));
    writeFileSync(join(dir, 'abs.yaml'), `${manifest('A')}        icon: ${join(dir, 'assets', 'real.png')}\n`);
    const { desired, diagnostics } = await loadManifests(['.'], { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect(desired?.links.map((l) => l.fields.icon?.fileName)).toEqual(['real.png', 'link.png']);
    expect(desired?.links[0]?.fields.icon?.dataUri).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
  });

  it('takes the working directory as the repository root when no .git is above the manifest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zpa-gitops-norepo-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'icon.png'), PNG);
    writeFileSync(join(dir, 'sub', 'm.yaml'), `${manifest('M')}        icon: ../icon.png\n`);
    const inside = await loadManifests(['sub'], { cwd: dir });
    const outside = await loadManifests(['.'], { cwd: join(dir, 'sub') });
    rmSync(dir, { recursive: true, force: true });
    expect(hasErrors(inside.diagnostics)).toBe(false);
    expect(outside.diagnostics.map((d) => d.code)).toEqual(['icon-outside-repository']);
  });

  it('reads the type from the content, for each supported format', async () => {
    const images: Record<string, Buffer> = {
      'a.gif': Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
      'b.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
      'c.webp': Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]),
      'd.ico': Buffer.from([0, 0, 1, 0, 1, 0, 16, 16]),
      'e.svg': Buffer.from('<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'f.png': PNG,
    };
    const links = Object.keys(images).map(
      (file, i) => `      - name: l${i}\n        link: l${i}.example.com\n        icon: ${file}\n`,
    );
    const dir = workspace({
      ...images,
      'm.yaml': `apiVersion: zpa-gitops/v1\nuserPortals:\n  P:\n    links:\n${links.join('')}`,
    });
    const { desired, diagnostics } = await loadManifests(['m.yaml'], { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect(desired?.links.map((l) => /^data:image\/([^;]+);/.exec(l.fields.icon?.dataUri ?? '')?.[1])).toEqual([
      'gif',
      'jpeg',
      'webp',
      'x-icon',
      'svg+xml',
      'png',
    ]);
  });
});
