/**
 * The dependency direction of docs/architecture.md is an ESLint rule (eslint.config.mjs): a module
 * importing a folder its own may not fails `npm run lint`, and so `npm test`.
 */
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the ESLint config is plain JavaScript, without types
import { layers } from '../../eslint.config.mjs';

// The layer rules exactly as `npm run lint` has them, without the type-aware rules (which need a
// whole program and say nothing about imports).
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...(layers as [])],
});

async function importErrors(file: string, line: string): Promise<string[]> {
  const text = `${line}\n${readFileSync(file, 'utf8')}`;
  const [result] = await eslint.lintText(text, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layers', () => {
  it('refuses a manifest module importing the renderers', async () => {
    const errors = await importErrors(
      'src/manifest/merge.ts',
      "import { formatDiagnostics } from '../render/diagnostics.js';",
    );
    expect(errors).toEqual([expect.stringContaining('src/manifest/ may import only core, schemas.js')]);
  });

  it('refuses the planner importing a kind, and core importing anything of src/', async () => {
    expect(
      await importErrors('src/planner/plan.ts', "import { builtInKinds } from '../kinds/built-in.js';"),
    ).toHaveLength(1);
    expect(
      await importErrors('src/core/kind.ts', "import { fingerprint } from '../canonical/equality.js';"),
    ).toHaveLength(1);
  });

  it("refuses doctor and the CLI reaching into the planner's internals, and the renderers into the planner", async () => {
    expect(await importErrors('src/doctor/collections.ts', "import { diffKind } from '../planner/diff.js';")).toEqual([
      expect.stringContaining('src/doctor/ may import only'),
    ]);
    expect(
      await importErrors('src/cli/commands/export.ts', "import { nameOf } from '../../planner/targets.js';"),
    ).toHaveLength(1);
    expect(
      await importErrors('src/render/describe.ts', "import { parseTargets } from '../planner/plan.js';"),
    ).toHaveLength(1);
    expect(
      await importErrors('src/export/build-export.ts', "import { LINK_KIND } from '../kinds/user-portal-link.js';"),
    ).toHaveLength(1);
    expect(await importErrors('src/doctor/collections.ts', "import { PLAIN } from '../render/style.js';")).toEqual([]);
  });

  it('lets a folder import what the direction allows', async () => {
    expect(
      await importErrors('src/planner/plan.ts', "import { fingerprint as _f } from '../canonical/equality.js';"),
    ).toEqual([]);
    expect(
      await importErrors('src/doctor/collections.ts', "import { planKinds as _p } from '../planner/plan.js';"),
    ).toEqual([]);
    expect(
      await importErrors('src/cli/shared.ts', "import { runDoctor as _r } from '../doctor/run-doctor.js';"),
    ).toEqual([]);
  });
});
