/**
 * A fast reader for the plain block YAML that manifests are written in: block mappings and
 * sequences indented with spaces, plain and one-line quoted scalars, comments. It exists because
 * the yaml package, general as it is, is most of a large plan's CPU; this reads the same files
 * many times faster (BENCHMARKS.md).
 *
 * It is a fast path, never a second opinion: on anything outside that subset (flow collections,
 * block or multi-line scalars, anchors, aliases, tags, directives, tabs, CRLF, duplicate keys,
 * numbers other than plain integers, keys it is not sure of, ...) it returns undefined and the
 * yaml package reads the file, as it reads every file that has any problem at all. Where it does
 * answer, the data and every position equal the yaml package's (test/manifest/plain-yaml.test.ts
 * checks that against yaml on generated and real manifests, and on every YAML file in the
 * repository).
 */
import type { SourceLocation } from '../core/types.js';
import type { Positions, Segment } from './yaml-nodes.js';

/**
 * Where a mapping entry's key and value, or a sequence item, are written (key -1 for an item;
 * value -1 when the YAML gives none, `key:`), and when the value is a block, its own places.
 */
export interface Place {
  key: number;
  value: number;
  /** Always present (undefined for a scalar), so that every place has the same shape. */
  inner: Places | undefined;
}

/**
 * A mapping's entries' places by key (an object without a prototype, so any key is its own), or
 * a sequence's items' places in order. Each block's places hang from its parent's, as its data
 * does: no table from nodes to places (which cost every mapping an identity hash).
 */
export type Places = Record<string, Place> | Place[];

export interface PlainYaml {
  data: Record<string, unknown>;
  /** Offset of the root mapping's first key. */
  rootOffset: number;
  /** The root mapping's places. */
  places: Places;
}

