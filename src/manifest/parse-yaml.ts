/**
 * YAML text to a document with positions, its problems as located diagnostics. Guards come
 * first: depth is checked on the raw text before the parser ever sees it (nesting-guard.ts).
 */
import { LineCounter, parseAllDocuments, type Document, type YAMLError } from 'yaml';
import type { Diagnostic } from '../core/types.js';
import { problem, warning } from './diagnostic.js';
import { inspectTree, MAX_DEPTH } from './inspect-tree.js';
import { findDeepNesting } from './nesting-guard.js';
import { Locator } from './yaml-nodes.js';

/** Alias expansions allowed when building data: a few are legal YAML, thousands are a bomb. */
const MAX_ALIAS_EXPANSIONS = 100;

export interface ParsedYaml {
  /** Undefined when the text could not be parsed into something worth validating. */
  data?: unknown;
  doc?: Document;
  locator: Locator;
  diagnostics: Diagnostic[];
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const lines = new LineCounter();
  const deep = findDeepNesting(text);
  if (deep !== undefined) {
    lines.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0 && i < deep; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
    const locator = new Locator(file, lines);
    return { locator, diagnostics: [tooDeep(locator.at(deep))] };
  }
  const docs = parseAllDocuments(text, {
    lineCounter: lines,
    uniqueKeys: false,
    stringKeys: true,
    prettyErrors: false,
  });
  const [doc, ...others] = docs.filter((d) => d.contents !== null || d.errors.length > 0);
  if (!doc) return { locator: new Locator(file, lines), data: null, diagnostics: [] };
  const locator = new Locator(file, lines, doc);
  const diagnostics = [
    ...doc.errors.map((e) => fromYamlError(e, locator)),
    ...doc.warnings.map((w) => fromYamlWarning(w, locator)),
  ];
  for (const other of others) diagnostics.push(...other.errors.map((e) => fromYamlError(e, locator)));
  const [second] = others;
  if (second) {
    diagnostics.push(
      problem(
        'multiple-documents',
        'file holds more than one YAML document',
        'keep one document per file: move what follows --- to a file of its own',
        locator.at(second.range[0]),
      ),
    );
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { doc, locator, diagnostics };

  const tree = inspectTree(doc, locator);
  diagnostics.push(...tree.diagnostics);
  if (tree.tooDeep) return { doc, locator, diagnostics };
  try {
    return { doc, locator, data: doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS }), diagnostics };
  } catch {
    // yaml throws a ReferenceError when aliases expand past maxAliasCount; the error replaces the warning.
    const softer = diagnostics.filter((d) => d.code !== 'yaml-alias');
    softer.push(
      problem(
        'yaml-alias-limit',
        `aliases expand to more than ${MAX_ALIAS_EXPANSIONS} values`,
        'write the values out instead of using anchors and aliases',
        tree.firstAlias ?? locator.start(),
      ),
    );
    return { doc, locator, diagnostics: softer };
  }
}

function fromYamlError(error: YAMLError, locator: Locator): Diagnostic {
  const location = locator.at(error.pos[0]);
  const what = yamlMessage(error);
  // Only the codes worded differently are listed; the yaml package's others share the default.
  // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return problem(
        'yaml-tab',
        'a tab is used for indentation',
        'indent with spaces; YAML does not allow tabs there',
        location,
      );
    case 'RESOURCE_EXHAUSTION':
      return tooDeep(location);
    default:
      return problem(
        'yaml-syntax',
        `YAML syntax: ${what}`,
        'fix the YAML syntax here; an editor with a YAML plugin shows it too',
        location,
      );
  }
}

function fromYamlWarning(error: YAMLError, locator: Locator): Diagnostic {
  const hint =
    error.code === 'TAG_RESOLVE_FAILED'
      ? 'remove the tag: manifests use plain YAML values'
      : error.code === 'BAD_DIRECTIVE'
        ? 'remove the directive'
        : 'check the YAML here';
  return warning('yaml-warning', `YAML: ${yamlMessage(error)}`, hint, locator.at(error.pos[0]));
}

/** yaml's message, minus any position suffix (the diagnostic has its own) and without a trailing dot. */
function yamlMessage(error: YAMLError): string {
  const first = error.message.split('\n')[0] ?? '';
  const plain = first.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
  return plain.charAt(0).toLowerCase() + plain.slice(1);
}

function tooDeep(location: Diagnostic['location']): Diagnostic {
  return problem(
    'too-deep',
    `nesting is deeper than ${MAX_DEPTH} levels`,
    'a manifest needs about 6 levels; check the brackets and dashes here',
    location,
  );
}
