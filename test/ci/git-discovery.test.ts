/**
 * Whether a folder can be in a git repository is read from the file system: no `.git` with a HEAD,
 * no `.git` file and no bare repository above it means git finds none either, so none is started.
 * Each answer is checked against git itself; the temporary folder is assumed outside any checkout.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mayFindRepository } from '../../src/ci/git-discovery.js';
import { git } from '../support/git-repo.js';
import { removeWorkspaces, workspace } from '../support/workspace.js';

afterEach(() => removeWorkspaces());

/** Whether git run in `cwd`, told nothing by its environment, finds a repository. */
function gitFindsOne(cwd: string): boolean {
  try {
    execFileSync('git', ['rev-parse', '--git-dir'], {
      cwd,
      stdio: 'ignore',
      env: { PATH: process.env['PATH'] ?? '', HOME: cwd, GIT_CONFIG_NOSYSTEM: '1' },
    });
    return true;
  } catch {
    return false;
  }
}

/** A workspace (its `.git` an empty placeholder, no repository to git) with a nested folder. */
function tree(): { root: string; deep: string } {
  const root = workspace();
  const deep = join(root, 'manifests', 'portals');
  mkdirSync(deep, { recursive: true });
  return { root, deep };
}

describe('finding a git repository without git', () => {
  it('a placeholder .git folder without HEAD is no repository, at any depth below it', async () => {
    const { root, deep } = tree();
    for (const dir of [root, deep]) {
      expect(await mayFindRepository(dir, {})).toBe(false);
      expect(gitFindsOne(dir)).toBe(false);
    }
  });

  it('a checkout above the folder is found, as git finds it', async () => {
    const { root, deep } = tree();
    git(join(root, 'manifests'), 'init', '--quiet');
    expect(await mayFindRepository(deep, {})).toBe(true);
    expect(gitFindsOne(deep)).toBe(true);
    expect(await mayFindRepository(root, {})).toBe(false);
  });

  it('a .git file (a worktree or submodule) and a bare repository count as repositories', async () => {
    const { root, deep } = tree();
    git(root, 'init', '--quiet', '--bare', 'origin.git');
    const inBare = join(root, 'origin.git', 'refs');
    expect(await mayFindRepository(inBare, {})).toBe(true);
    expect(gitFindsOne(inBare)).toBe(true);

    writeFileSync(join(deep, '.git'), `gitdir: ${join(root, 'origin.git')}\n`);
    expect(await mayFindRepository(deep, {})).toBe(true);
    expect(gitFindsOne(deep)).toBe(true);
  });

  it('GIT_DIR, GIT_WORK_TREE or GIT_COMMON_DIR send git elsewhere, so it is asked', async () => {
    const { deep } = tree();
    for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR'])
      expect(await mayFindRepository(deep, { [name]: '/elsewhere' })).toBe(true);
    expect(await mayFindRepository(deep, { GIT_AUTHOR_NAME: 'someone' })).toBe(false);
  });
});
