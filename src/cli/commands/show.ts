import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { readPlanFile } from '../../planfile/planfile.js';
import { PLAN_FORMATS, renderPlan } from '../../render/plan.js';
import { oneOf, parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { styleFor } from '../output-style.js';
import { exitCode } from '../exit-codes.js';

export async function showCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('show', args, {
    format: { type: 'string' },
    'show-unchanged': { type: 'boolean' },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('show takes exactly one plan file (see: zpa-gitops show --help)');
  const format = oneOf('format', values.format, PLAN_FORMATS, 'text');
  const plan = await readPlanFile(resolve(io.cwd, file));
  io.stdout(renderPlan(plan, { format, style: styleFor(io), showNoOps: values['show-unchanged'] ?? false }));
  return exitCode('ok');
}
