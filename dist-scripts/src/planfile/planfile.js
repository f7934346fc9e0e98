/**
 * The saved plan file: the Plan document itself, versioned. Reading it checks the shape against
 * schemas/plan.schema.json, so `apply --plan` never acts on a file it does not understand.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { StalePlanError, UsageError } from '../core/errors.js';
import { PLAN_FORMAT_VERSION } from '../planner/plan.js';
import { readSchema } from '../schemas.js';
let validatePlan;
async function validator() {
    if (!validatePlan) {
        const ajv = new Ajv2020({ allErrors: false, strict: false });
        validatePlan = ajv.compile(await readSchema('plan.schema.json'));
    }
    return validatePlan;
}
export async function writePlanFile(path, plan) {
    await writeFile(path, `${JSON.stringify(plan, null, 2)}\n`, { mode: 0o600 });
}
export async function readPlanFile(path) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch {
        throw new UsageError(`cannot read plan file ${path}`);
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        throw new UsageError(`${path} is not a zpa-gitops plan file (not JSON)`);
    }
    const version = data?.formatVersion;
    if (version !== PLAN_FORMAT_VERSION) {
        throw new StalePlanError(`${path} has plan format version ${String(version)}; this zpa-gitops reads version ${PLAN_FORMAT_VERSION}. Run plan again.`);
    }
    const validate = await validator();
    if (!validate(data))
        throw new UsageError(`${path} is not a valid zpa-gitops plan file`);
    return data;
}
