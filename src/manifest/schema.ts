/**
 * schemas/manifest.schema.json, compiled once. `verbose` keeps each failing schema and value on the
 * error, which the mapping to diagnostics reads (allowed keys for "did you mean", oneOf branches).
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../core/types.js';
import { readSchema } from '../schemas.js';
import { schemaDiagnostics } from './schema-errors.js';
import type { Locator } from './yaml-nodes.js';

let compiled: Promise<ValidateFunction> | undefined;

function manifestValidator(): Promise<ValidateFunction> {
  compiled ??= readSchema('manifest.schema.json').then((schema) => {
    // strictRequired is off: `not: { required: [a, b] }` names properties declared one level up.
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strictRequired: false });
    // The message editors (yaml-language-server) show for a failed pattern; we show it too.
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
    return ajv.compile(schema);
  });
  return compiled;
}

export async function validateDocument(data: unknown, locator: Locator): Promise<Diagnostic[]> {
  const validate = await manifestValidator();
  if (validate(data)) return [];
  return schemaDiagnostics((validate.errors ?? []) as ErrorObject[], data, locator);
}
