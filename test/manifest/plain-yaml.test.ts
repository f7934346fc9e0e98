/**
 * The plain reader against the yaml package: wherever it answers, its data and every position
 * must equal yaml's (the Locator the full path uses); elsewhere it must step aside. Checked on
 * generated documents (seeded, mixing the subset with constructs outside it), on every manifest
 * in the repository, and on named cases of both kinds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { PlainPositions, readPlainYaml } from '../../src/manifest/plain-yaml.js';
import { Locator, type Segment } from '../../src/manifest/yaml-nodes.js';
import { Random } from '../support/random.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every path to a value in the data, plus one missing child of each container (the fallback rule). */
function paths(data: unknown, prefix: Segment[] = []): Segment[][] {
  const found: Segment[][] = [prefix];
  if (Array.isArray(data)) {
    data.forEach((item, i) => found.push(...paths(item, [...prefix, i])));
    found.push([...prefix, data.length]);
  } else if (typeof data === 'object' && data !== null) {
    for (const [key, value] of Object.entries(data)) found.push(...paths(value, [...prefix, key]));
    found.push([...prefix, 'no-such-key'], [...prefix, 0]);
  }
  return found;
}

/** Reads `text` both ways; returns whether the plain reader answered. Fails on any disagreement. */
function agreesWithYaml(text: string): boolean {
  const plain = readPlainYaml(text);
  if (!plain) return false;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, stringKeys: true, prettyErrors: false });
  const context = `plain reader answered for:\n${text}`;
  expect(doc.errors, context).toEqual([]);
  expect(doc.warnings, context).toEqual([]);
  expect(plain.data, context).toStrictEqual(doc.toJS());
  const locator = new Locator('f.yaml', lines, doc);
  const positions = new PlainPositions('f.yaml', text, plain);
  for (const path of paths(plain.data)) {
    expect(positions.value(path), `${context}\nvalue at ${path.join('.')}`).toEqual(locator.value(path));
    expect(positions.key(path), `${context}\nkey at ${path.join('.')}`).toEqual(locator.key(path));
  }
  return true;
}

const SAFE_KEYS = [
  'name',
  'link',
  'description',
  'a',
  'b c',
  'portal-1',
  'x_y',
  'Key.v2',
  'p/q',
  '"quoted"',
  "'single'",
];
const ODD_KEYS = [
  "'it''s'",
  '"esc\\"aped"',
  '"tab\\tkey"',
  '1',
  '10.0.0.1',
  'true',
  'null',
  '~',
  'a:b',
  '-k',
  'k#',
  '__proto__',
  'ünï',
  '? k',
  '<<',
  '"a" b',
  'trailing ',
  '&anchor k',
  '!tag k',
  'k'.repeat(1100),
];
const SAFE_SCALARS = [
  'x',
  'hello world',
  'a#b',
  'a #comment',
  'http://x.y/z',
  'https://',
  'a:b',
  'x, y',
  'true',
  'False',
  'null',
  '~',
  '0',
  '7',
  '-3',
  '10.20.0.15',
  '2024-01-01',
  '1.2.3',
  'yes',
  'on',
  '"dq"',
  '"a\\nb"',
  '"\\u00e9t\\u00E9"',
  '"a\\"b\\\\c\\/d"',
  "'sq'",
  "'a''b'",
  "'a' # c",
  '"x" #c',
  'é ü 中文',
  'x\\y',
  'a  b',
  'trailing   ',
  '"a # not a comment"',
  "'#'",
  'a&b*c!d',
  '"\\ud83d\\ude00"',
  '../icons/a.png',
  'b\u00a0',
  '1\u00a0',
  'null\u3000',
  'true\u2005 # c',
  '\u00a0',
  '...',
  '+x',
];
const ODD_SCALARS = [
  'a: b',
  'a:',
  '[x]',
  '{y}',
  'a]b',
  '-x',
  '- x',
  '?x',
  ':x',
  '&a x',
  '*a',
  '!t x',
  '|',
  '>-',
  '%x',
  '@x',
  '`x`',
  '007',
  '1.5',
  '1e3',
  '.inf',
  '.nan',
  '0x1f',
  '0o7',
  '+1',
  '-0',
  '12345678901234567890',
  '"\\x41"',
  '"\\N"',
  "'unterminated",
  '"unterminated',
  '"a" b',
  "'a'b",
  '"a"#c',
  '#',
  '...',
  '.5',
  '"',
];

class Generator {
  constructor(
    private readonly r: Random,
    /** Chance that a key or scalar comes from the odd lists. */
    private readonly odd: number,
  ) {}

  document(): string {
    const lines: string[] = [];
    if (this.r.bool(0.3)) lines.push('# leading comment');
    if (this.r.bool(0.2)) lines.push('');
    lines.push(...this.map(0, 0));
    let text = lines.join('\n') + (this.r.bool(0.8) ? '\n' : '');
    if (this.r.bool(this.odd)) text = this.r.pick(['---\n', '  ', '%YAML 1.2\n---\n', '\t']) + text;
    if (this.r.bool(this.odd / 2)) text = text.replace(/\n/g, '\r\n');
    return text;
  }

  private key(): string {
    return this.r.pick(this.r.bool(this.odd) ? ODD_KEYS : SAFE_KEYS);
  }

  private scalar(): string {
    return this.r.pick(this.r.bool(this.odd) ? ODD_SCALARS : SAFE_SCALARS);
  }

  private comment(): string {
    return this.r.bool(0.15) ? this.r.pick([' # note', '  #x', ' #']) : '';
  }

