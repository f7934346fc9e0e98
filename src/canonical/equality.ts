import * as crypto from 'node:crypto';
import type { Canonical, Json } from '../core/types.js';

/**
 * JSON with object keys sorted, so that equal values always serialise equally. The definition is
 * `[a.map(stableJson).join(',')]` for arrays and `{"k":stableJson(v[k] ?? null),...}` over the sorted
 * keys for objects (JSON.stringify for the rest); this loop gives the same bytes without the
 * intermediate arrays, and sorts each shape of object's keys once (kinds build every canonical
 * object of a kind with the same keys in the same order).
 */
export function stableJson(value: Json): string {
  return write(value);
}

function write(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // As join(): an undefined element (or a hole) writes nothing.
      out += write(value[i]) ?? '';
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const shape = sortedShape(Object.keys(record));
  let out = '{';
  for (let i = 0; i < shape.keys.length; i++) {
    const key = shape.keys[i] as string;
    if (i > 0) out += ',';
    out += shape.quoted[i] as string;
    // As a template literal: a value JSON cannot write (a function) reads "undefined".
    out += String(write(record[key] ?? null));
  }
  return `${out}}`;
}

interface Shape {
  /** The keys as Object.keys gave them. */
  order: readonly string[];
  /** Sorted, and each as JSON with its colon. */
  keys: readonly string[];
  quoted: readonly string[];
}

/** Shapes seen, by first key; a kind has a handful, so each list stays short (and both are bounded). */
const SHAPES = new Map<string, Shape[]>();
const MAX_SHAPES_PER_KEY = 16;
const MAX_FIRST_KEYS = 256;

function sortedShape(keys: string[]): Shape {
  const first = keys[0] ?? '';
  const known = SHAPES.get(first);
  if (known) for (const shape of known) if (sameOrder(shape.order, keys)) return shape;
  const sorted = [...keys].sort();
  const shape: Shape = { order: keys, keys: sorted, quoted: sorted.map((k) => `${JSON.stringify(k)}:`) };
  if (!known) {
    if (SHAPES.size < MAX_FIRST_KEYS) SHAPES.set(first, [shape]);
  } else if (known.length < MAX_SHAPES_PER_KEY) known.push(shape);
  return shape;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * True exactly when `stableJson(a) === stableJson(b)`, without writing either: the planner
 * compares every live object with its desired shape, and most are equal. Anything JSON cannot
 * hold (undefined in an array, a function) is left to the definition.
 */
export function sameJson(a: Json, b: Json): boolean {
  const same = equalJson(a, b);
  return same ?? stableJson(a) === stableJson(b);
}

/** undefined: not decided here (a value outside JSON). */
function equalJson(a: unknown, b: unknown): boolean | undefined {
  // The same value (or object) writes the same; NaN, the one value unequal to itself, is handled below.
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return equalScalars(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    // join() writes an undefined element as nothing, so only then can lengths differ and still be equal.
    if (a.length !== b.length) return a.includes(undefined) || b.includes(undefined) ? undefined : false;
    for (let i = 0; i < a.length; i++) {
      const p: unknown = a[i];
      const q: unknown = b[i];
      if (p === q && p !== undefined) continue;
      if (p === undefined || q === undefined) return undefined;
      const same = equalJson(p, q);
      if (same !== true) return same;
    }
    return true;
  }
  const r = a as Record<string, unknown>;
  const s = b as Record<string, unknown>;
  // for-in rather than Object.keys, so no key arrays are made. The own-property checks keep it to exactly the keys Object.keys (and stableJson) sees.
  let unmatched = 0;
  for (const key in r) {
    if (!Object.hasOwn(r, key)) continue;
    unmatched++;
    if (!Object.prototype.propertyIsEnumerable.call(s, key)) return false;
    const p = r[key] ?? null;
    const q = s[key] ?? null;
    // Most values of equal objects are the same string or boolean: no call for those.
    if (p === q) continue;
    const same = equalJson(p, q);
    if (same !== true) return same;
  }
  for (const key in s) if (Object.hasOwn(s, key)) unmatched--;
  return unmatched === 0;
}

/** Two values, not both objects and not identical. */
function equalScalars(a: unknown, b: unknown): boolean | undefined {
  if (typeof a === 'string' || typeof b === 'string') return false;
  if (typeof a === 'boolean' || typeof b === 'boolean') return false;
  // JSON writes NaN and ±Infinity as null, and -0 as 0 (which === already equates).
  const x = typeof a === 'number' && !Number.isFinite(a) ? null : a;
  const y = typeof b === 'number' && !Number.isFinite(b) ? null : b;
  if (x === null || y === null) return x === y;
  if (typeof x === 'number' || typeof y === 'number') return x === y;
  return undefined;
}

/**
 * The one equality function: canonical shapes are already normalised by their kind
 * (optional strings, HTML entities, portal sets, icons), so equality is equality of stable JSON.
 */
export function sameCanonical(a: Canonical, b: Canonical): boolean {
  return sameJson(a, b);
}

/** A short hash of a live object's canonical shape: what a saved plan was computed from. */
export function fingerprint(canonical: Canonical): string {
  return fingerprintOfStableJson(stableJson(canonical));
}

/** `fingerprint` of a value whose stable JSON is already written. */
export function fingerprintOfStableJson(text: string): string {
  return sha256Hex(text).slice(0, 16);
}

// crypto.hash (Node 20.12+) hashes in one call, without a Hash object per fingerprint.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
const sha256Hex = oneShot
  ? (text: string): string => oneShot('sha256', text, 'hex')
  : (text: string): string => crypto.createHash('sha256').update(text).digest('hex');
