import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run test:fast`: the unit and in-process tests, which need no build. The files below run the
// built CLI (dist/) in a child process, as a user's shell would; `npm test` builds and runs them.
export const NEEDS_BUILD = [
  'test/cli/lazy-load.test.ts',
  'test/e2e/built-cli.test.ts',
  'test/e2e/interrupts.test.ts',
  'test/e2e/messages.test.ts',
  'test/e2e/package.test.ts',
  'test/e2e/readme-library.test.ts',
  'test/e2e/settings-from-env.test.ts',
  'test/e2e/recipe-harness-github.test.ts',
  'test/e2e/recipe-harness-gitlab.test.ts',
  'test/e2e/terraform-habits.test.ts',
  'test/format/fmt.test.ts',
  'test/release/action.test.ts',
  'test/release/bundle.test.ts',
];

export default mergeConfig(base, defineConfig({ test: { exclude: ['test/container/**', ...NEEDS_BUILD] } }));
