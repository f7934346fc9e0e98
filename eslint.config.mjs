// Type-aware lint: the rules that catch what tsc does not (a promise left floating, a switch that
// forgets a member of a union), and the dependency direction of docs/architecture.md: each folder
// below may import only the folders (or single modules) listed for it. Run by `npm test` through `npm run lint`;
// test/docs/layers.test.ts shows a wrong import failing.
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

/**
 * src/<folder> -> what it may import of src/: a folder or top-level module by name (`core`,
 * `schemas.js`), or one module of a folder (`planner/plan.js`: that folder's public entry, nothing
 * else of it).
 */
const MAY_IMPORT = {
  core: [],
  canonical: ['core'],
  digest: ['core'],
  live: ['core'],
  manifest: ['core', 'schemas.js'],
  planner: ['core', 'canonical', 'digest'],
  kinds: ['core', 'canonical'],
  zpa: ['core', 'canonical'],
  format: ['core', 'manifest', 'schemas.js'],
  render: ['core', 'canonical', 'kinds/built-in.js', 'apply/report.js'],
  export: ['core', 'canonical', 'format'],
  doctor: ['core', 'canonical', 'kinds/built-in.js', 'live', 'zpa', 'render', 'planner/plan.js', 'version.js'],
  cli: [
    'core',
    'canonical',
    'digest',
    'kinds/built-in.js',
    'live',
    'manifest',
    'planner/plan.js',
    'apply',
    'planfile',
    'render',
    'ci',
    'doctor',
    'export',
    'format',
    'zpa',
    'sim',
    'workflow.js',
    'version.js',
  ],
};

/** Everything directly in src/: its folders and its top-level modules. */
const SRC = readdirSync(new URL('src', import.meta.url)).map((name) => name.replace(/\.ts$/, '.js'));
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex alternative for each name `folder` may not import, whole or beyond its allowed modules. */
function forbiddenOf(folder, allowed) {
  return SRC.filter((name) => name !== folder && !allowed.includes(name)).map((name) => {
    const modules = allowed.filter((a) => a.startsWith(`${name}/`)).map((a) => escape(a.slice(name.length + 1)));
    return modules.length > 0 ? `${escape(name)}/(?!(?:${modules.join('|')})$)` : `${escape(name)}(?:/|$)`;
  });
}

export const layers = Object.entries(MAY_IMPORT).map(([folder, allowed]) => ({
  files: [`src/${folder}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^(\\.\\./)+(?:${forbiddenOf(folder, allowed).join('|')})`,
            message: `src/${folder}/ may import only ${allowed.length > 0 ? allowed.join(', ') : 'its own modules'} (docs/architecture.md, dependency direction).`,
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'dist-scripts/**', 'coverage/**', 'node_modules/**', '**/*.mjs', 'vitest*.config.ts'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    // One program built from tsconfig.json, which includes every folder linted here: quicker than the
    // project service, and a linted file left out of it is an error instead of a silent default project.
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layers,
);
