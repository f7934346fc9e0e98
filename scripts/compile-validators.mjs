// Build step after tsc: the manifest schema, the plan schema and the built-in reply schemas compiled
// to ajv standalone code, written beside the built modules that load them (src/manifest/schema.ts,
// src/planfile/planfile.ts, src/zpa/precompiled-replies.ts), so the CLI neither imports ajv nor
// compiles a schema at start-up.
// Uses the built options and schema lists, so build-time and run-time compiles cannot drift apart.
import { readFile, writeFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { stableJson } from '../dist/canonical/equality.js';
import { createManifestAjv } from '../dist/manifest/manifest-ajv.js';
import { PLAN_AJV_OPTIONS } from '../dist/planfile/planfile.js';
import { REPLY_AJV_OPTIONS } from '../dist/zpa/precompiled-replies.js';
import { builtInReplySchemas } from '../dist/zpa/reply-validators.js';

// ajv's ESM output still require()s its small runtime helpers (ajv issue #2209): give it a require.
const HEADER = "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n";

const manifestSchema = JSON.parse(await readFile(new URL('../schemas/manifest.schema.json', import.meta.url), 'utf8'));
const manifestAjv = createManifestAjv({ source: true });
await writeFile(
  new URL('../dist/manifest/manifest-validator.generated.js', import.meta.url),
  HEADER + standalone.default(manifestAjv, manifestAjv.compile(manifestSchema)),
);

const planSchema = JSON.parse(await readFile(new URL('../schemas/plan.schema.json', import.meta.url), 'utf8'));
const planAjv = new Ajv2020({ ...PLAN_AJV_OPTIONS, code: { source: true, esm: true } });
await writeFile(
  new URL('../dist/planfile/plan-validator.generated.js', import.meta.url),
  HEADER + standalone.default(planAjv, planAjv.compile(planSchema)),
);

// One module exporting every reply validator, and the stable JSON of each one's schema.
const schemas = builtInReplySchemas();
const replyAjv = new Ajv2020({ ...REPLY_AJV_OPTIONS, code: { source: true, esm: true } });
const exports = {};
schemas.forEach((schema, i) => {
  replyAjv.addSchema(schema, `reply${i}`);
  exports[`reply${i}`] = `reply${i}`;
});
const keys = schemas.map((schema) => stableJson(schema));
await writeFile(
  new URL('../dist/zpa/reply-validators.generated.js', import.meta.url),
  `${HEADER}${standalone.default(replyAjv, exports)}\nexport const keys = ${JSON.stringify(keys)};\n` +
    `export const validators = [${schemas.map((_, i) => `reply${i}`).join(', ')}];\n`,
);
