/**
 * buildOnce: one build per folder however many callers ask, every caller resolved only when that
 * build is done, and a failed build fails every caller with its error.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildOnce } from './build-once.js';

function folder(): string {
  const parent = mkdtempSync(join(tmpdir(), 'zpa-gitops-build-once-'));
  onTestFinished(() => rmSync(parent, { recursive: true, force: true }));
  return join(parent, 'build');
}

/** A build that finishes when the test says so, recording what happened in order. */
function heldBuild(events: string[]) {
  let finish: (error?: Error) => void = () => {};
  let started: () => void = () => {};
  const running = new Promise<void>((resolve) => (started = resolve));
  const build = async (into: string): Promise<void> => {
    events.push('build started');
    started();
    const error = await new Promise<Error | undefined>((resolve) => (finish = resolve));
    if (error) throw error;
    writeFileSync(join(into, 'artifact'), 'built');
    events.push('build done');
  };
  return { build, running, finish: (error?: Error) => finish(error) };
}

describe('buildOnce', () => {
  it('builds once for concurrent callers and resolves each after the build is done', async () => {
    const dir = folder();
    const events: string[] = [];
    const held = heldBuild(events);
    const first = buildOnce(dir, held.build).then(() => events.push('first resolved'));
    await held.running;
    const waiters = [1, 2].map((n) => buildOnce(dir, held.build).then(() => events.push(`waiter ${n} resolved`)));
    held.finish();
    await Promise.all([first, ...waiters]);
    expect(events.filter((e) => e === 'build started')).toHaveLength(1);
    expect(events.indexOf('build done')).toBe(1);
    expect(events.slice(2).sort()).toEqual(['first resolved', 'waiter 1 resolved', 'waiter 2 resolved']);

    // A caller after the build finds it done and builds nothing.
    await buildOnce(dir, held.build);
    expect(events.filter((e) => e === 'build started')).toHaveLength(1);
  });

  it('fails the builder and every waiter with the build’s error', async () => {
    const dir = folder();
    const held = heldBuild([]);
    const first = buildOnce(dir, held.build);
    await held.running;
    const waiter = buildOnce(dir, held.build);
    held.finish(new Error('npm pack exited with 1'));
    await expect(first).rejects.toThrow(/shared build in this run failed: npm pack exited with 1/);
    await expect(waiter).rejects.toThrow(/shared build in this run failed: npm pack exited with 1/);
    await expect(buildOnce(dir, held.build)).rejects.toThrow(/npm pack exited with 1/);
  });
});
