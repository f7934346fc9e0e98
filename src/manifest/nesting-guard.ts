/**
 * The depth check run on raw text before the yaml package parses it: deeply nested input can
 * exhaust the stack inside the parser and abort the whole process with a fatal allocation
 * failure, which no try/catch can turn into a located error. It reads the text with the yaml package's
 * own lexer, which is iterative, so comments, quoted and block scalars are read exactly as the
 * parser will read them: a bracket in a comment or a string never counts, and one there never
 * hides an open bracket either.
 */
import { CST, Lexer } from 'yaml';
import { MAX_DEPTH } from './inspect-tree.js';

/** Lexer markers that stand for no character of the text. */
const MARKERS = new Set<string>([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);
const CLOSES: Readonly<Record<string, string>> = { ']': '[', '}': '{' };

/**
 * The offset where flow brackets, or dashes and question marks opening nested block entries on
 * one line (`- - - x`), first nest deeper than MAX_DEPTH; undefined when they never do.
 */
export function findDeepNesting(text: string): number | undefined {
  if (!mayNestDeeply(text)) return undefined;
  const open: string[] = [];
  let block = 0;
  let offset = 0;
  let scalarSource = false;
  for (const token of new Lexer().lex(text)) {
    const at = offset;
    if (!MARKERS.has(token)) offset += token.length;
    // The token after the scalar marker is a plain or block scalar's text, whatever it holds.
    if (scalarSource) {
      scalarSource = false;
      continue;
    }
    if (token === CST.SCALAR) scalarSource = true;
    else if (token === CST.FLOW_END) open.length = 0;
    else if (token === '[' || token === '{') {
      open.push(token);
      if (open.length > MAX_DEPTH) return at;
    } else if (token in CLOSES) {
      // Only a matching bracket closes: a stray one must not let the count fall below the parser's.
      if (open.at(-1) === CLOSES[token]) open.pop();
    } else if (token === '-' || token === '?') {
      if (++block > MAX_DEPTH) return at;
    } else if (CST.tokenType(token) === 'newline') block = 0;
  }
  return undefined;
}

/**
 * False when the text cannot nest too deeply at all: no more opening brackets in the whole text
 * than the limit, and no line with more dashes and question marks. Most files stop here, unlexed.
 */
function mayNestDeeply(text: string): boolean {
  let brackets = 0;
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++brackets > MAX_DEPTH) return true;
    } else if (c === 0x2d || c === 0x3f) {
      if (++marks > MAX_DEPTH) return true;
    } else if (c === 0x0a) marks = 0;
  }
  return false;
}
