/** The plan schema compiled at build time gives the verdicts the schema compiled at run time gives. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compilePlanValidator } from '../../src/planfile/planfile.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';
import { describeBuilt } from '../support/describe-built.js';

// The build writes the standalone validator into dist/ (npm test builds before vitest runs).
const built = fileURLToPath(new URL('../../dist/planfile/plan-validator.generated.js', import.meta.url));

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => {
  removeWorkspaces();
  return sim.close();
});

describeBuilt('the build-time (standalone) plan validator', built, () => {
  it('accepts and refuses what the schema compiled at run time does', async () => {
    sim.seed({ userPortals: [{ name: 'Eng' }] });
    const dir = workspace(portalManifests({ Eng: [{ name: 'new', link: 'n.example.com' }] }));
    expect((await cli(['plan', '--out', 'p.json'], { cwd: dir, env: sim.env() })).code).toBe(0);
    const plan = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8')) as Record<string, unknown>;
    const changes = plan['changes'] as unknown[];
    const documents: Array<[string, unknown]> = [
      ['a saved plan', plan],
      ['no changes list', { ...plan, changes: undefined }],
      ['a change that is not an object', { ...plan, changes: [...changes, 7] }],
      ['another format version', { ...plan, formatVersion: 2 }],
      ['a digest that is a number', { ...plan, digest: 1 }],
      ['only a version and a digest', { formatVersion: 1, digest: 'x' }],
    ];
    const precompiled = ((await import(built)) as { validate: ValidateFunction }).validate;
    const runtime = await compilePlanValidator();
    for (const [what, document] of documents) expect(precompiled(document), what).toBe(runtime(document));
    expect(documents.map(([, document]) => runtime(document))).toEqual([true, false, false, false, false, false]);
  });
});
