/**
 * Icon files: inside the repository (symlinks resolved, so a link cannot smuggle in a file from
 * elsewhere), at most 256 KiB, and really an image. Read once and sent as a `data:` URI.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { DesiredIcon, Diagnostic } from '../core/types.js';
import { problem, quote } from './diagnostic.js';
import { imageSubtype } from './image-type.js';
import type { IconSource } from './merge.js';

const MAX_ICON_BYTES = 256 * 1024;

type IconRead = { icon: DesiredIcon } | { diagnostic: Diagnostic };

export class IconReader {
  private readonly roots = new Map<string, Promise<string>>();
  private readonly files = new Map<string, Promise<Buffer>>();

  constructor(private readonly cwd: string) {}

  async read(source: IconSource): Promise<IconRead> {
    const fail = (code: string, message: string, hint: string): IconRead => ({
      diagnostic: problem(code, message, hint, source.location),
    });
    const root = await this.repositoryRoot(source.folder);
    const shown = quote(source.path);
    if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(source.path))
      return fail(
        'icon-not-found',
        `icon ${shown} is a URL, not a file`,
        'download the image into the repository and give its path relative to this manifest',
      );
    if (escapes(root, source.absolute))
      return fail(
        'icon-outside-repository',
        `icon ${shown} is outside the repository`,
        'copy the image into the repository and give its path relative to this manifest',
      );
    let real: string;
    try {
      real = await realpath(source.absolute);
    } catch {
      return fail(
        'icon-not-found',
        `icon ${shown} does not exist`,
        `paths are relative to the manifest's folder: looked for ${this.show(source.absolute)}`,
      );
    }
    if (escapes(await realpath(root).catch(() => root), real)) {
      return fail(
        'icon-outside-repository',
        `icon ${shown} leads outside the repository`,
        `it is a symbolic link to ${real}; copy the image into the repository instead`,
      );
    }
    let bytes: Buffer;
    try {
      const info = await stat(real);
      if (!info.isFile())
        return fail('icon-not-found', `icon ${shown} is not a file`, 'give the path of an image file');
      if (info.size > MAX_ICON_BYTES)
        return fail(
          'icon-too-large',
          `icon ${shown} is ${Math.ceil(info.size / 1024)} KiB; the limit is ${MAX_ICON_BYTES / 1024} KiB`,
          'use a smaller image; portal icons show at a few dozen pixels',
        );
      bytes = await this.bytes(real);
    } catch {
      return fail('icon-not-found', `icon ${shown} cannot be read`, 'check the file and its permissions');
    }
    const subtype = imageSubtype(bytes);
    if (!subtype)
      return fail(
        'icon-not-image',
        `icon ${shown} is not an image`,
        'use a png, jpeg, gif, svg, ico or webp file (the type is read from its content)',
      );
    return {
      icon: { fileName: basename(source.path), dataUri: `data:image/${subtype};base64,${bytes.toString('base64')}` },
    };
  }

  private bytes(path: string): Promise<Buffer> {
    let read = this.files.get(path);
    if (!read) this.files.set(path, (read = readFile(path)));
    return read;
  }

  /** The nearest folder at or above `folder` holding `.git` (a folder, or a file in a worktree); else the working directory. */
  private repositoryRoot(folder: string): Promise<string> {
    let root = this.roots.get(folder);
    if (!root) this.roots.set(folder, (root = findRoot(folder, this.cwd)));
    return root;
  }

  private show(path: string): string {
    return relative(this.cwd, path).split('\\').join('/') || '.';
  }
}

async function findRoot(folder: string, cwd: string): Promise<string> {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (await exists(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function escapes(root: string, path: string): boolean {
  const inside = relative(root, path);
  return inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
}
