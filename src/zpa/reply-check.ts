/**
 * Every API reply is checked against its ajv schema before anything reads it: a read
 * that cannot be trusted stops the run before its first write. A reply that fails becomes an
 * ApiError naming the endpoint, the page (for paged reads) and the first offending field. Values
 * are never echoed, only their JSON type: a reply may carry a token.
 */
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { stableJson } from '../canonical/equality.js';
import type { ApiError } from '../core/errors.js';
import type { Json } from '../core/types.js';
import { PRECOMPILED_REPLY_VALIDATORS, REPLY_AJV_OPTIONS } from './precompiled-replies.js';
import { replyError, type Endpoint } from './replies.js';

export type ReplyValidator = ValidateFunction<unknown>;

/**
 * The build's standalone validator for this schema when it made one (every built-in schema), so
 * that a run neither loads ajv nor compiles; otherwise (a library kind's schema, or tests running
 * from src/) ajv compiles it now with the same options.
 */
export function compileReplySchema(schema: object): ReplyValidator {
  return PRECOMPILED_REPLY_VALIDATORS.get(stableJson(schema as Json)) ?? runtimeAjv().compile(schema);
}

let ajv: Ajv2020 | undefined;

function runtimeAjv(): Ajv2020 {
  if (ajv === undefined) {
    // ajv is CommonJS, so it can be loaded synchronously, and only when a schema needs it.
    const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    ajv = new Ajv2020(REPLY_AJV_OPTIONS);
  }
  return ajv;
}

/** Where in a read the reply came from, for the message. */
export interface ReplyPlace {
  page?: number;
  /** Prepended to the field path, e.g. `[2]` for the third item of an unwrapped array. */
  prefix?: string;
}

/** Throws the ApiError for the first field `value` gets wrong; returns quietly when it fits. */
export function checkReply(validate: ReplyValidator, value: unknown, endpoint: Endpoint, place: ReplyPlace = {}): void {
  if (validate(value)) return;
  const first = validate.errors?.[0];
  throw shapeError(
    endpoint,
    place,
    first === undefined ? 'it does not match the documented shape' : describe(first, place.prefix ?? ''),
  );
}

export function shapeError(endpoint: Endpoint, place: ReplyPlace, problem: string): ApiError {
  const where = place.page === undefined ? '' : `page ${place.page}: `;
  return replyError(endpoint, `${where}reply is not the expected shape: ${problem}`);
}

function describe(error: ErrorObject, prefix: string): string {
  const base = fieldPath(prefix, error.instancePath);
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty?: unknown }).missingProperty);
    return `${quote(joinField(base, missing))} is missing`;
  }
  const field = base === '' ? 'the reply' : quote(base);
  const expected = expectation(error);
  return `${field} is ${kindOf(error.data)}; expected ${expected}`;
}

/** The schema's own `description` says what is wanted in words; ajv's message is the fall-back. */
function expectation(error: ErrorObject): string {
  const parent: unknown = error.parentSchema;
  if (
    typeof parent === 'object' &&
    parent !== null &&
    'description' in parent &&
    typeof parent.description === 'string'
  )
    return parent.description;
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    return `one of ${allowed.map(String).join(', ')}`;
  }
  return error.message ?? 'something else';
}

/** `/list/3/name` -> `list[3].name`. */
function fieldPath(prefix: string, pointer: string): string {
  let path = prefix;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path = /^\d+$/.test(part) ? `${path}[${part}]` : joinField(path, part);
  }
  return path;
}

function joinField(path: string, field: string): string {
  return path === '' ? field : `${path}.${field}`;
}

function quote(field: string): string {
  return `\`${field}\``;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value))
    return 'a number beyond 2^53 (digits already lost)';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
