import { resolve } from 'node:path';
import { PlanChangedError, UsageError } from '../../core/errors.js';
import { DIGEST_PATTERN } from '../../digest/plan-digest.js';
import type { DesiredState, Plan } from '../../core/types.js';
import type { ApplyReport } from '../../apply/report.js';
import { readPlanFile } from '../../planfile/planfile.js';
import { renderApplyReport, renderProgress } from '../../render/apply-report.js';
import { renderPlan } from '../../render/plan.js';
import { applyPlanned, applySavedPlan, planTenant, type ApplyRunOptions } from '../../workflow.js';
import { oneOf, parseCommandArgs, positiveInteger } from '../args.js';
import type { CliIo } from '../io.js';
import { savedPlanArgument } from '../saved-plan-argument.js';
import { connect, loadDesired, safetyFrom, styleFor } from '../shared.js';
import { DEFAULT_PARALLELISM } from '../../apply/apply.js';
import { assertSafe } from '../../apply/safety.js';
import { exitCode } from '../exit-codes.js';
import type { ZpaClient } from '../../zpa/index.js';

export async function applyCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('apply', args, {
    plan: { type: 'string' },
    'auto-approve': { type: 'boolean' },
    'allow-unsafe': { type: 'boolean' },
    parallelism: { type: 'string' },
    format: { type: 'string' },
    'prune-threshold': { type: 'string' },
    input: { type: 'string' },
    'expect-digest': { type: 'string' },
  });
  // Terraform's -input=false: never prompt, so without --auto-approve apply refuses as off a terminal.
  const input = oneOf('input', values.input, ['true', 'false'] as const, 'true') === 'true';
  const expected = expectedDigest(values['expect-digest']);
  const planFile = values.plan ?? (await savedPlanArgument(positionals, io.cwd));
  const format = oneOf('format', values.format, ['text', 'json'] as const, 'text');
  const parallelism = positiveInteger('parallelism', values.parallelism, DEFAULT_PARALLELISM);
  const style = styleFor(io);
  const progress = format === 'text' ? { onProgress: renderProgress(style, (line) => io.stdout(line)) } : {};
  const options: ApplyRunOptions = { parallelism, ...progress };
  // Progress and the report go to stdout; with --format json only the report does.
  const say = (text: string) => (format === 'text' ? io.stdout(text) : io.stderr(text));

  if (planFile !== undefined) {
    if (values.plan !== undefined && positionals.length > 0)
      throw new UsageError('apply --plan takes no manifest paths: the saved plan says everything');
    const plan = await readPlanFile(resolve(io.cwd, planFile));
    if (expected !== undefined && plan.digest !== expected) {
      say(renderPlan(plan, { format: 'text', style }));
      throw new PlanChangedError(expected, plan.digest);
    }
    const gate = { allowUnsafe: values['allow-unsafe'] ?? false };
    assertSafe(plan, gate);
    if (!hasChanges(plan)) {
      say('No changes. The tenant matches the manifests.\n');
      return exitCode('ok');
    }
    const client = connect(io);
    const report = await applySavedPlan(plan, client, { ...options, ...gate }).finally(() => client.close());
    return finish(report, client, format, io);
  }

  const desired = await loadDesired(positionals, io);
  const client = connect(io);
  try {
    return await planAndApply(desired, client, { ...values, input, expected }, options, format, say, io);
  } finally {
    client.close();
  }
}

async function planAndApply(
  desired: DesiredState,
  client: ZpaClient,
  values: {
    'prune-threshold'?: string | undefined;
    'allow-unsafe'?: boolean | undefined;
    'auto-approve'?: boolean | undefined;
    input: boolean;
    expected: string | undefined;
  },
  options: ApplyRunOptions,
  format: 'text' | 'json',
  say: (text: string) => void,
  io: CliIo,
): Promise<number> {
  const style = styleFor(io);
  const planned = await planTenant(desired, client, safetyFrom(values['prune-threshold']));
  const { plan } = planned;
  say(renderPlan(plan, { format: 'text', style }));
  // The reviewed digest is the approval: it must name exactly this plan, even an empty one.
  if (values.expected !== undefined && plan.digest !== values.expected)
    throw new PlanChangedError(values.expected, plan.digest);
  if (!hasChanges(plan)) return exitCode('ok');
  // Refused before the prompt: asking for `yes` to a plan that will not run would waste the answer.
  const gate = { allowUnsafe: values['allow-unsafe'] ?? false };
  assertSafe(plan, gate);
  if (!values['auto-approve'] && values.expected === undefined) {
    if (!values.input)
      throw new UsageError(
        'apply needs confirmation, and --input=false forbids asking: pass --auto-approve (nothing was changed)',
      );
    if (!io.stdinIsTty)
      throw new UsageError(
        'apply needs confirmation: run it on a terminal, or pass --auto-approve (nothing was changed)',
      );
    const answer = await io.readLine("\nDo you want to apply these changes? Only 'yes' will be accepted: ");
    if (answer.trim() !== 'yes') {
      say('Apply cancelled. Nothing was changed.\n');
      return exitCode('apply-cancelled');
    }
  }
  say('\n');
  const report = await applyPlanned(planned, { ...options, ...gate });
  return finish(report, client, format, io);
}

function expectedDigest(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!DIGEST_PATTERN.test(value))
    throw new UsageError(
      `--expect-digest must be a plan digest like sha256:<64 hex digits>, not "${value.slice(0, 80)}"`,
    );
  return value;
}

function hasChanges(plan: Plan): boolean {
  return plan.counts.create + plan.counts.update + plan.counts.delete > 0;
}

function finish(report: ApplyReport, client: ZpaClient, format: 'text' | 'json', io: CliIo): number {
  const calls = client.stats.gets + client.stats.writes;
  io.stdout(renderApplyReport(report, { format, style: styleFor(io), apiCalls: calls }));
  const incomplete = report.counts.failed + report.counts['not-attempted'] > 0 || report.mismatches.length > 0;
  return exitCode(incomplete ? 'apply-incomplete' : 'ok');
}