/** Characters that send a file to the yaml package: tabs, CR, controls, BOM and the Unicode line separators. */
const OUTSIDE_TEXT = /[\t\r\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
/*
 * A plain key this reader is sure of, one that cannot resolve to anything but the same string, is
 * written [A-Za-z_][A-Za-z0-9_./ -]* (isKeyStart, isKeyCharacter), does not end in a space, and
 * is not a null or boolean word.
 */
/** Plain scalars of YAML 1.2's core schema that are not strings. */
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const BOOLEANS = new Map([
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);
const PLAIN_INTEGER = /^(?:0|-?[1-9][0-9]{0,14})$/;
/** The core schema's number forms (the yaml package's own patterns, merged); any but a plain integer is left to yaml. */
const NUMBER_FORMS =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** First characters of a plain scalar left to the yaml package: the indicators. */
const UNSURE_START = new Set([...'-?:,[]{}#&*!|>\'"%@` ']);
/** Inside a plain scalar: `: ` or a final `:` (a key, or an error), or a flow indicator. */
const UNSURE_INSIDE = /: |:$|[[\]{}]/;
/** Far below the yaml path's depth limit; a manifest needs about 6 levels. */
const MAX_LEVELS = 32;
/** yaml refuses implicit keys longer than 1024 characters. */
const MAX_KEY_LENGTH = 1000;

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;

interface Frame {
  node: Record<string, unknown> | unknown[];
  places: Places;
  indent: number;
  /** A sequence written at its parent key's own indentation (`links:` then `- ...` below it). */
  atParentIndent: boolean;
}

/** A `key:` whose value may be the block on the following lines (a lone `-` is left to yaml). */
interface Awaiting {
  frame: Frame;
  key: string;
  place: Place;
}

interface Scalar {
  value: unknown;
  end: number;
}

/** The file's data and places when it is all in the plain subset; undefined sends it to the yaml package. */
export function readPlainYaml(text: string): PlainYaml | undefined {
  if (OUTSIDE_TEXT.test(text)) return undefined;
  return new PlainReader(text).read();
}

class PlainReader {
  private readonly stack: Frame[] = [];
  private awaiting: Awaiting | undefined;

  constructor(private readonly text: string) {}

  read(): PlainYaml | undefined {
    const { text } = this;
    let rootOffset = -1;
    for (let start = 0; start < text.length;) {
      const newline = text.indexOf('\n', start);
      const end = newline < 0 ? text.length : newline;
      let at = start;
      while (at < end && text.charCodeAt(at) === SPACE) at++;
      if (at < end && text.charCodeAt(at) !== HASH) {
        if (rootOffset < 0) {
          if (at !== start) return undefined;
          rootOffset = at;
          this.push({}, 0, false);
        }
        if (!this.line(at, end, at - start)) return undefined;
      }
      start = end + 1;
    }
    const root = this.stack[0];
    if (root === undefined || Array.isArray(root.node)) return undefined;
    return { data: root.node, rootOffset, places: root.places };
  }

  private line(at: number, end: number, indent: number): boolean {
    const item = this.text.charCodeAt(at) === DASH && (at + 1 === end || this.text.charCodeAt(at + 1) === SPACE);
    const awaiting = this.awaiting;
    this.awaiting = undefined;
    if (awaiting) {
      const parentIndent = awaiting.frame.indent;
      const sameIndentSequence = indent === parentIndent && item && !Array.isArray(awaiting.frame.node);
      if (indent > parentIndent || sameIndentSequence) {
        const child = this.push(item ? [] : {}, indent, sameIndentSequence);
        if (!child) return false;
        this.assign(awaiting, child, at);
      }
    }
    let top = this.stack.at(-1);
    while (top && (top.indent > indent || (top.indent === indent && top.atParentIndent && !item))) {
      this.stack.pop();
      top = this.stack.at(-1);
    }
    if (!top || top.indent !== indent || Array.isArray(top.node) !== item) return false;
    return item ? this.item(top, at, end) : this.entry(top, at, end);
  }

  /** `key: value`, or `key:` with its value (if any) on the following lines; `key` when already read. */
  private entry(frame: Frame, at: number, end: number, key = this.key(at, end)): boolean {
    const places = frame.places as Record<string, Place>;
    const node = frame.node as Record<string, unknown>;
    // The places hold exactly the keys read so far (and have no prototype): a repeat is found there.
    if (!key || key.name === '__proto__' || places[key.name] !== undefined) return false;
    const valueAt = this.skipSpaces(key.end, end);
    if (valueAt === end || this.text.charCodeAt(valueAt) === HASH) {
      const place: Place = { key: at, value: -1, inner: undefined };
      node[key.name] = null;
      places[key.name] = place;
      this.awaiting = { frame, key: key.name, place };
      return true;
    }
    const scalar = this.scalar(valueAt, end);
    if (!scalar) return false;
    node[key.name] = scalar.value;
    places[key.name] = { key: at, value: valueAt, inner: undefined };
    return true;
  }

  /** `- value` or `- key: value ...` (a mapping that starts on the dash's line). */
  private item(frame: Frame, at: number, end: number): boolean {
    const seq = frame.node as unknown[];
    const items = frame.places as Place[];
    const valueAt = this.skipSpaces(at + 1, end);
    const c = this.text.charCodeAt(valueAt);
    if (valueAt === end || c === HASH || c === DASH) return false;
    const key = this.key(valueAt, end);
    if (key) {
      const map = this.push({}, frame.indent + (valueAt - at), false);
      if (!map) return false;
      seq.push(map.node);
      items.push({ key: -1, value: valueAt, inner: map.places });
      return this.entry(map, valueAt, end, key);
    }
    const scalar = this.scalar(valueAt, end);
    if (!scalar) return false;
    seq.push(scalar.value);
    items.push({ key: -1, value: valueAt, inner: undefined });
    return true;
  }

  /** A key and the offset after its colon, when the line holds an implicit key this reader is sure of. */
  private key(at: number, end: number): { name: string; end: number } | undefined {
    const { text } = this;
    let name: string;
    let after: number;
    const quote = text[at];
    if (quote === '"' || quote === "'") {
      const quoted = this.quoted(at, end);
      if (!quoted || typeof quoted.value !== 'string') return undefined;
      name = quoted.value;
      after = quoted.end;
    } else {
      const colon = this.plainKeyEnd(at, end);
      if (colon < 0) return undefined;
      name = text.slice(at, colon);
      after = colon;
      if (!startsAsWord(text.charCodeAt(at)) && (NULLS.has(name) || BOOLEANS.has(name))) return undefined;
    }
    if (after - at > MAX_KEY_LENGTH || text.charCodeAt(after) !== COLON) return undefined;
    if (after + 1 < end && text.charCodeAt(after + 1) !== SPACE) return undefined;
    return { name, end: after + 1 };
  }

  /**
   * The colon after a plain key this reader is sure of (see above) that
   * starts at `at`, else -1. One pass over the characters, in place of a slice and a regex.
   */
  private plainKeyEnd(at: number, end: number): number {
    const { text } = this;
    if (!isKeyStart(text.charCodeAt(at))) return -1;
    for (let i = at + 1; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON) return text.charCodeAt(i - 1) === SPACE ? -1 : i;
      if (!isKeyCharacter(c)) return -1;
    }
    return -1;
  }

  /** The first `#` in [at, end), else end. */
  private findHash(at: number, end: number): number {
    for (let i = at; i < end; i++) if (this.text.charCodeAt(i) === HASH) return i;
    return end;
  }

  /** A scalar that ends the line (a comment may follow). */
  private scalar(at: number, end: number): Scalar | undefined {
    const { text } = this;
    const first = text[at] ?? '';
    if (first === '"' || first === "'") {
      const quoted = this.quoted(at, end);
      if (!quoted) return undefined;
      const rest = this.skipSpaces(quoted.end, end);
      return rest === end || (rest > quoted.end && text.charCodeAt(rest) === HASH) ? quoted : undefined;
    }
    let stop = this.findHash(at, end);
    while (stop < end && text.charCodeAt(stop - 1) !== SPACE) stop = this.findHash(stop + 1, end);
    // Only spaces end a plain scalar (tabs never get here): trimEnd() would also take a trailing
    // no-break or other Unicode space, which yaml keeps as part of the value.
    while (stop > at && text.charCodeAt(stop - 1) === SPACE) stop--;
    const raw = text.slice(at, stop);
    if (!startsAsWord(text.charCodeAt(at))) {
      if (NULLS.has(raw)) return { value: null, end };
      const boolean = BOOLEANS.get(raw);
      if (boolean !== undefined) return { value: boolean, end };
      if (PLAIN_INTEGER.test(raw)) return { value: Number(raw), end };
      if (NUMBER_FORMS.test(raw) || UNSURE_START.has(first)) return undefined;
    }
    if (UNSURE_INSIDE.test(raw)) return undefined;
    return { value: raw, end };
  }

  /** A one-line quoted scalar; undefined for anything this reader leaves to yaml (line breaks, rare escapes). */
  private quoted(at: number, end: number): Scalar | undefined {
    const { text } = this;
    const quote = text[at];
    let value = '';
    let from = at + 1;
    for (let i = from; i < end; i++) {
      const c = text[i];
      if (quote === "'" && c === "'") {
        value += text.slice(from, i);
        if (text[i + 1] !== "'") return { value, end: i + 1 };
        value += "'";
        from = ++i + 1;
      } else if (quote === '"' && c === '"') {
        return { value: value + text.slice(from, i), end: i + 1 };
      } else if (quote === '"' && c === '\\') {
        const escaped = this.escape(i + 1, end);
        if (!escaped) return undefined;
        value += text.slice(from, i) + escaped.text;
        i = escaped.end - 1;
        from = escaped.end;
      }
    }
    return undefined;
  }

  private escape(at: number, end: number): { text: string; end: number } | undefined {
    const c = this.text[at];
    const simple = c === undefined ? undefined : SIMPLE_ESCAPES[c];
    if (simple !== undefined) return { text: simple, end: at + 1 };
    if (c !== 'u' || at + 5 > end) return undefined;
    const hex = this.text.slice(at + 1, at + 5);
    return /^[0-9a-fA-F]{4}$/.test(hex) ? { text: String.fromCharCode(parseInt(hex, 16)), end: at + 5 } : undefined;
  }

  private skipSpaces(at: number, end: number): number {
    while (at < end && this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  private push(node: Frame['node'], indent: number, atParentIndent: boolean): Frame | undefined {
    if (this.stack.length >= MAX_LEVELS) return undefined;
    const places: Places = Array.isArray(node) ? [] : (Object.create(null) as Record<string, Place>);
    const frame = { node, places, indent, atParentIndent };
    this.stack.push(frame);
    return frame;
  }

  /** The awaited value turned out to be a block: it replaces the null and is located where it starts. */
  private assign(awaiting: Awaiting, child: Frame, at: number): void {
    const { frame, key, place } = awaiting;
    (frame.node as Record<string, unknown>)[key] = child.node;
    place.value = at;
    place.inner = child.places;
  }
}

/**
 * An ASCII letter other than n, t and f (either case): a plain scalar starting with one is never
 * null, a boolean or a number, and is not an indicator, so most values skip those checks.
 */
function startsAsWord(code: number): boolean {
  const lower = code | 0x20;
  return isAsciiLetter(code) && lower !== 0x6e && lower !== 0x74 && lower !== 0x66;
}

function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t' };

/** Positions in a file read by `readPlainYaml`, answering as the yaml-backed Locator does. */
export class PlainPositions implements Positions {
  private lineStarts: number[] | undefined;
  private readonly root: Place;

  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly plain: PlainYaml,
  ) {
    this.root = { key: -1, value: plain.rootOffset, inner: plain.places };
  }

  start(): SourceLocation {
    return { file: this.file, line: 1, col: 1 };
  }

  value(path: readonly Segment[]): SourceLocation {
    for (let depth = path.length; depth >= 0; depth--) {
      const place = this.find(path, depth);
      if (place) return this.at(place.value >= 0 ? place.value : place.key);
    }
    return this.start();
  }

  key(path: readonly Segment[]): SourceLocation {
    const place = this.find(path, path.length);
    return place && place.key >= 0 ? this.at(place.key) : this.value(path);
  }

  /** The place at `path[0..depth)`. */
  private find(path: readonly Segment[], depth: number): Place | undefined {
    let place: Place | undefined = this.root;
    for (let d = 0; d < depth && place; d++) place = placeIn(place.inner, path[d]!);
    return place;
  }

  private at(offset: number): SourceLocation {
    const starts = (this.lineStarts ??= lineStarts(this.text));
    const line = lineAt(starts, offset);
    return { file: this.file, line: line + 1, col: offset - starts[line]! + 1 };
  }
}

function placeIn(places: Places | undefined, segment: Segment): Place | undefined {
  return Array.isArray(places) ? places[Number(segment)] : places?.[String(segment)];
}

/** The first character of a plain key this reader is sure of: a letter or `_`. */
function isKeyStart(c: number): boolean {
  return isAsciiLetter(c) || c === 0x5f;
}

/** The rest of a plain key: letters, digits, `_ . / -` and spaces. */
function isKeyCharacter(c: number): boolean {
  return isKeyStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2f || c === SPACE || c === DASH;
}

/** The index of the last line starting at or before `offset` (binary search). */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
