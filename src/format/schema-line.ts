/**
 * The `yaml-language-server` line a manifest without one gets: a relative path to the schema
 * when one is found above the file (this repository's schemas/, as the examples use, or an
 * installed node_modules/zpa-gitops), looking no higher than the repository root, else the schema
 * as the npm package publishes it.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { readSchema } from '../schemas.js';

/** unpkg serves any file of a published npm package; the package ships schemas/ (package.json "files"). */
export const PUBLISHED_SCHEMA_URL = 'https://unpkg.com/zpa-gitops/schemas/manifest.schema.json';

const CANDIDATES = [
  join('node_modules', 'zpa-gitops', 'schemas', 'manifest.schema.json'),
  join('schemas', 'manifest.schema.json'),
];

/** The comment text (without `#`) for a manifest at `file` (absolute). */
export async function schemaLineFor(file: string): Promise<string> {
  const ownId = ((await readSchema('manifest.schema.json')) as { $id?: unknown }).$id;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    for (const candidate of CANDIDATES) {
      const path = join(dir, candidate);
      if (await isOurSchema(path, ownId)) return line(relative(dirname(file), path).split(sep).join('/'));
    }
    // A path that leaves the repository would not work in anyone else's checkout.
    if (dirname(dir) === dir || (await exists(join(dir, '.git')))) return line(PUBLISHED_SCHEMA_URL);
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function line(target: string): string {
  return `yaml-language-server: $schema=${target}`;
}

/** Another project's schemas/manifest.schema.json is not ours: the $id tells them apart. */
async function isOurSchema(path: string, ownId: unknown): Promise<boolean> {
  try {
    return (JSON.parse(await readFile(path, 'utf8')) as { $id?: unknown }).$id === ownId;
  } catch {
    return false;
  }
}
