/**
 * The saved plan file: the Plan document itself, versioned. Reading it checks the shape against
 * schemas/plan.schema.json, and each change's kind against the kinds this run knows, so `apply --plan`
 * never acts on a file it does not understand. The schema takes any kind name: a library kind's
 * changes are as valid in a plan file as a built-in kind's.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { StalePlanError, UsageError } from '../core/errors.js';
import { describeFsError } from '../core/fs-reason.js';
import type { KindSet } from '../core/kind-set.js';
import type { Plan } from '../core/types.js';
import { PLAN_FORMAT_VERSION } from '../planner/plan.js';
import { readSchema } from '../schemas.js';
import { importGenerated } from '../core/generated-module.js';
import { assertUnedited } from './plan-integrity.js';
import { BUILT_IN_KINDS } from '../kinds/built-in.js';

/** ajv's options for the plan schema, at build time (scripts/compile-validators.mjs) as at run time. */
export const PLAN_AJV_OPTIONS = { allErrors: false, strict: false } as const;

type PlanValidator = ((data: unknown) => boolean) & { errors?: unknown };

let validatePlan: Promise<PlanValidator> | undefined;

/**
 * The build compiles schemas/plan.schema.json to standalone code (plan-validator.generated.js, beside
 * this file in dist/, and bundled into the CLI): loading that skips importing ajv's compiler and
 * compiling the schema, most of the start-up of show, comment and apply of a saved plan. Without it
 * (tests run from src/) the schema is compiled here with the same options.
 */
function validator(): Promise<PlanValidator> {
  // A literal specifier, so that the CLI's bundler finds the generated file and bundles it.
  validatePlan ??= importGenerated(() => import('./plan-validator.generated.js'), 'plan-validator.generated').then(
    (generated) => generated?.validate ?? compilePlanValidator(),
  );
  return validatePlan;
}

/** The validator compiled now, from the schema file. */
export async function compilePlanValidator(): Promise<PlanValidator> {
  // Through the default export (module.exports): a CommonJS module imported from the bundle has no named exports.
  const { default: ajvModule } = await import('ajv/dist/2020.js');
  return new ajvModule.Ajv2020(PLAN_AJV_OPTIONS).compile(await readSchema('plan.schema.json'));
}

export async function writePlanFile(path: string, plan: Plan): Promise<void> {
  await writeFile(path, `${JSON.stringify(plan, null, 2)}\n`, { mode: 0o600 });
}

export async function readPlanFile(path: string, kinds: KindSet = BUILT_IN_KINDS): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read plan file ${path}: ${describeFsError(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${path} is not a zpa-gitops plan file (not JSON)`);
  }
  // JSON of another kind (a manifest converted to JSON, a package.json) is not an old plan to redo.
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('formatVersion' in data))
    throw new UsageError(`${path} is not a zpa-gitops plan file (it has no formatVersion)`);
  const version = data.formatVersion;
  if (version !== PLAN_FORMAT_VERSION) {
    throw new StalePlanError(
      `${path} has plan format version ${String(version)}; this zpa-gitops reads version ${PLAN_FORMAT_VERSION}. Run plan again.`,
    );
  }
  if (typeof (data as { digest?: unknown }).digest !== 'string')
    throw new StalePlanError(`${path} carries no plan digest (an older zpa-gitops wrote it). Run plan again.`);
  const validate = await validator();
  if (!validate(data)) throw new UsageError(`${path} is not a valid zpa-gitops plan file`);
  const plan = data as Plan;
  const unknown = [...new Set(plan.changes.map((c) => c.kind).filter((kind) => !kinds.has(kind)))];
  if (unknown.length > 0)
    throw new UsageError(
      `${path} holds changes of kind ${unknown.join(', ')}, which this zpa-gitops does not know (a library kind not passed in, or a newer zpa-gitops)`,
    );
  // A file edited after plan wrote it is not what anyone reviewed, nor what show would render.
  assertUnedited(plan, path);
  return plan;
}
