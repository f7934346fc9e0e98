// Build step after tsc: the manifest schema compiled to ajv standalone code, written beside the
// built src/manifest/schema.js, so the CLI neither imports ajv nor compiles the schema at each start.
// Uses the built createManifestAjv, so build-time and run-time options cannot drift apart.
import { readFile, writeFile } from 'node:fs/promises';
import standalone from 'ajv/dist/standalone/index.js';
import { createManifestAjv } from '../dist/manifest/manifest-ajv.js';

const schema = JSON.parse(await readFile(new URL('../schemas/manifest.schema.json', import.meta.url), 'utf8'));
const ajv = createManifestAjv({ source: true });
const code = standalone.default(ajv, ajv.compile(schema));
// ajv's ESM output still require()s its small runtime helpers (ajv issue #2209): give it a require.
const header = "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n";
await writeFile(new URL('../dist/manifest/manifest-validator.generated.js', import.meta.url), header + code);
