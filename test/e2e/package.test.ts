/**
 * The packed tarball holds what a user needs and nothing else, installs in a clean folder, and its
 * command and library (with types) work there.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'zpa-gitops-pack-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const sh = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });

describe('the npm package', () => {
  it('packs only built code, schemas, README and license, and installs and runs from the tarball', () => {
    // --ignore-scripts: the test run has built dist/ already.
    const packed = JSON.parse(
      sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder], root),
    ) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'dist/cli/main.js',
        'dist/index.d.ts',
        'schemas/manifest.schema.json',
        'schemas/plan.schema.json',
      ]),
    );
    expect(files.filter((f) => !/^(dist\/|schemas\/|LICENSE$|README\.md$|package\.json$)/.test(f))).toEqual([]);
    expect(files.some((f) => /^dist\/(demo|bench)\/|\.map$|^src\/|^test\//.test(f))).toBe(false);

    const app = join(folder, 'app');
    sh('mkdir', ['-p', join(app, 'zpa')], folder);
    writeFileSync(join(app, 'package.json'), '{"name":"app","private":true,"type":"module"}');
    sh('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', join(folder, packed[0]!.filename)], app);
    expect(sh(join(app, 'node_modules/.bin/zpa-gitops'), ['--version'], app).trim()).toBe('0.1.0');
    writeFileSync(
      join(app, 'zpa', 'portal.yaml'),
      'apiVersion: zpa-gitops/v1\nuserPortals:\n  Eng:\n    links:\n      - name: Docs\n        link: docs.example.com\n',
    );
    expect(sh(join(app, 'node_modules/.bin/zpa-gitops'), ['validate', 'zpa'], app)).toContain('Valid: 1 manifest file');

    writeFileSync(
      join(app, 'use.ts'),
      "import { loadManifests, planChanges, type Plan } from 'zpa-gitops';\nconst plan: Plan | undefined = undefined;\nexport const ok: [typeof loadManifests, typeof planChanges, typeof plan] = [loadManifests, planChanges, plan];\n",
    );
    sh(
      process.execPath,
      [
        join(root, 'node_modules/typescript/bin/tsc'),
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--skipLibCheck',
        'use.ts',
      ],
      app,
    );
    writeFileSync(
      join(app, 'use.mjs'),
      "import { loadManifests } from 'zpa-gitops';\nconst { desired } = await loadManifests(['zpa']);\nconsole.log(desired.links.length);\n",
    );
    expect(sh(process.execPath, ['use.mjs'], app).trim()).toBe('1');
    expect(readdirSync(join(app, 'node_modules', 'zpa-gitops'))).not.toContain('src');
  }, 180_000);
});
