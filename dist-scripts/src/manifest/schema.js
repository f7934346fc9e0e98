/**
 * schemas/manifest.schema.json, compiled once. `verbose` keeps each failing schema and value on the
 * error, which the mapping to diagnostics reads (allowed keys for "did you mean", oneOf branches).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readSchema } from '../schemas.js';
import { schemaDiagnostics } from './schema-errors.js';
let compiled;
function manifestValidator() {
    compiled ??= readSchema('manifest.schema.json').then((schema) => {
        // strictRequired is off: `not: { required: [a, b] }` names properties declared one level up.
        const ajv = new Ajv2020({ allErrors: true, verbose: true, strictRequired: false });
        // The message editors (yaml-language-server) show for a failed pattern; we show it too.
        ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
        return ajv.compile(schema);
    });
    return compiled;
}
export async function validateDocument(data, locator) {
    const validate = await manifestValidator();
    if (validate(data))
        return [];
    return schemaDiagnostics((validate.errors ?? []), data, locator);
}
