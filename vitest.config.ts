import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/container/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Files in one worker share the modules they import (src/ is transformed and loaded once per
    // worker, not once per file). Each file still starts its own simulators, workspaces and hooks;
    // support code registers its clean-up per test (onTestFinished), never once per module.
    isolate: false,
    // vitest's default is one worker fewer than there are cores: a single worker on two cores. Many
    // tests wait on a child process or on the simulator's sockets, so two keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
