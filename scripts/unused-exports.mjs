// Lists the exports of src/ that no other file of src/, test/, bench/ or scripts/ names: dead code,
// or an export that should be a plain local. A word-level check (a name in a comment counts as a
// use), so it never misses a use; run it with `node scripts/unused-exports.mjs`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
const files = ['src', 'test', 'bench', 'scripts']
  .flatMap((dir) => walk(join(root, dir)))
  .filter((file) => /\.(ts|mjs)$/.test(file) && !file.includes('.generated.'));
const text = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
const DECLARED =
  /^export (?:declare )?(?:async )?(?:abstract )?(?:function\*?|const|let|class|interface|type|enum) ([\w$]+)/gm;

let found = 0;
for (const file of files.filter((f) => relative(root, f).startsWith('src/') && f.endsWith('.ts'))) {
  for (const [, name] of (text.get(file) ?? '').matchAll(DECLARED)) {
    const pattern = `(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`;
    const word = new RegExp(pattern);
    if (files.some((other) => other !== file && word.test(text.get(other) ?? ''))) continue;
    const uses = (text.get(file) ?? '').match(new RegExp(pattern, 'g'))?.length ?? 0;
    console.log(`${relative(root, file)}: ${name}${uses > 1 ? ' (used in its own file only)' : ' (unused)'}`);
    found += 1;
  }
}
if (found === 0) console.log('every export of src/ is used elsewhere');
