/**
 * Checks on the YAML tree that the data no longer shows: a key given twice (the data keeps only
 * the last), aliases, and nesting depth. Iterative, so hostile input cannot exhaust the stack.
 */
import { isAlias, isMap, isPair, isSeq, type Document, type Node } from 'yaml';
import type { Diagnostic, SourceLocation } from '../core/types.js';
import { formatLocation } from '../core/diagnostic-order.js';
import { problem, quote, warning } from './diagnostic.js';
import { keyText, type Locator } from './yaml-nodes.js';

/** A manifest needs about 6 levels; anything far deeper is a mistake or an attack. */
export const MAX_DEPTH = 64;

export interface TreeReport {
  diagnostics: Diagnostic[];
  tooDeep: boolean;
  firstAlias?: SourceLocation;
}

interface Visit {
  node: unknown;
  path: string[];
}

export function inspectTree(doc: Document, locator: Locator): TreeReport {
  const diagnostics: Diagnostic[] = [];
  let firstAlias: SourceLocation | undefined;
  const stack: Visit[] = [{ node: doc.contents, path: [] }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const { node, path } = visit;
    if (path.length > MAX_DEPTH) {
      const location = locator.of(node) ?? locator.start();
      diagnostics.push(
        problem(
          'too-deep',
          `nesting is deeper than ${MAX_DEPTH} levels`,
          'a manifest needs about 6 levels; check the indentation here',
          location,
        ),
      );
      return { diagnostics, tooDeep: true };
    }
    if (isAlias(node)) {
      firstAlias = earliest(firstAlias, locator.of(node));
    } else if (isMap(node)) {
      const seen = new Map<string, Node>();
      for (const pair of node.items) {
        const key = keyText(pair.key);
        if (key === undefined) continue;
        const first = seen.get(key);
        if (first)
          diagnostics.push(
            duplicateKey(key, path, locator.of(first) ?? locator.start(), locator.of(pair.key) ?? locator.start()),
          );
        else seen.set(key, pair.key as Node);
        stack.push({ node: pair.value, path: [...path, key] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) =>
        stack.push({ node: isPair(item) ? item.value : item, path: [...path, String(index)] }),
      );
    }
  }
  if (firstAlias) {
    diagnostics.push(
      warning(
        'yaml-alias',
        'this file uses YAML anchors and aliases (*name)',
        'write the values out: an alias hides what a change really touches in review',
        firstAlias,
      ),
    );
  }
  return { diagnostics, tooDeep: false, ...(firstAlias ? { firstAlias } : {}) };
}

function duplicateKey(key: string, path: string[], first: SourceLocation, again: SourceLocation): Diagnostic {
  const where = `first at ${formatLocation(first)}`;
  if (path.length === 1 && path[0] === 'userPortals') {
    return problem(
      'duplicate-portal',
      `portal ${quote(key)} is declared twice`,
      `${where}; merge the two into one`,
      again,
    );
  }
  if (path.length === 1 && path[0] === 'clientSettings') {
    return problem('duplicate-client-setting', `client setting ${key} is declared twice`, `${where}; keep one`, again);
  }
  return problem('duplicate-key', `key ${quote(key)} is given twice`, `${where}; keep one`, again);
}

function earliest(a: SourceLocation | undefined, b: SourceLocation | undefined): SourceLocation | undefined {
  if (!a || !b) return a ?? b;
  return b.line < a.line || (b.line === a.line && b.col < a.col) ? b : a;
}
