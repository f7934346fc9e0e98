// `npm run release -- --out DIR`: the files a release ships, from the built dist/ (the npm script
// builds first). It never publishes: that is the release workflow's job. In DIR:
//   bundle/                       the release tree, exactly what runs: the self-contained CLI bundle
//                                 (dist/cli/), schemas/, action.yml, LICENSE, README.md and a
//                                 package.json without dependencies whose bin names the bundle. The
//                                 release workflow commits it as the tree of the version's tag, so
//                                 `uses: zpa-gitops/zpa-gitops@vX.Y.Z` finds the bundle and installs
//                                 nothing.
//   zpa-gitops-X.Y.Z.tgz          the npm package (the library and the CLI), as `npm publish` sends it
//   zpa-gitops-bundle-X.Y.Z.tgz   the release tree packed: untar and run, or `npm install -g` it (no
//                                 dependency to fetch)
//   SHA256SUMS                    both tarballs' SHA-256, in the format `sha256sum -c` checks
// npm packs with fixed file times, so the same commit gives the same tarballs and checksums.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = 'dist/cli';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (values.out === undefined) fail('usage: npm run release -- --out DIR');
if (!existsSync(join(ROOT, CLI, 'main.js'))) fail(`${CLI}/main.js is missing: run npm run build first`);

const out = resolve(values.out);
const tree = join(out, 'bundle');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

rmSync(tree, { recursive: true, force: true });
mkdirSync(tree, { recursive: true });
// The metafile only maps modules to chunks for the lazy-load test; nothing reads it at run time.
cpSync(join(ROOT, CLI), join(tree, CLI), { recursive: true, filter: (src) => !src.endsWith('bundle-meta.json') });
for (const file of ['schemas', 'action.yml', 'LICENSE', 'README.md'])
  cpSync(join(ROOT, file), join(tree, file), { recursive: true });
writeFileSync(join(tree, 'package.json'), `${JSON.stringify(releaseManifest(pkg), null, 2)}\n`);

const npmTarball = pack(ROOT, `${pkg.name}-${pkg.version}.tgz`);
const bundleTarball = pack(tree, `${pkg.name}-bundle-${pkg.version}.tgz`);
const sums = [npmTarball, bundleTarball].map((name) => `${sha256(join(out, name))}  ${name}\n`).join('');
writeFileSync(join(out, 'SHA256SUMS'), sums);
process.stdout.write(`Release ${pkg.version} in ${out}:\n  bundle/\n${sums.replace(/^(?=.)/gm, '  ')}`);

/** What the release tree's package.json keeps: enough to run the bundle and install it, no dependency. */
function releaseManifest(source) {
  const keep = ['name', 'version', 'description', 'license', 'repository', 'type', 'engines'];
  return {
    ...Object.fromEntries(keep.filter((key) => key in source).map((key) => [key, source[key]])),
    bin: { [source.name]: `${CLI}/main.js` },
    files: [CLI, 'schemas', 'action.yml'],
  };
}

/** `npm pack` of `dir` into `out` as `name`. --ignore-scripts: the build has already run. */
function pack(dir, name) {
  const staging = join(out, '.pack');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', staging], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  renameSync(join(staging, packed.filename), join(out, name));
  rmSync(staging, { recursive: true, force: true });
  return name;
}

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function fail(message) {
  process.stderr.write(`release: ${message}\n`);
  process.exit(1);
}
