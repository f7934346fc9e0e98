/**
 * Where a test run's scratch files go (workspaces, git repositories, step scripts, packed
 * tarballs): a folder of this run in /dev/shm when the machine has one with room, so thousands of
 * small writes cost memory copies rather than disk writes that queue behind everything else on a
 * shared machine. Elsewhere the system's temporary folder, as before. vitest.config.ts sets TMPDIR
 * to it for the tests; the global setup creates it and its teardown removes it.
 */
import { mkdirSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { join } from 'node:path';

const SHM = '/dev/shm';
const PREFIX = 'zpa-gitops-tests-';
const MIN_FREE_BYTES = 2 * 1024 ** 3;
/** Named for the vitest main process, which reads the config and runs the global setup. */
const RUN_DIR = join(SHM, `${PREFIX}${process.pid}`);

/** The folder of this run, or undefined for the system's default. Creates nothing. */
export function scratchDir(): string | undefined {
  try {
    const { bavail, bsize } = statfsSync(SHM);
    return bavail * bsize < MIN_FREE_BYTES ? undefined : RUN_DIR;
  } catch {
    return undefined;
  }
}

/** vitest globalSetup: creates this run's folder, and removes those of runs that ended without teardown. */
export function setup(): void {
  if (scratchDir() === undefined) return;
  for (const name of readdirSync(SHM)) {
    const pid = Number(name.slice(PREFIX.length));
    if (name.startsWith(PREFIX) && Number.isInteger(pid) && !isRunning(pid))
      rmSync(join(SHM, name), { recursive: true, force: true });
  }
  mkdirSync(RUN_DIR, { recursive: true });
}

/** vitest globalSetup's teardown: removes this run's folder and whatever the tests left in it. */
export function teardown(): void {
  rmSync(RUN_DIR, { recursive: true, force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
