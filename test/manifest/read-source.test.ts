/**
 * readSource reads regular files synchronously and anything else (a pipe, as `<(...)` gives) the
 * asynchronous way; both give the same text, and neither blocks on a pipe that is still empty.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSource } from '../../src/manifest/read-source.js';
import { objectContaining, stringMatching } from '../support/matchers.js';

const TEXT =
  'apiVersion: zpa-gitops/v1\nuserPortals:\n  Eng:\n    links:\n      - name: A\n        link: a.example.com\n';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zpa-gitops-read-source-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const candidate = (absolute: string) => ({ absolute, explicit: true, argument: absolute });

describe('readSource', () => {
  it('reads a regular file', async () => {
    const path = join(dir, 'links.yaml');
    await writeFile(path, TEXT);
    expect(await readSource(candidate(path), 'links.yaml')).toEqual({ kind: 'text', text: TEXT });
  });

  it('reads a named pipe through the asynchronous path, waiting for its writer', async () => {
    const path = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [path]);
    const reading = readSource(candidate(path), 'pipe.yaml');
    // Opening for writing waits for the reader above: the read did not block the event loop on open.
    const writer = await open(path, 'w');
    await writer.writeFile(TEXT);
    await writer.close();
    expect(await reading).toEqual({ kind: 'text', text: TEXT });
  });

  it('refuses a named pipe or a device found in a folder, unread, instead of hanging or growing', async () => {
    const pipe = join(dir, 'found-pipe.yaml');
    execFileSync('mkfifo', [pipe]);
    const zero = join(dir, 'zero.yaml');
    await symlink('/dev/zero', zero);
    const linkedPipe = join(dir, 'linked-pipe.yaml');
    await symlink(pipe, linkedPipe);
    const found = (absolute: string) => ({ absolute, explicit: false, argument: dir });
    // No writer ever opens the pipe: reading it would wait for ever, and /dev/zero never ends.
    expect(await readSource(found(pipe), 'found-pipe.yaml')).toEqual({
      kind: 'problem',
      diagnostic: objectContaining({
        code: 'not-a-regular-file',
        message: 'a named pipe (FIFO) is not read: only regular files in a folder are manifests',
        location: { file: 'found-pipe.yaml', line: 1, col: 1 },
      }),
    });
    expect(await readSource(found(linkedPipe), 'linked-pipe.yaml')).toMatchObject({
      diagnostic: { code: 'not-a-regular-file' },
    });
    expect(await readSource(found(zero), 'zero.yaml')).toMatchObject({
      diagnostic: { code: 'not-a-regular-file', message: stringMatching(/^a device is not read/) },
    });
  });

  it('cuts a device named explicitly at the size limit while reading it', async () => {
    const read = await readSource(candidate('/dev/zero'), '/dev/zero');
    expect(read).toMatchObject({
      kind: 'problem',
      diagnostic: { code: 'file-too-large', message: 'file is over 5 MB; manifests are limited to 5 MB' },
    });
  });

  it('says why a missing file cannot be read', async () => {
    const read = await readSource(candidate(join(dir, 'missing.yaml')), 'missing.yaml');
    expect(read).toMatchObject({ kind: 'problem', diagnostic: { code: 'unreadable-file' } });
    expect(JSON.stringify(read)).toContain('ENOENT');
  });
});
