import { defineConfig } from 'vitest/config';

// The container suite alone (npm run test:container): building a FROM scratch image with the vfs
// storage driver copies about 100 MB, so hooks get minutes, not seconds.
export default defineConfig({
  test: {
    include: ['test/container/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
