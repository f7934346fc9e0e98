// Build step after tsc and compile-validators: the CLI bundled into one entry file and a few
// chunks (dist/cli/main.js, dist/cli/chunks/). Node then reads a handful of files at start-up
// instead of hundreds of modules, which otherwise dominates `--version`'s and `validate`'s time.
// Each command stays its own chunk (the CLI imports commands when chosen), so `validate` still
// loads neither got nor the simulator. The metafile, kept out of the package, says which chunk
// holds which module (test/cli/lazy-load.test.ts reads it).
import { readFileSync, rmSync, renameSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// The generated validators (scripts/compile-validators.mjs) require() ajv's small runtime helpers
// through a require made with createRequire, which esbuild cannot follow: left so, the bundle would
// load them from a node_modules beside it, and fail where there is none. Without that local require,
// esbuild sees plain require() calls and bundles the helpers.
const GENERATED_REQUIRE =
  /^import \{ createRequire \} from 'node:module';\nconst require = createRequire\(import\.meta\.url\);\n/;
const bundleGeneratedRequires = {
  name: 'bundle-generated-requires',
  setup(build) {
    build.onLoad({ filter: /\.generated\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      if (!GENERATED_REQUIRE.test(source))
        throw new Error(`${path} no longer starts with the require it is built with`);
      return { contents: source.replace(GENERATED_REQUIRE, ''), loader: 'js' };
    });
  },
};

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
  plugins: [bundleGeneratedRequires],
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
