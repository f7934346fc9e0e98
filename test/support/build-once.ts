/**
 * Something built once into a folder and shared by every caller, in any process: test files run in
 * several vitest workers, and each would otherwise build its own copy. The folder is the lock: the
 * caller whose `mkdir` creates it builds into it, then writes the outcome (done, or the build's error)
 * whole under a temporary name and renames it into place, so a reader sees all of it or nothing.
 * Every other caller waits for that file to appear (a watch on the folder, no polling) and fails with
 * the build's error when it failed.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUTCOME = 'outcome.json';

type Outcome = { built: true } | { built: false; error: string };

/** Runs `build(folder)` in the first caller for `folder` and resolves every caller when it is done. */
export async function buildOnce(folder: string, build: (folder: string) => Promise<void>): Promise<void> {
  if (!claim(folder)) return settle(await outcomeOf(folder));
  let outcome: Outcome;
  try {
    await build(folder);
    outcome = { built: true };
  } catch (error) {
    outcome = { built: false, error: error instanceof Error ? error.message : String(error) };
  }
  writeFileSync(join(folder, `${OUTCOME}.partial`), JSON.stringify(outcome));
  renameSync(join(folder, `${OUTCOME}.partial`), join(folder, OUTCOME));
  settle(outcome);
}

/** True when this call created the folder, and so builds into it. */
function claim(folder: string): boolean {
  try {
    mkdirSync(folder);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function settle(outcome: Outcome): void {
  if (!outcome.built) throw new Error(`the shared build in this run failed: ${outcome.error}`);
}

/** The builder's outcome, once its file is in place: watched first, then looked for, so no rename is missed. */
function outcomeOf(folder: string): Promise<Outcome> {
  const file = join(folder, OUTCOME);
  return new Promise((resolve, reject) => {
    const watcher = watch(folder);
    const look = (): void => {
      if (!existsSync(file)) return;
      watcher.close();
      try {
        resolve(JSON.parse(readFileSync(file, 'utf8')) as Outcome);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    watcher.on('change', look);
    watcher.on('error', (error) => {
      watcher.close();
      reject(error);
    });
    look();
  });
}
