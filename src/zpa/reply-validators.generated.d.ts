// The build writes reply-validators.generated.js into dist/ (scripts/compile-validators.mjs): the
// built-in reply schemas as ajv standalone code. There is no such file in src/.
import type { ValidateFunction } from 'ajv/dist/2020.js';

/** Each validator's schema as stable JSON, in the order of `validators`. */
export declare const keys: readonly string[];
export declare const validators: readonly ValidateFunction[];
