// The build writes plan-validator.generated.js into dist/ (scripts/compile-validators.mjs):
// the plan schema as ajv standalone code. There is no such file in src/.
import type { ValidateFunction } from 'ajv/dist/2020.js';

export declare const validate: ValidateFunction;
