/**
 * Narrowing `unknown` JSON (control requests, the state file) into the simulator's types, field by
 * field, with messages that name the offending field.
 */
import { SimInputError } from './http-error.js';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type FieldType = 'string' | 'boolean' | 'string[]' | 'string?' | 'boolean?' | 'number' | 'number?';

type FieldValue<T extends FieldType> = T extends 'string' | 'string?'
  ? string
  : T extends 'boolean' | 'boolean?'
    ? boolean
    : T extends 'number' | 'number?'
      ? number
      : string[];

export type Spec = Record<string, FieldType>;
type OptionalKeys<S extends Spec> = { [K in keyof S]: S[K] extends `${string}?` ? K : never }[keyof S];
type RequiredKeys<S extends Spec> = Exclude<keyof S, OptionalKeys<S>>;
/** `?` fields become optional keys: absent, never `undefined` (exactOptionalPropertyTypes). */
export type Narrowed<S extends Spec> = { [K in RequiredKeys<S>]: FieldValue<S[K]> } & {
  [K in OptionalKeys<S>]?: FieldValue<S[K]>;
};

function fits(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'string?':
      return value === undefined || typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'boolean?':
      return value === undefined || typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'number?':
      return value === undefined || (typeof value === 'number' && Number.isFinite(value));
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
  }
}

/** Check every field of `spec`; fields not in the spec are dropped. Optional fields that are absent stay absent. */
export function narrowRecord<S extends Spec>(value: unknown, spec: S, where: string): Narrowed<S> {
  if (!isRecord(value)) throw new SimInputError(`${where} must be an object`);
  const result: Record<string, unknown> = {};
  for (const [field, type] of Object.entries(spec)) {
    const fieldValue = value[field];
    if (!fits(fieldValue, type))
      throw new SimInputError(`${where}.${field} must be ${type.replace('?', ' (optional)')}`);
    if (fieldValue !== undefined) result[field] = fieldValue;
  }
  // Every field was checked against its declared type just above.
  return result as Narrowed<S>;
}

export function narrowArray<T>(value: unknown, where: string, item: (value: unknown, where: string) => T): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SimInputError(`${where} must be an array`);
  return value.map((element: unknown, index) => item(element, `${where}[${index}]`));
}
