/**
 * Real git repositories for the recipes' git steps: a bare `origin` on the file system holding
 * `main`, and a job's checkout of it, detached as GitLab's runner leaves it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFiles } from './workspace.js';

const IDENTITY = ['-c', 'user.name=test', '-c', 'user.email=test@localhost', '-c', 'commit.gpgsign=false'];

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...IDENTITY, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', HOME: cwd, GIT_CONFIG_NOSYSTEM: '1' },
  }).trim();
}

/** Makes `dir` (its files as they are) the first commit of `main` on a new bare origin; returns the origin. */
export function pushAsOrigin(dir: string): string {
  const origin = mkdtempSync(join(tmpdir(), 'zpa-gitops-origin-'));
  git(origin, 'init', '--quiet', '--bare', '-b', 'main');
  rmSync(join(dir, '.git'), { recursive: true, force: true });
  git(dir, 'init', '--quiet', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'manifests');
  git(dir, 'remote', 'add', 'origin', origin);
  git(dir, 'push', '--quiet', 'origin', 'main');
  return origin;
}

/** Another change lands on origin's main (another merge request, merged): returns its commit. */
export function commitOnOrigin(origin: string, files: Record<string, unknown>): string {
  const clone = mkdtempSync(join(tmpdir(), 'zpa-gitops-clone-'));
  git(clone, 'clone', '--quiet', origin, '.');
  writeFiles(clone, files);
  git(clone, 'add', '-A');
  git(clone, 'commit', '--quiet', '-m', 'another merge request');
  git(clone, 'push', '--quiet', 'origin', 'main');
  const sha = git(clone, 'rev-parse', 'HEAD');
  rmSync(clone, { recursive: true, force: true });
  return sha;
}
