import { lstat, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { describeFsError } from '../core/fs-reason.js';
import { formatManifestText } from '../format/format-files.js';

/**
 * Writes every file, or none. Everything that can be checked is checked first: a file that exists
 * (kept unless `force`), and a symbolic link anywhere under `dir` on the way to a file, which is
 * refused even with `force` (writing through it would change a file outside the export). The files
 * are then written into a staging folder inside `dir` and renamed into place only once all of them
 * were written, so a failure (a full disk, a name the file system refuses) leaves none behind.
 * Manifests are written as `fmt` would write them, so an export passes `fmt --check` and reads like
 * the examples.
 */
export async function writeExport(
  dir: string,
  files: ReadonlyMap<string, string | Buffer>,
  force: boolean,
): Promise<void> {
  const existing: string[] = [];
  for (const path of files.keys()) if (await checkPath(dir, path)) existing.push(join(dir, path));
  if (!force && existing.length > 0)
    throw new UsageError(
      `export would overwrite ${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ', …' : ''}; pass --force to overwrite (nothing was written)`,
    );
  const formatted = new Map<string, string | Buffer>();
  for (const [path, content] of files)
    formatted.set(path, typeof content === 'string' ? await formatManifest(content, path, join(dir, path)) : content);

  const madeDir = !(await lstat(dir).then(
    () => true,
    () => false,
  ));
  const staging = await inFolder(dir, '', async () => {
    await mkdir(dir, { recursive: true });
    return mkdtemp(join(dir, '.zpa-gitops-export-'));
  });
  try {
    for (const [path, content] of formatted)
      await inFolder(dir, path, async () => {
        await mkdir(dirname(join(staging, path)), { recursive: true });
        await writeFile(join(staging, path), content);
      });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (madeDir) await rm(dir, { recursive: true, force: true });
    throw error;
  }
  let moved = 0;
  try {
    // Each rename replaces a directory entry: it never writes through what stood there.
    for (const path of formatted.keys()) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await rename(join(staging, path), join(dir, path));
      moved += 1;
    }
  } catch (error) {
    // Only a change under `dir` since the checks above leads here; say what is in place.
    throw new UsageError(
      `export could not move its files into ${dir}: ${describeFsError(error)} (${moved} of ${formatted.size} written)`,
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Whether `path` exists under `dir` as a regular file; a UsageError when it, or a folder on the way
 * to it, is a symbolic link, or is not what the export would write there.
 */
async function checkPath(dir: string, path: string): Promise<boolean> {
  const parts = path.split('/');
  for (let i = 0; i < parts.length; i++) {
    const at = join(dir, ...parts.slice(0, i + 1));
    const info = await lstat(at).catch(() => undefined);
    if (info === undefined) return false;
    const last = i === parts.length - 1;
    if (info.isSymbolicLink())
      throw new UsageError(
        `export will not write through the symbolic link ${at} (${last ? 'the file' : 'a folder'} ${path} would go through it); remove it, or export into another folder (nothing was written)`,
      );
    if (last ? !info.isFile() : !info.isDirectory())
      throw new UsageError(
        `export cannot write ${join(dir, path)}: ${at} is ${last ? 'not a regular file' : 'not a folder'} (nothing was written)`,
      );
  }
  return true;
}

/** Runs a file operation; a failure becomes one line naming the file and the reason. */
async function inFolder<T>(dir: string, path: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    const where = path === '' ? dir : join(dir, path);
    throw new UsageError(`export could not write ${where}: ${describeFsError(error)} (nothing was written)`);
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
