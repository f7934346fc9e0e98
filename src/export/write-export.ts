import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { formatManifestText } from '../format/format-files.js';

/**
 * Writes every file, or none: existing files are kept unless `force`. Manifests are written as
 * `fmt` would write them, so an export passes `fmt --check` and reads like the examples.
 */
export async function writeExport(
  dir: string,
  files: ReadonlyMap<string, string | Buffer>,
  force: boolean,
): Promise<void> {
  if (!force) {
    const existing: string[] = [];
    for (const path of files.keys()) if (await exists(join(dir, path))) existing.push(join(dir, path));
    if (existing.length > 0)
      throw new UsageError(
        `export would overwrite ${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ', …' : ''}; pass --force to overwrite (nothing was written)`,
      );
  }
  const formatted = new Map<string, string | Buffer>();
  for (const [path, content] of files)
    formatted.set(path, typeof content === 'string' ? await formatManifest(content, path, join(dir, path)) : content);
  for (const [path, content] of formatted) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

async function formatManifest(text: string, path: string, absolute: string): Promise<string> {
  const result = await formatManifestText(text, path, absolute);
  // Export builds these texts itself: one that does not parse is a bug here, not a user error.
  if ('diagnostics' in result) throw new Error(`export produced unreadable YAML in ${path}`);
  return result.text;
}

/** `Exported 5 files to zpa: a.yaml, b.yaml, …`, every file named, icons included. */
export function describeExport(unsorted: readonly string[], out: string): string {
  const paths = [...unsorted].sort();
  const count = `${paths.length} file${paths.length === 1 ? '' : 's'}`;
  return `Exported ${count} to ${out}${paths.length > 0 ? `: ${paths.join(', ')}` : ''}\n`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
