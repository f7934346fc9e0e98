/**
 * The packed tarball (the npm package of the run's release build, test/support/release.ts) holds
 * what a user needs and nothing else, installs in a clean folder, and its command and library (with
 * types) work there. Without the network: the clean folder gets a lockfile made from this
 * repository's (the tarball plus our production dependencies, exactly as pinned), and
 * `npm ci --offline` takes every package from the cache that this checkout's `npm ci` filled.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRelease } from '../support/release.js';

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

interface LockEntry {
  dev?: boolean;
}

/** An app that depends only on the tarball, locked to the production packages this repository locks. */
function appManifests(tarball: string): { manifest: object; lock: object } {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  const repoLock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const spec = `file:../${tarball}`;
  const packages: Record<string, unknown> = {
    '': { name: 'app', dependencies: { 'zpa-gitops': spec } },
    'node_modules/zpa-gitops': {
      version: pkg['version'],
      resolved: spec,
      license: pkg['license'],
      dependencies: pkg['dependencies'],
      bin: pkg['bin'],
      engines: pkg['engines'],
    },
  };
  for (const [path, entry] of Object.entries(repoLock.packages))
    if (path.startsWith('node_modules/') && entry.dev !== true) packages[path] = entry;
  return {
    manifest: { name: 'app', private: true, type: 'module', dependencies: { 'zpa-gitops': spec } },
    lock: { name: 'app', lockfileVersion: 3, requires: true, packages },
  };
}

describe('the npm package', () => {
  it('packs only built code, schemas, README and license, and installs and runs from the tarball', async () => {
    // A copy beside the app: the shared release is only read, and the lockfile names it by a relative path.
    const { npmTarball } = await buildRelease();
    const tarball = basename(npmTarball);
    copyFileSync(npmTarball, join(folder, tarball));
    // An npm tarball holds the package's files under package/.
    const files = sh('tar', ['-tzf', tarball], folder)
      .split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ''));
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'bin/zpa-gitops.mjs',
        'dist/cli/main.js',
        'dist/index.d.ts',
        'schemas/manifest.schema.json',
        'schemas/plan.schema.json',
      ]),
    );
    expect(
      files.filter((f) => !/^(dist\/|schemas\/|bin\/zpa-gitops\.mjs$|LICENSE$|README\.md$|package\.json$)/.test(f)),
    ).toEqual([]);
    expect(files.some((f) => /^dist\/(demo|bench)\/|\.map$|^src\/|^test\//.test(f))).toBe(false);

    const app = join(folder, 'app');
    mkdirSync(join(app, 'zpa'), { recursive: true });
    const { manifest, lock } = appManifests(tarball);
    writeFileSync(join(app, 'package.json'), JSON.stringify(manifest));
    writeFileSync(join(app, 'package-lock.json'), JSON.stringify(lock));
    // --offline: npm answers every request from its cache and fails (ENOTCACHED) rather than fetch.
    sh('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);
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
  }, 600_000); // a hang guard: the release build, an install and tsc, on a loaded machine
});
