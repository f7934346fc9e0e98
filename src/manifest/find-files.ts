/**
 * Paths on the command line to candidate manifest files. A file named explicitly must be a
 * manifest; files found by walking a directory are only candidates, sniffed later.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../core/types.js';
import { problem } from './diagnostic.js';

export interface Candidate {
  absolute: string;
  /** Named on the command line, rather than found in a directory. */
  explicit: boolean;
  /** The argument it came from, to say which argument found no manifests. */
  argument: string;
  /**
   * Found in a folder walk through a symlink that leads outside the folder named on the command
   * line: refused if it is a manifest, as icons outside the repository are.
   */
  outside?: { folder: string; real: string };
}

const MANIFEST_EXTENSION = /\.ya?ml$/i;
/** Folders never holding manifests, and often huge: dot-folders (.git) and node_modules. */
const SKIPPED_FOLDER = /^(\..*|node_modules)$/;

export interface Found {
  candidates: Candidate[];
  /** The arguments that are folders, searched rather than read. */
  folders: string[];
  diagnostics: Diagnostic[];
}

export async function findCandidates(paths: readonly string[], cwd: string): Promise<Found> {
  const diagnostics: Diagnostic[] = [];
  const folders: string[] = [];
  const byPath = new Map<string, Candidate>();
  for (const argument of paths) {
    const absolute = resolve(cwd, argument);
    const kind = await pathKind(absolute);
    if (kind === 'missing') {
      diagnostics.push(
        problem(
          'path-not-found',
          `no such file or directory: ${argument}`,
          'give a manifest file or a folder holding manifests',
          undefined,
        ),
      );
    } else if (kind === 'file') {
      const known = byPath.get(absolute);
      // Named explicitly anywhere, a file must be a manifest even if a folder walk also found it.
      if (known) known.explicit = true;
      else byPath.set(absolute, { absolute, explicit: true, argument });
    } else {
      folders.push(argument);
      const root = await realpath(absolute).catch(() => absolute);
      for (const file of await walk(absolute, diagnostics)) {
        if (byPath.has(file)) continue;
        const real = await realpath(file).catch(() => file);
        const outside = isInside(root, real) ? {} : { outside: { folder: argument, real } };
        byPath.set(file, { absolute: file, explicit: false, argument, ...outside });
      }
    }
  }
  return { candidates: [...byPath.values()], folders, diagnostics };
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

async function pathKind(path: string): Promise<'file' | 'directory' | 'missing'> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

/** `*.yaml` and `*.yml` under `root`, in sorted path order. Symlinked folders are followed once. */
async function walk(root: string, diagnostics: Diagnostic[]): Promise<string[]> {
  const files: string[] = [];
  const visited = new Set<string>();
  const folders = [root];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const real = await realpath(folder).catch(() => folder);
    if (visited.has(real)) continue;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      diagnostics.push(problem('unreadable-file', `cannot read folder ${folder}`, 'check its permissions', undefined));
      continue;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && (await pathKind(path)) === 'directory');
      if (isFolder) {
        if (!SKIPPED_FOLDER.test(entry.name)) folders.push(path);
      } else if (MANIFEST_EXTENSION.test(entry.name)) {
        files.push(path);
      }
    }
  }
  return files.sort(comparePaths);
}

/** Sorted by path segments, so `a/b.yaml` sorts with `a/`, before `a-b.yaml`. */
function comparePaths(a: string, b: string): number {
  const left = a.split(/[\\/]/);
  const right = b.split(/[\\/]/);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}
