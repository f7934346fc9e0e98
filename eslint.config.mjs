// Type-aware lint: the rules that catch what tsc does not (a promise left floating, a switch that
// forgets a member of a union), and the dependency direction of docs/architecture.md: each folder
// below may import only the folders listed for it. Run by `npm test` through `npm run lint`;
// test/docs/layers.test.ts shows a wrong import failing.
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

/** src/<folder> -> the src/ folders (and top-level modules) it may import. */
const MAY_IMPORT = {
  core: [],
  canonical: ['core'],
  digest: ['core'],
  live: ['core'],
  manifest: ['core', 'schemas.js'],
  planner: ['core', 'canonical', 'digest'],
  kinds: ['core', 'canonical'],
  zpa: ['core', 'canonical'],
};

/** Everything directly in src/: its folders and its top-level modules. */
const SRC = readdirSync(new URL('src', import.meta.url)).map((name) => name.replace(/\.ts$/, '.js'));
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const layers = Object.entries(MAY_IMPORT).map(([folder, allowed]) => {
  const forbidden = SRC.filter((name) => name !== folder && !allowed.includes(name));
  return {
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${forbidden.map(escape).join('|')})(/|$)`,
              message: `src/${folder}/ may import only ${allowed.length > 0 ? allowed.join(', ') : 'its own modules'} (docs/architecture.md, dependency direction).`,
            },
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-scripts/**', 'coverage/**', 'node_modules/**', '**/*.mjs', 'vitest*.config.ts'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layers,
);
