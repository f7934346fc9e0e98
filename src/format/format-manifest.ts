/**
 * One manifest's text in the canonical style, through the yaml package's document API so every
 * comment and blank line stays where it was: keys in schema order, quotes only where YAML needs
 * them, block style, two-space indent, and the `yaml-language-server` schema line first.
 */
import {
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Scalar,
  visit,
  type Document,
  type Node,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { SchemaNode, SchemaOrder } from './schema-order.js';

const SCHEMA_COMMENT = /^\s*yaml-language-server:\s*\$schema=/;

/** Stable across runs: no line folding, so long descriptions stay on one line. */
const TO_STRING = { indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0 } as const;

/**
 * Formats a parsed document in place and returns its text. `schemaLine` is the comment to put
 * first when the document has none (without the leading `#`).
 */
export function formatDocument(doc: Document, order: SchemaOrder, schemaLine: string): string {
  canonicalScalars(doc);
  orderKeys(doc.contents, order.top, order);
  placeSchemaLine(doc, schemaLine);
  if (doc.directives) doc.directives.docStart = null;
  return doc.toString(TO_STRING);
}

function canonicalScalars(doc: Document): void {
  visit(doc, {
    Scalar(_, node) {
      // PLAIN is only a wish: the yaml package quotes whatever would not read back as the same string.
      if (typeof node.value === 'string') node.type = node.value.includes('\n') ? Scalar.BLOCK_LITERAL : Scalar.PLAIN;
      // `True` and `TRUE` print as `true`: the source spelling is dropped.
      if (typeof node.value === 'boolean') delete node.source;
    },
    Map(_, node) {
      toBlock(node);
    },
    Seq(_, node) {
      toBlock(node);
    },
  });
}

/**
 * Flow collections become block ones. A comment after a flow collection on its line
 * (`- {name: Jira}  # why`) stays on that line, after the last value; left on the collection it
 * would print below it, where the next parse takes it for a different node's comment.
 */
function toBlock(node: YAMLMap | YAMLSeq): void {
  if (!node.flow) return;
  node.flow = false;
  const last: unknown = node.items.at(-1);
  const target = isPair(last) ? last.value : last;
  if (node.comment && !node.comment.includes('\n') && isScalar(target) && !target.comment) {
    target.comment = node.comment;
    node.comment = null;
  }
}

/** Sorts each mapping's keys as the schema lists them; keys it does not know keep their order, last. */
function orderKeys(node: unknown, schema: SchemaNode | undefined, order: SchemaOrder): void {
  if (isSeq(node)) {
    for (const item of node.items) orderKeys(item, order.item(schema), order);
    return;
  }
  if (!isMap(node)) return;
  const rank = new Map(order.keysOf(schema).map((key, index) => [key, index]));
  const keyOf = (item: (typeof node.items)[number]) => (isScalar(item.key) ? String(item.key.value) : '');
  const sorted = node.items
    .map((item, index) => ({ item, index, rank: rank.get(keyOf(item)) ?? rank.size }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ item }) => item);
  moveLeadingComment(node.items, sorted);
  node.items = sorted;
  for (const item of node.items) orderKeys(item.value, order.property(schema, keyOf(item)), order);
}

/**
 * A comment above a mapping's first key describes the mapping more often than that key; when the
 * key moves down, the comment stays on top. A blank line above the first key stays there too.
 */
function moveLeadingComment<T extends { key: unknown }>(before: T[], after: T[]): void {
  const [oldFirst] = before;
  const [newFirst] = after;
  if (!oldFirst || !newFirst || oldFirst === newFirst) return;
  const oldKey = oldFirst.key as Node | null;
  const newKey = newFirst.key as Node | null;
  if (!oldKey || !newKey) return;
  if (oldKey.commentBefore) {
    newKey.commentBefore = [oldKey.commentBefore, newKey.commentBefore].filter(Boolean).join('\n');
    delete oldKey.commentBefore;
  }
  if (oldKey.spaceBefore) {
    newKey.spaceBefore = true;
    delete oldKey.spaceBefore;
  }
}

/**
 * The schema line goes first, whether it was elsewhere among the leading comments or missing. It
 * joins the comments it sits with: the document's (followed by a blank line) or the first key's.
 */
function placeSchemaLine(doc: Document, schemaLine: string): void {
  const first = firstKey(doc.contents);
  const lines = (comment: string | null | undefined) => (comment ? comment.split('\n') : []);
  const found = [...lines(doc.commentBefore), ...lines(first?.commentBefore)].find(isSchemaLine) ?? ` ${schemaLine}`;
  const docRest = lines(doc.commentBefore).filter((line) => !isSchemaLine(line));
  const keyRest = lines(first?.commentBefore).filter((line) => !isSchemaLine(line));
  if (docRest.length > 0 || !first) {
    doc.commentBefore = [found, ...docRest].join('\n');
    setComment(first, keyRest);
  } else {
    doc.commentBefore = null;
    setComment(first, [found, ...keyRest]);
  }
}

function setComment(node: Node | undefined, lines: string[]): void {
  if (!node) return;
  if (lines.length > 0) node.commentBefore = lines.join('\n');
  else delete node.commentBefore;
}

function isSchemaLine(line: string): boolean {
  return SCHEMA_COMMENT.test(line);
}

function firstKey(contents: unknown): Node | undefined {
  if (!isCollection(contents)) return undefined;
  const [first] = contents.items as unknown[];
  if (isMap(contents)) {
    const key = (first as { key?: unknown } | undefined)?.key;
    return key && typeof key === 'object' ? (key as Node) : undefined;
  }
  return first && typeof first === 'object' ? (first as Node) : undefined;
}
