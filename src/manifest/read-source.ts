/**
 * Reading a candidate file with guards: size before parsing, binary data and invalid UTF-8 as
 * located errors, and the sniff that tells a manifest from any other YAML file in a folder.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Diagnostic, SourceLocation } from '../core/types.js';
import { problem } from './diagnostic.js';
import type { Candidate } from './find-files.js';

const MAX_MANIFEST_BYTES = 5 * 1024 * 1024;
/** How much of an oversized file is read to tell whether it is a manifest at all. */
const SNIFF_BYTES = 64 * 1024;
/**
 * A top-level `apiVersion: zpa-gitops/...` line (quotes allowed) marks a manifest. So does a near
 * miss (the key in another case, `api_version`, or a value like `zpagitops/v1` or `ZPA-GitOps/v1`):
 * such a file is read as a manifest so that it is refused by name, never skipped in silence.
 */
const MANIFEST_MARK = /^["']?api[-_]?version["']?[ \t]*:[ \t]*["']?zpa[-_ ]?git[-_ ]?ops/im;
/**
 * A top-level key of ours marks a manifest too, with or without `apiVersion`: a file declaring
 * portals or client settings without it is refused by name, or its portals would silently go
 * unmanaged.
 */
const MANIFEST_KEY = /^["']?(?:userPortals|clientSettings)["']?[ \t]*:/m;

export type SourceRead =
  { kind: 'text'; text: string } | { kind: 'skip' } | { kind: 'problem'; diagnostic: Diagnostic };

export async function readSource(candidate: Candidate, file: string): Promise<SourceRead> {
  const start: SourceLocation = { file, line: 1, col: 1 };
  let read: FileRead;
  try {
    read = readRegularFile(candidate.absolute) ?? (await readAnyFile(candidate, start));
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    return {
      kind: 'problem',
      diagnostic: problem(
        'unreadable-file',
        `cannot read the file${reason}`,
        'check that it exists and is readable',
        start,
      ),
    };
  }
  if ('diagnostic' in read) return { kind: 'problem', diagnostic: read.diagnostic };
  if ('head' in read) {
    if (!candidate.explicit && !looksLikeManifest(read.head)) return { kind: 'skip' };
    const size = read.size === undefined ? 'over 5 MB' : `${(read.size / 1024 / 1024).toFixed(1)} MB`;
    return {
      kind: 'problem',
      diagnostic: problem(
        'file-too-large',
        `file is ${size}; manifests are limited to ${MAX_MANIFEST_BYTES / 1024 / 1024} MB`,
        'split it into several files',
        start,
      ),
    };
  }
  if (!candidate.explicit && !looksLikeManifest(read.bytes)) return { kind: 'skip' };
  return decode(read.bytes, file);
}

/**
 * The whole file; or for one over the limit its first bytes (for the sniff) and, when known, its
 * size; or why it is not read at all.
 */
type FileRead = { bytes: Buffer } | { size: number | undefined; head: Buffer } | { diagnostic: Diagnostic };

/**
 * A regular file, read synchronously: a plan reads hundreds of small files, and each asynchronous
 * open, stat, read and close is a trip through the thread pool and back. The
 * open does not block (O_NONBLOCK), so a pipe or device is seen by fstat and left, undefined, to
 * the asynchronous path. The limit holds while reading, so a file that grows after fstat is cut.
 */
function readRegularFile(path: string): FileRead | undefined {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return undefined;
    if (info.size > MAX_MANIFEST_BYTES) return { size: info.size, head: readHead(fd) };
    const bytes = Buffer.allocUnsafe(info.size + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < bytes.length; length += n)
      n = readSync(fd, bytes, length, bytes.length - length, length);
    if (length > info.size) return readGrown(fd);
    return { bytes: bytes.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}

/** A regular file that grew while it was read: read again, now against the limit itself. */
function readGrown(fd: number): FileRead {
  const bytes = Buffer.allocUnsafe(MAX_MANIFEST_BYTES + 1);
  let length = 0;
  for (let n = -1; n !== 0 && length < bytes.length; length += n)
    n = readSync(fd, bytes, length, bytes.length - length, length);
  if (length > MAX_MANIFEST_BYTES) return { size: undefined, head: bytes.subarray(0, SNIFF_BYTES) };
  return { bytes: bytes.subarray(0, length) };
}

function readHead(fd: number): Buffer {
  const head = Buffer.alloc(SNIFF_BYTES);
  const bytesRead = readSync(fd, head, 0, SNIFF_BYTES, 0);
  return head.subarray(0, bytesRead);
}

/**
 * Anything but a regular file. Named on the command line, a pipe is read (`<(...)` and
 * `/dev/stdin` give one), waiting for its writer, and cut at the limit, since a pipe or a device
 * has no size to check first. Found in a folder, it is refused unopened: a FIFO without a writer
 * would hang the run, and a device like /dev/zero never ends.
 */
async function readAnyFile(candidate: Candidate, start: SourceLocation): Promise<FileRead> {
  if (!candidate.explicit) {
    const info = await stat(candidate.absolute);
    return {
      diagnostic: problem(
        'not-a-regular-file',
        `${describeSpecial(info)} is not read: only regular files in a folder are manifests`,
        'remove it from the folder, or name it on the command line to read it',
        start,
      ),
    };
  }
  const handle = await open(candidate.absolute, 'r');
  try {
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= MAX_MANIFEST_BYTES) {
      const chunk = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, SNIFF_BYTES, null);
      if (bytesRead === 0) return { bytes: Buffer.concat(chunks, length) };
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
    }
    return { size: undefined, head: Buffer.concat(chunks, length).subarray(0, SNIFF_BYTES) };
  } finally {
    await handle.close();
  }
}

function describeSpecial(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
}

function looksLikeManifest(bytes: Buffer): boolean {
  const text = bytes.toString('latin1');
  return MANIFEST_MARK.test(text) || MANIFEST_KEY.test(text);
}

function decode(bytes: Buffer, file: string): SourceRead {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      kind: 'problem',
      diagnostic: problem('invalid-utf8', 'file is UTF-16 encoded', 'save it as UTF-8', { file, line: 1, col: 1 }),
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      kind: 'problem',
      diagnostic: problem(
        'binary-file',
        'file holds binary data (a NUL byte)',
        'manifests are UTF-8 text; check that this is the file you meant',
        locateByte(bytes, nul, file),
      ),
    };
  }
  // Node's native check (the same rules) passes valid files quickly; the loop below only locates.
  const invalid = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    const byte = (bytes[invalid] ?? 0).toString(16).padStart(2, '0');
    return {
      kind: 'problem',
      diagnostic: problem(
        'invalid-utf8',
        `invalid UTF-8 (byte 0x${byte})`,
        'save the file as UTF-8',
        locateByte(bytes, invalid, file),
      ),
    };
  }
  // TextDecoder drops a UTF-8 byte order mark, so columns on line 1 match what an editor shows.
  return { kind: 'text', text: UTF8.decode(bytes) };
}

const UTF8 = new TextDecoder('utf-8');

function locateByte(bytes: Buffer, offset: number, file: string): SourceLocation {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  // Everything before the first bad byte is valid UTF-8, so it decodes to what an editor shows.
  const col = bytes.subarray(lineStart, offset).toString('utf8').length + 1;
  return { file, line, col };
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    let code = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}
