/**
 * From a path in the parsed data (as ajv reports it) back to the YAML node, and from a node to
 * `file:line:col`. Aliases are followed to their anchor, since that is where the value is written.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { SourceLocation } from '../core/types.js';

export type Segment = string | number;

interface Found {
  /** The value node at the path; null when the YAML gives no value (`links:`). */
  node: Node | null;
  /** The mapping entry holding it, when the last step was a key. */
  pair?: Pair;
}

/** What extraction asks of a file's positions; this Locator and the plain reader's PlainPositions answer alike. */
export interface Positions {
  readonly file: string;
  start(): SourceLocation;
  value(path: readonly Segment[]): SourceLocation;
  key(path: readonly Segment[]): SourceLocation;
}

export class Locator implements Positions {
  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
    /** Absent when the text was refused before parsing. */
    private readonly doc?: Document,
  ) {}

  at(offset: number): SourceLocation {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }

  start(): SourceLocation {
    return { file: this.file, line: 1, col: 1 };
  }

  of(node: unknown): SourceLocation | undefined {
    const range = hasRange(node) ? node.range : undefined;
    return range ? this.at(range[0]) : undefined;
  }

  /** Where the value at `path` is written; its key when it has no value; else the nearest ancestor. */
  value(path: readonly Segment[]): SourceLocation {
    for (let depth = path.length; depth >= 0; depth--) {
      const found = this.find(path.slice(0, depth));
      if (!found) continue;
      const written = found.node && !isEmptyScalar(found.node) ? this.of(found.node) : undefined;
      const location = written ?? this.of(found.pair?.key) ?? this.of(found.node);
      if (location) return location;
    }
    return this.start();
  }

  /** Where the key of the entry at `path` is written (for unknown or duplicated fields). */
  key(path: readonly Segment[]): SourceLocation {
    const found = this.find(path);
    return this.of(found?.pair?.key) ?? this.value(path);
  }

  find(path: readonly Segment[]): Found | undefined {
    if (!this.doc) return undefined;
    let current: Found = { node: this.doc.contents };
    for (const segment of path) {
      const node = this.resolve(current.node);
      if (isMap(node)) {
        // The last entry wins, as it does when the document is turned into data.
        const pair = node.items.findLast((item) => keyText(item.key) === String(segment));
        if (!pair) return undefined;
        current = { node: asNode(pair.value), pair };
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item === undefined) return undefined;
        current = { node: asNode(item) };
      } else {
        return undefined;
      }
    }
    return current;
  }

  private resolve(node: Node | null): Node | null {
    return isAlias(node) && this.doc ? (node.resolve(this.doc) ?? null) : node;
  }
}

/** A mapping key as the loader reads it (keys are parsed as strings). */
export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function asNode(value: unknown): Node | null {
  return isPair(value) ? null : ((value ?? null) as Node | null);
}

function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && node.value === null && (node.source === '' || node.source === undefined);
}

function hasRange(node: unknown): node is { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && 'range' in node && Array.isArray(node.range);
}
