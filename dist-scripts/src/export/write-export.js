import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError } from '../core/errors.js';
/** Writes every file, or none: existing files are kept unless `force`. */
export async function writeExport(dir, files, force) {
    if (!force) {
        const existing = [];
        for (const path of files.keys())
            if (await exists(join(dir, path)))
                existing.push(join(dir, path));
        if (existing.length > 0)
            throw new UsageError(`export would overwrite ${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ', …' : ''}; pass --force to overwrite (nothing was written)`);
    }
    for (const [path, content] of files) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), content);
    }
}
async function exists(path) {
    return stat(path).then(() => true, () => false);
}
