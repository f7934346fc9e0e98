/**
 * Where a test run's scratch files go (workspaces, git repositories, step scripts, packed
 * tarballs): a folder of this run in /dev/shm when the machine has one with room, so thousands of
 * small writes cost memory copies rather than disk writes that queue behind everything else on a
 * shared machine. Elsewhere the system's temporary folder, as before. vitest.config.ts sets TMPDIR
 * to it for the tests and removes it once the run ends.
 */
import { mkdirSync, rmSync, statfsSync } from 'node:fs';

const MIN_FREE_BYTES = 2 * 1024 ** 3;
/** Named for the vitest main process, which reads the config and runs the global teardown. */
const RUN_DIR = `/dev/shm/zpa-gitops-tests-${process.pid}`;

/** The folder of this run (the vitest main process), or undefined for the system's default. */
export function scratchDir(): string | undefined {
  try {
    const { bavail, bsize } = statfsSync('/dev/shm');
    if (bavail * bsize < MIN_FREE_BYTES) return undefined;
    mkdirSync(RUN_DIR, { recursive: true });
    return RUN_DIR;
  } catch {
    return undefined;
  }
}

/** vitest globalSetup's teardown: removes this run's folder and whatever the tests left in it. */
export function teardown(): void {
  rmSync(RUN_DIR, { recursive: true, force: true });
}
