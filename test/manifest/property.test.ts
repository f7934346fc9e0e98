/**
 * Property: any mutation of a valid manifest (keys deleted, types changed, garbage inserted,
 * truncated, keys duplicated, values swapped) loads quickly and never throws; it either loads
 * cleanly or yields at least one located error. Seeded, so a failure replays exactly.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { hasErrors, loadManifests } from '../../src/manifest/index.js';
import { formatDiagnostics } from '../../src/render/diagnostics.js';
import { Random } from '../support/random.js';
import { removeWorkspaces, workspace } from '../support/workspace.js';

afterAll(removeWorkspaces);

const ITERATIONS = 2400;
/**
 * Only a guard against a hang: 2,400 loads take about 20 s on an idle machine and measured past 120 s
 * on a loaded one. How fast the loader is belongs to `npm run bench`, not here.
 */
const HANG_GUARD_MS = 900_000;
const valid = (path: string): string => readFileSync(new URL(`./valid/${path}`, import.meta.url), 'utf8');
const BASES = [
  valid('shared/client-settings.yaml'),
  valid('shared/portals/engineering.yaml').replace('../icons/', 'icons/'),
  valid('shared/portals/ops.yaml'),
  valid('agreeing-mentions.yaml'),
];
const OTHER = valid('shared/portals/ops.yaml').replace(/Ops|Support/g, (p) => `${p}2`);
const GARBAGE = [
  ':',
  ': ',
  '- ',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '\t',
  '&a ',
  '*a',
  '!!str ',
  '#',
  '\n',
  '    ',
  '%',
  '@',
  '`',
  '|',
  '>',
  '? ',
  '---\n',
  'x: y\n',
  '\\',
  '\u00e9',
  '\u2028',
  'https://',
  '/',
  '..',
];
const SCALARS: unknown[] = [
  null,
  0,
  1.5,
  145283994705999001,
  true,
  false,
  '',
  ' ',
  'absent',
  'http://',
  'https://',
  'a/b',
  [],
  {},
  ['x'],
  { k: 'v' },
  'x'.repeat(300),
];

type Mutation = (text: string, random: Random) => string;

const lines = (text: string): string[] => text.split('\n');
const TEXT_MUTATIONS: Mutation[] = [
  (text, r) => {
    const l = lines(text);
    l.splice(r.int(l.length), 1);
    return l.join('\n');
  },
  (text, r) => {
    const l = lines(text);
    const i = r.int(l.length);
    l.splice(i, 0, l[i] ?? '');
    return l.join('\n');
  },
  (text, r) => {
    const l = lines(text);
    const i = r.int(l.length);
    const j = r.int(l.length);
    [l[i], l[j]] = [l[j] ?? '', l[i] ?? ''];
    return l.join('\n');
  },
  (text, r) => text.slice(0, r.int(text.length + 1)),
  (text, r) => {
    const i = r.int(text.length + 1);
    return text.slice(0, i) + r.pick(GARBAGE) + text.slice(i);
  },
  (text, r) => {
    const i = r.int(text.length);
    return text.slice(0, i) + text.slice(i + 1 + r.int(8));
  },
  (text, r) => {
    const l = lines(text);
    const i = r.int(l.length);
    l[i] = r.bool() ? ` ${l[i] ?? ''}` : (l[i] ?? '').replace(/^ {1,2}/, '');
    return l.join('\n');
  },
];
const DATA_MUTATIONS: ((data: unknown, r: Random) => void)[] = [
  (data, r) => {
    const target = pickPath(data, r);
    if (target) deleteAt(target.parent, target.key);
  },
  (data, r) => {
    const target = pickPath(data, r);
    if (target) setAt(target.parent, target.key, r.pick(SCALARS));
  },
  (data, r) => {
    const a = pickPath(data, r);
    const b = pickPath(data, r);
    if (!a || !b) return;
    const value = getAt(a.parent, a.key);
    setAt(a.parent, a.key, getAt(b.parent, b.key));
    setAt(b.parent, b.key, value);
  },
];

function mutate(base: string, r: Random): string | Buffer {
  let text = base;
  for (let n = 1 + r.int(3); n > 0; n--) {
    if (r.bool(0.4)) {
      const doc = parseDocument(text, { uniqueKeys: false });
      const data: unknown = doc.errors.length === 0 ? doc.toJS() : undefined;
      if (data !== null && typeof data === 'object') {
        r.pick(DATA_MUTATIONS)(data, r);
        text = stringify(data);
        continue;
      }
    }
    text = r.pick(TEXT_MUTATIONS)(text, r);
  }
  if (r.bool(0.02)) {
    const bytes = Buffer.from(text);
    bytes[r.int(bytes.length)] = r.pick([0x00, 0xff, 0xc3, 0x80]);
    return bytes;
  }
  return text;
}

type Container = Record<string, unknown> | unknown[];
interface Target {
  parent: Container;
  key: string | number;
}

function pickPath(data: unknown, r: Random): Target | undefined {
  const targets: Target[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node))
      node.forEach((value, key) => {
        targets.push({ parent: node, key });
        visit(value);
      });
    else if (node !== null && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) {
        targets.push({ parent: node as Record<string, unknown>, key });
        visit(value);
      }
  };
  visit(data);
  return targets.length > 0 ? r.pick(targets) : undefined;
}

const getAt = (parent: Container, key: string | number): unknown => (parent as Record<string | number, unknown>)[key];
const setAt = (parent: Container, key: string | number, value: unknown): void => {
  (parent as Record<string | number, unknown>)[key] = value;
};
const deleteAt = (parent: Container, key: string | number): void => {
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[String(key)];
};

describe('mutated manifests', () => {
  it(
    `never throw, and either load cleanly or locate an error (${ITERATIONS} cases)`,
    async () => {
      const dir = workspace({
        'other.yaml': OTHER,
        'icons/grafana.png': readFileSync(new URL('./fixtures/icons/grafana.png', import.meta.url)),
      });
      const random = new Random(20240611);
      const outcomes = { clean: 0, errors: 0 };
      for (let iteration = 0; iteration < ITERATIONS; iteration++) {
        const content = mutate(random.pick(BASES), random);
        writeFileSync(join(dir, 'm.yaml'), content);
        const paths = random.bool() ? ['m.yaml'] : ['.'];
        const context = `iteration ${iteration}, paths ${paths.join(' ')}:\n${String(content)}`;
        const { desired, diagnostics } = await loadManifests(paths, { cwd: dir });
        for (const d of diagnostics) {
          if (!d.location) continue;
          expect(['m.yaml', 'other.yaml'], context).toContain(d.location.file);
          expect(d.location.line >= 1 && d.location.col >= 1, context).toBe(true);
        }
        expect(formatDiagnostics(diagnostics).split('\n').length, context).toBe(diagnostics.length + 1);
        if (hasErrors(diagnostics)) {
          outcomes.errors++;
          expect(
            diagnostics.some((d) => d.severity === 'error' && d.location),
            context,
          ).toBe(true);
        } else {
          outcomes.clean++;
          if (!desired) throw new Error(`no desired state without errors: ${context}`);
          const portals = new Set(desired.portals.map((p) => p.name));
          for (const link of desired.links) {
            expect(typeof link.fields.link, context).toBe('string');
            for (const portal of link.portals) expect(portals.has(portal), context).toBe(true);
          }
        }
      }
      // Both outcomes must be common, or the mutations are not exercising the loader.
      expect(outcomes.clean).toBeGreaterThan(ITERATIONS / 20);
      expect(outcomes.errors).toBeGreaterThan(ITERATIONS / 2);
    },
    HANG_GUARD_MS,
  );
});
