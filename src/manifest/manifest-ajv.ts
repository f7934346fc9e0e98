/**
 * The one ajv set-up for manifests, used at build time (scripts/compile-validators.mjs writes its
 * standalone code beside the built schema.js) and at run time when no compiled code is there (tests
 * running from src/). `verbose` keeps each failing schema and value on the error, which the mapping
 * to diagnostics reads (allowed keys for "did you mean", oneOf branches).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';

export function createManifestAjv(options: { source?: boolean } = {}): Ajv2020 {
  // strictRequired is off: `not: { required: [a, b] }` names properties declared one level up.
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strictRequired: false,
    ...(options.source ? { code: { source: true, esm: true } } : {}),
  });
  // The message editors (yaml-language-server) show for a failed pattern; we show it too.
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  return ajv;
}
