/**
 * Building blocks of the reply schemas. NOTES.md: every id is a 64-bit integer sent as a string;
 * most exceed 2^53, so a JSON number id is only exact when it is a safe integer. `pattern` applies
 * to strings only and `minimum`/`maximum` to numbers only, so one schema says both.
 */
export const ID = {
  type: ['string', 'integer'],
  pattern: '^[0-9]{1,20}$',
  minimum: 0,
  maximum: Number.MAX_SAFE_INTEGER,
  description: 'an id: a digit string (or a number below 2^53)',
} as const;

/** Counts come as digit strings (NOTES.md, "Paging"); a plain integer is accepted too. */
export const COUNT = {
  type: ['string', 'integer'],
  pattern: '^[0-9]{1,9}$',
  minimum: 0,
  maximum: 999_999_999,
  description: 'a count: a digit string',
} as const;

/** C0 and C1 control characters: never part of a real name, and they garble every report. */
export const NAME = {
  type: 'string',
  pattern: '^[^\\u0000-\\u001F\\u007F-\\u009F]*$',
  description: 'a string without control characters',
} as const;

/** NOTES.md: absent, `""` and `null` mean the same for an optional string. */
export const OPTIONAL_STRING = { type: ['string', 'null'], description: 'a string' } as const;

export const STRING = { type: 'string', description: 'a string' } as const;

export const BOOLEAN = { type: 'boolean', description: 'true or false' } as const;

export const OBJECT = { type: 'object', description: 'an object' } as const;
