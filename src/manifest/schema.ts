/**
 * schemas/manifest.schema.json as a validator. The build compiles it to standalone code
 * (manifest-validator.generated.js, beside this file in dist/, and bundled into the CLI): loading
 * that skips importing ajv and compiling the schema at every start, most of `validate`'s start-up.
 * Without it (tests run from src/) the schema is compiled here with the same options.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../core/types.js';
import { importGenerated } from '../core/generated-module.js';
import { readSchema } from '../schemas.js';
import type { Locator } from './yaml-nodes.js';

let compiled: Promise<ValidateFunction> | undefined;

function manifestValidator(): Promise<ValidateFunction> {
  // A literal specifier, so that the CLI's bundler finds the generated file and bundles it.
  compiled ??= importGenerated(() => import('./manifest-validator.generated.js'), 'manifest-validator.generated').then(
    (generated) => generated?.validate ?? compileManifestValidator(),
  );
  return compiled;
}

/** The validator compiled now, from the schema file. */
export async function compileManifestValidator(): Promise<ValidateFunction> {
  const [{ createManifestAjv }, schema] = await Promise.all([
    import('./manifest-ajv.js'),
    readSchema('manifest.schema.json'),
  ]);
  return createManifestAjv().compile(schema);
}

/** The verdict alone, for the fast path (which leaves every finding to the full path). */
export async function isValidManifest(data: unknown): Promise<boolean> {
  return (await manifestValidator())(data);
}

export async function validateDocument(data: unknown, locator: Locator): Promise<Diagnostic[]> {
  const validate = await manifestValidator();
  if (validate(data)) return [];
  // Loaded on first need: wording errors needs the yaml package's node types, which valid files never load.
  const { schemaDiagnostics } = await import('./schema-errors.js');
  return schemaDiagnostics(validate.errors ?? [], data, locator);
}
