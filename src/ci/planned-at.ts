/**
 * The commit a plan is made at, for whoever reads the plan: the commit the CI job runs on, else the
 * HEAD of the git checkout the command runs in. When neither is known (no CI, no git, not a
 * checkout) it is undefined, and the plan names no commit rather than a guess.
 */
import { execFile } from 'node:child_process';
import { mayFindRepository } from './git-discovery.js';

/** A full object name: SHA-1 (40 hex digits) or SHA-256 (64). */
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export async function findPlannedCommit(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Promise<string | undefined> {
  const fromCi = ciCommit(env);
  if (fromCi !== undefined && COMMIT.test(fromCi)) return fromCi;
  // git runs with this process's environment (GIT_DIR and the like), not the one passed in for the CI's variables.
  return (await mayFindRepository(cwd, process.env)) ? headOf(cwd) : undefined;
}

function ciCommit(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env['GITHUB_ACTIONS'] === 'true') return env['GITHUB_SHA'] || undefined;
  if (env['GITLAB_CI'] === 'true') return env['CI_COMMIT_SHA'] || undefined;
  return undefined;
}

/** `git rev-parse`: any failure (no git, not a checkout, an unborn branch) is "unknown", never an error. */
function headOf(cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd, encoding: 'utf8' }, (error, stdout) => {
      const sha = stdout.trim();
      resolve(error === null && COMMIT.test(sha) ? sha : undefined);
    });
  });
}
