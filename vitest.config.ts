import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { scratchDir } from './test/support/scratch-dir.js';

const scratch = scratchDir();

/**
 * Test files that replace a module (`vi.mock`): a mock only takes effect where the module is loaded
 * afresh, so these run with a module graph of their own.
 */
const mocking = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => `test/${file}`)
  .filter((file) => /\bvi\.(?:do)?[mM]ock\(/.test(readFileSync(file, 'utf8')));

export default defineConfig({
  test: {
    exclude: ['test/container/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Scratch files in memory where the machine allows (test/support/scratch-dir.ts).
    env: scratch === undefined ? {} : { TMPDIR: scratch },
    globalSetup: ['test/support/scratch-dir.ts', 'test/support/release-setup.ts'],
    // vitest's default is one worker fewer than there are cores: a single worker on two cores. Many
    // tests wait on a child process or on the simulator's sockets, so two keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        // Files in one worker share the modules they import (src/ is transformed and loaded once
        // per worker, not once per file). Each file still starts its own simulators, workspaces and
        // hooks; support code registers its clean-up per test (onTestFinished), never per module.
        test: { name: 'shared-modules', include: ['test/**/*.test.ts'], exclude: mocking, isolate: false },
      },
      { extends: true, test: { name: 'own-modules', include: mocking, isolate: true } },
    ],
  },
});
