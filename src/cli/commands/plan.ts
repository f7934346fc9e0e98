import { resolve } from 'node:path';
import { writePlanFile } from '../../planfile/planfile.js';
import { PLAN_FORMATS, renderPlan } from '../../render/plan.js';
import { renderMarkdown, SUMMARY_BUDGET } from '../../render/markdown.js';
import { planTenant } from '../../workflow.js';
import { CommandInterrupts } from '../interrupts.js';
import { PLAN_KEY_VARIABLE, signPlan } from '../../digest/keyed-digest.js';
import { oneOf, parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { appendStepSummary, connect, loadDesired, safetyFrom, signInLine, targetsFrom, withCommit } from '../shared.js';
import { styleFor } from '../output-style.js';
import { settingsFromEnv } from '../../zpa/index.js';
import { exitCode } from '../exit-codes.js';
import { UNSAFE_LABEL } from '../../ci/unsafe-approval.js';

export async function planCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('plan', args, {
    format: { type: 'string' },
    out: { type: 'string' },
    'detailed-exitcode': { type: 'boolean' },
    'show-unchanged': { type: 'boolean' },
    'prune-threshold': { type: 'string' },
    'update-threshold': { type: 'string' },
    target: { type: 'string', multiple: true },
    'allow-empty': { type: 'boolean' },
  });
  const format = oneOf('format', values.format, PLAN_FORMATS, 'text');
  const safety = safetyFrom(values['prune-threshold'], values['update-threshold']);
  const targets = targetsFrom(values.target);
  const desired = await loadDesired(positionals, io, values['allow-empty'] ?? false);
  const settings = settingsFromEnv(io.env);
  const client = connect(io, { settings });
  const planned = await new CommandInterrupts(io)
    .beforeWrites(() => planTenant(desired, client, { safety, targets }))
    .finally(() => client.close());
  // With a key the plan, its file and its comment carry the keyed digest only a key holder can make.
  const key = io.env[PLAN_KEY_VARIABLE];
  const made = await withCommit(planned.plan, io);
  const plan = key ? signPlan(made, key) : made;
  const shown = { showNoOps: values['show-unchanged'] ?? false, signedIn: signInLine(settings) };
  io.stdout(renderPlan(plan, { format, style: styleFor(io), ...shown }));
  if (values.out) {
    await writePlanFile(resolve(io.cwd, values.out), plan);
    if (format === 'text') io.stdout(savedNote(values.out, plan.safety.safe));
  }
  await appendStepSummary(io, () => renderMarkdown(plan, SUMMARY_BUDGET));
  const changes = plan.counts.create + plan.counts.update + plan.counts.delete;
  return exitCode(values['detailed-exitcode'] && changes > 0 ? 'changes-present' : 'ok');
}

/** How to apply the saved file: an unsafe plan is refused without an approval, so say which. */
function savedNote(file: string, safe: boolean): string {
  if (safe) return `Saved the plan to ${file}. Apply it with: zpa-gitops apply --plan ${file}\n`;
  return (
    `Saved the plan to ${file}. It is unsafe: apply it with: zpa-gitops apply --plan ${file} --allow-unsafe ` +
    `(in CI, a person approves it with the ${UNSAFE_LABEL} label on the pull or merge request instead)\n`
  );
}
