// Build step after tsc and compile-validators: the CLI bundled into one entry file and a few
// chunks (dist/cli/main.js, dist/cli/chunks/). Node then reads a handful of files at start-up
// instead of hundreds of modules, which otherwise dominates `--version`'s and `validate`'s time.
// Each command stays its own chunk (the CLI imports commands when chosen), so `validate` still
// loads neither got nor the simulator. The metafile, kept out of the package, says which chunk
// holds which module (test/cli/lazy-load.test.ts reads it).
import { rmSync, renameSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const OUT = 'dist/cli';
const STAGING = 'dist/cli-bundle';

rmSync(STAGING, { recursive: true, force: true });
const result = await build({
  entryPoints: [`${OUT}/main.js`],
  outdir: STAGING,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
  // Bundled CommonJS (ajv) calls require(); in an ES module it must be made.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
// The CLI's unbundled modules are replaced by the bundle: nothing outside dist/cli imports them.
rmSync(OUT, { recursive: true, force: true });
renameSync(STAGING, OUT);
// Output paths as they are after the rename.
const outputs = Object.fromEntries(
  Object.entries(result.metafile.outputs).map(([path, output]) => [path.replace(STAGING, OUT), output]),
);
writeFileSync(`${OUT}/bundle-meta.json`, JSON.stringify({ ...result.metafile, outputs }));