  private extras(indent: number): string[] {
    if (!this.r.bool(0.1)) return [];
    return [this.r.pick(['', `${' '.repeat(this.r.int(indent + 4))}# comment line`, '   '])];
  }

  /** A block mapping at `indent`; its first line is always an entry (a sequence item may hold it). */
  private map(indent: number, depth: number): string[] {
    const lines: string[] = [];
    const pad = ' '.repeat(indent);
    const entries = 1 + this.r.int(4);
    for (let e = 0; e < entries; e++) {
      if (e > 0) lines.push(...this.extras(indent));
      const key = this.key();
      const choice = depth > 3 ? 0 : this.r.int(4);
      if (choice === 0) lines.push(`${pad}${key}:${this.r.pick([' ', ' ', '  '])}${this.scalar()}${this.comment()}`);
      else if (choice === 1) lines.push(`${pad}${key}:${this.comment()}`);
      else if (choice === 2) {
        lines.push(`${pad}${key}:${this.comment()}`, ...this.extras(indent));
        lines.push(...this.map(indent + this.r.pick([1, 2, 2, 4]), depth + 1));
      } else {
        lines.push(`${pad}${key}:${this.comment()}`, ...this.extras(indent));
        lines.push(...this.seq(indent + this.r.pick([0, 2, 2, 4]), depth + 1));
      }
    }
    return lines;
  }

  private seq(indent: number, depth: number): string[] {
    const lines: string[] = [];
    const pad = ' '.repeat(indent);
    const items = 1 + this.r.int(4);
    for (let i = 0; i < items; i++) {
      if (i > 0) lines.push(...this.extras(indent));
      const choice = depth > 3 ? 0 : this.r.int(this.r.bool(this.odd) ? 5 : 3);
      if (choice === 0) lines.push(`${pad}- ${this.scalar()}${this.comment()}`);
      else if (choice <= 2) {
        const gap = this.r.pick([1, 1, 1, 2, 3]);
        const [first = '', ...rest] = this.map(indent + 1 + gap, depth + 1);
        lines.push(`${pad}-${' '.repeat(gap)}${first.trimStart()}`, ...rest);
      } else if (choice === 3) {
        lines.push(`${pad}-`, ...this.map(indent + 2, depth + 1));
      } else {
        lines.push(`${pad}- - ${this.scalar()}`);
      }
    }
    return lines;
  }
}

describe('the plain YAML reader agrees with the yaml package', () => {
  it('on generated documents, inside the subset and around it', () => {
    const r = new Random(20261202);
    let answered = 0;
    let steppedAside = 0;
    for (let i = 0; i < 3000; i++) {
      const text = new Generator(r, i % 2 === 0 ? 0 : 0.08).document();
      if (agreesWithYaml(text)) answered++;
      else steppedAside++;
    }
    // Both branches ran often: the check above compared hundreds of documents, and the reader is no no-op.
    expect(answered).toBeGreaterThan(800);
    expect(steppedAside).toBeGreaterThan(300);
  });

  it('on every manifest in the repository, answering for all the shipped examples', () => {
    const files = ['examples', 'test/manifest', 'docs'].flatMap((dir) => yamlFiles(join(root, dir)));
    expect(files.length).toBeGreaterThan(50);
    const answered = files.filter((file) => agreesWithYaml(readFileSync(file, 'utf8')));
    expect(answered.length).toBeGreaterThan(20);
    const examples = files.filter((f) => f.includes(`${root}examples/manifests/`));
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.filter((f) => !answered.includes(f))).toEqual([]);
  });

  it('on the repository’s manifests with lines dropped, repeated, re-indented or cut', () => {
    const r = new Random(7);
    const bases = ['examples', 'test/manifest/valid']
      .flatMap((dir) => yamlFiles(join(root, dir)))
      .map((f) => readFileSync(f, 'utf8'));
    let answered = 0;
    for (let i = 0; i < 1500; i++) {
      const lines = r.pick(bases).split('\n');
      const at = r.int(lines.length);
      const line = lines[at] ?? '';
      const edit = r.int(4);
      if (edit === 0) lines.splice(at, 1);
      else if (edit === 1) lines.splice(at, 0, line);
      else if (edit === 2) lines[at] = r.bool() ? ` ${line}` : line.replace(/^ {1,2}/, '');
      else lines[at] = line.slice(0, r.int(line.length + 1));
      if (agreesWithYaml(lines.join('\n'))) answered++;
    }
    expect(answered).toBeGreaterThan(300);
  });

  it.each([
    ['block sequence at its key’s indentation', 'links:\n- name: a\n  link: b\n- name: c\nnext: 1\n'],
    ['comments everywhere', '# top\na: # after key\n  # inside\n  b: c # after value\n\n#end\n'],
    ['an IP address and a date stay strings', 'a: 10.0.0.1\nb: 2024-01-01\n'],
    ['quoted keys and values', "\"a b\": 'c''d'\n'e': \"f\\u00e9\"\n"],
    ['no final newline', 'a: b'],
    ['a trailing no-break space, kept as yaml keeps it', 'a: 1\u00a0\nb: x\u3000 # c\n'],
  ])('answers for %s', (_name, text) => {
    expect(agreesWithYaml(text)).toBe(true);
  });

  it.each([
    ['a flow mapping', 'a: {b: c}\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['an anchor and alias', 'a: &x v\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a float', 'a: 1.5\n'],
    ['a document marker', '---\na: 1\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['a tab', 'a:\tb\n'],
    ['a root sequence', '- a\n'],
    ['an empty file', '# nothing\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a nested block after a value', 'a: 1\n  b: 2\n'],
  ])('steps aside for %s', (_name, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });
});

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}
