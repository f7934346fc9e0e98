import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { problem } from './diagnostic.js';
const MANIFEST_EXTENSION = /\.ya?ml$/i;
/** Folders never holding manifests, and often huge: dot-folders (.git) and node_modules. */
const SKIPPED_FOLDER = /^(\..*|node_modules)$/;
export async function findCandidates(paths, cwd) {
    const diagnostics = [];
    const folders = [];
    const byPath = new Map();
    for (const argument of paths) {
        const absolute = resolve(cwd, argument);
        const kind = await kindOf(absolute);
        if (kind === 'missing') {
            diagnostics.push(problem('path-not-found', `no such file or directory: ${argument}`, 'give a manifest file or a folder holding manifests', undefined));
        }
        else if (kind === 'file') {
            const known = byPath.get(absolute);
            // Named explicitly anywhere, a file must be a manifest even if a folder walk also found it.
            if (known)
                known.explicit = true;
            else
                byPath.set(absolute, { absolute, explicit: true, argument });
        }
        else {
            folders.push(argument);
            for (const file of await walk(absolute, diagnostics)) {
                if (!byPath.has(file))
                    byPath.set(file, { absolute: file, explicit: false, argument });
            }
        }
    }
    return { candidates: [...byPath.values()], folders, diagnostics };
}
async function kindOf(path) {
    try {
        const info = await stat(path);
        return info.isDirectory() ? 'directory' : 'file';
    }
    catch {
        return 'missing';
    }
}
/** `*.yaml` and `*.yml` under `root`, in sorted path order. Symlinked folders are followed once. */
async function walk(root, diagnostics) {
    const files = [];
    const visited = new Set();
    const folders = [root];
    for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
        const real = await realpath(folder).catch(() => folder);
        if (visited.has(real))
            continue;
        visited.add(real);
        let entries;
        try {
            entries = await readdir(folder, { withFileTypes: true });
        }
        catch {
            diagnostics.push(problem('unreadable-file', `cannot read folder ${folder}`, 'check its permissions', undefined));
            continue;
        }
        for (const entry of entries) {
            const path = join(folder, entry.name);
            const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && (await kindOf(path)) === 'directory');
            if (isFolder) {
                if (!SKIPPED_FOLDER.test(entry.name))
                    folders.push(path);
            }
            else if (MANIFEST_EXTENSION.test(entry.name)) {
                files.push(path);
            }
        }
    }
    return files.sort(comparePaths);
}
/** Sorted by path segments, so `a/b.yaml` sorts with `a/`, before `a-b.yaml`. */
function comparePaths(a, b) {
    const left = a.split(/[\\/]/);
    const right = b.split(/[\\/]/);
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
        const x = left[i] ?? '';
        const y = right[i] ?? '';
        if (x !== y)
            return x < y ? -1 : 1;
    }
    return left.length - right.length;
}
