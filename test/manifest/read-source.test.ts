/**
 * readSource reads regular files synchronously and anything else (a pipe, as `<(...)` gives) the
 * asynchronous way; both give the same text, and neither blocks on a pipe that is still empty.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSource } from '../../src/manifest/read-source.js';

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

  it('says why a missing file cannot be read', async () => {
    const read = await readSource(candidate(join(dir, 'missing.yaml')), 'missing.yaml');
    expect(read).toMatchObject({ kind: 'problem', diagnostic: { code: 'unreadable-file' } });
    expect(JSON.stringify(read)).toContain('ENOENT');
  });
});
