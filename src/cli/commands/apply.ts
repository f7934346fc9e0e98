import { resolve } from 'node:path';
import { PlanChangedError, StalePlanError, UsageError } from '../../core/errors.js';
import { parseDigestText, PLAN_KEY_VARIABLE, verifyDigest } from '../../digest/keyed-digest.js';
import { assertExpectedDigest, assertSavedPlanKeyed, type DigestGate } from '../../apply/digest-gate.js';
import { approveUnsafeFromForge } from '../../ci/unsafe-approval.js';
import { checkStickyName, DEFAULT_STICKY_NAME } from '../../ci/sticky.js';
import type { DesiredState, Plan } from '../../core/types.js';
import type { ApplyReport } from '../../apply/report.js';
import { readPlanFile } from '../../planfile/planfile.js';
import { renderApplyReport, renderProgress } from '../../render/apply-report.js';
import { renderPlan } from '../../render/plan.js';
import { applyPlanned, applySavedPlan, planTenant, type ApplyRunOptions } from '../../workflow.js';
import { oneOf, parseCommandArgs, positiveInteger } from '../args.js';
import { PromptCancelledError, type CliIo } from '../io.js';
import { CommandInterrupts } from '../interrupts.js';
import { savedPlanArgument } from '../saved-plan-argument.js';
import { styleFor } from '../output-style.js';
import { connect, loadDesired, safetyFrom, signInLine, targetsFrom, withCommit } from '../shared.js';
import { partialNote, targetSummary } from '../../render/describe.js';
import { DEFAULT_PARALLELISM } from '../../apply/apply.js';
import { assertSafe } from '../../apply/safety.js';
import { exitCode } from '../exit-codes.js';
import { settingsFromEnv, type ZpaClient } from '../../zpa/index.js';

export async function applyCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('apply', args, {
    plan: { type: 'string' },
    'auto-approve': { type: 'boolean' },
    'allow-unsafe': { type: 'boolean' },
    parallelism: { type: 'string' },
    format: { type: 'string' },
    'prune-threshold': { type: 'string' },
    input: { type: 'string' },
    'update-threshold': { type: 'string' },
    target: { type: 'string', multiple: true },
    'allow-empty': { type: 'boolean' },
    'expect-digest': { type: 'string' },
    'allow-unsafe-by-label': { type: 'boolean' },
    name: { type: 'string' },
  });
  // Terraform's -input=false: never prompt, so without --auto-approve apply refuses as off a terminal.
  const input = oneOf('input', values.input, ['true', 'false'] as const, 'true') === 'true';
  const digestGate = digestGateFrom(values['expect-digest'], io.env[PLAN_KEY_VARIABLE]);
  const expected = digestGate.expectDigest;
  const byLabel = values['allow-unsafe-by-label'] ?? false;
  if (byLabel && expected === undefined)
    throw new UsageError(
      '--allow-unsafe-by-label needs --expect-digest: the label approves one reviewed digest, the one the merged request showed',
    );
  if (values.name !== undefined && !byLabel)
    throw new UsageError(
      'apply --name names the plan comment the label approval is read from: use it with --allow-unsafe-by-label',
    );
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
    if (
      values.target !== undefined ||
      values['prune-threshold'] !== undefined ||
      values['update-threshold'] !== undefined
    )
      throw new UsageError(
        'apply --plan takes no --target or thresholds: the saved plan was made with its own, and applies as it is',
      );
    const plan = await readPlanFile(resolve(io.cwd, planFile));
    assertSavedPlanKeyed(plan, digestGate, planFile);
    const partial = partialNote(plan);
    if (partial) say(`${partial}\n`);
    checkExpected(plan, digestGate, () => say(renderPlan(plan, { format: 'text', style })));
    const gate = {
      allowUnsafe: values['allow-unsafe'] ?? false,
      ...(byLabel ? await approveByLabel(plan, io, values.name, say) : {}),
    };
    assertSafe(plan, gate);
    checkPlanMicrotenant(plan, io);
    if (!hasChanges(plan)) {
      say('No changes. The tenant matches the manifests.\n');
      return exitCode('ok');
    }
    const interrupts = new CommandInterrupts(io);
    const client = connect(io, { stopWrites: interrupts.signal });
    const report = await interrupts
      .during(() => applySavedPlan(plan, client, { ...options, ...gate, ...digestGate, signal: interrupts.signal }))
      .finally(() => client.close());
    return finish(report, client, format, io, interrupts);
  }

  const targets = targetsFrom(values.target);
  const desired = await loadDesired(positionals, io, values['allow-empty'] ?? false);
  const interrupts = new CommandInterrupts(io);
  const settings = settingsFromEnv(io.env);
  const client = connect(io, { settings, stopWrites: interrupts.signal });
  try {
    return await planAndApply(
      desired,
      client,
      { ...values, input, targets, digestGate, byLabel, signedIn: signInLine(settings) },
      { ...options, signal: interrupts.signal },
      format,
      say,
      io,
      interrupts,
    );
  } finally {
    client.close();
  }
}

async function planAndApply(
  desired: DesiredState,
  client: ZpaClient,
  values: {
    targets: string[] | undefined;
    'prune-threshold'?: string | undefined;
    'update-threshold'?: string | undefined;
    'allow-unsafe'?: boolean | undefined;
    'auto-approve'?: boolean | undefined;
    input: boolean;
    name?: string | undefined;
    digestGate: DigestGate;
    byLabel: boolean;
    /** How this run signed in, for the plan's reader (signInLine). */
    signedIn: string;
  },
  options: ApplyRunOptions,
  format: 'text' | 'json',
  say: (text: string) => void,
  io: CliIo,
  interrupts: CommandInterrupts,
): Promise<number> {
  const style = styleFor(io);
  const safety = safetyFrom(values['prune-threshold'], values['update-threshold']);
  const planned = await interrupts.beforeWrites(() => planTenant(desired, client, { safety, targets: values.targets }));
  const plan = await withCommit(planned.plan, io);
  say(renderPlan(plan, { format: 'text', style, signedIn: values.signedIn }));
  // The reviewed digest is the approval: it must name exactly this plan, even an empty one.
  checkExpected(plan, values.digestGate);
  if (!hasChanges(plan)) return exitCode('ok');
  // Refused before the prompt: asking for `yes` to a plan that will not run would waste the answer.
  const gate = {
    allowUnsafe: values['allow-unsafe'] ?? false,
    ...(values.byLabel ? await approveByLabel(plan, io, values.name, say) : {}),
  };
  assertSafe(plan, gate);
  if (!values['auto-approve'] && values.digestGate.expectDigest === undefined) {
    if (!values.input)
      throw new UsageError(
        'apply needs confirmation, and --input=false forbids asking: pass --auto-approve (nothing was changed)',
      );
    if (!io.stdinIsTty)
      throw new UsageError(
        'apply needs confirmation: run it on a terminal, or pass --auto-approve (nothing was changed)',
      );
    const answer = await confirm(io, plan);
    if (answer !== 'yes') {
      // After Ctrl-C or Ctrl-D the prompt's line was never ended.
      const cancelled = answer === 'interrupt' || answer === 'end-of-input';
      say(`${cancelled ? '\n' : ''}Apply cancelled. Nothing was changed.\n`);
      return exitCode(answer === 'interrupt' ? 'apply-cancelled-by-interrupt' : 'apply-cancelled');
    }
  }
  say('\n');
  const report = await interrupts.during(() => applyPlanned(planned, { ...options, ...gate, ...values.digestGate }));
  return finish(report, client, format, io, interrupts);
}

/** The answer, trimmed; Ctrl-C or Ctrl-D at the prompt is a cancel, never an internal error. */
async function confirm(io: CliIo, plan: Plan): Promise<string> {
  try {
    const question = `\nDo you want to apply these changes to ${targetSummary(plan)}? Only 'yes' will be accepted: `;
    return (await io.readLine(question)).trim();
  } catch (error) {
    if (error instanceof PromptCancelledError) return error.how;
    throw error;
  }
}

/**
 * A saved plan names its microtenant; ZPA_MICROTENANT_ID, when set, names the one this run means.
 * When they differ the file must not silently win: refused like a plan for another host or customer.
 */
function checkPlanMicrotenant(plan: Plan, io: CliIo): void {
  const wanted = settingsFromEnv(io.env).microtenantId;
  if (wanted !== undefined && wanted !== plan.target.microtenantId)
    throw new StalePlanError(
      `Saved plan was made for another target (microtenantId ${plan.target.microtenantId} in the plan, ${wanted} in ZPA_MICROTENANT_ID). Run plan again.`,
    );
}

/** --expect-digest checked as text, and against ZPA_GITOPS_PLAN_KEY, before any API call. */
function digestGateFrom(value: string | undefined, key: string | undefined): DigestGate {
  const planKey = key === undefined || key === '' ? {} : { planKey: key };
  if (value === undefined) return planKey;
  verifyDigest(parseDigestText(value, '--expect-digest'), key, '--expect-digest');
  return { expectDigest: value, ...planKey };
}

/** The reviewed digest must name exactly this plan; `before` shows the plan that differs first. */
function checkExpected(plan: Plan, gate: DigestGate, before?: () => void): void {
  try {
    assertExpectedDigest(plan, gate);
  } catch (error) {
    if (error instanceof PlanChangedError) before?.();
    throw error;
  }
}

function hasChanges(plan: Plan): boolean {
  return plan.counts.create + plan.counts.update + plan.counts.delete > 0;
}

function finish(
  report: ApplyReport,
  client: ZpaClient,
  format: 'text' | 'json',
  io: CliIo,
  interrupts: CommandInterrupts,
): number {
  const calls = client.stats.gets + client.stats.writes;
  const interrupted = interrupts.received === undefined ? {} : { interrupted: interrupts.received };
  io.stdout(renderApplyReport(report, { format, style: styleFor(io), apiCalls: calls, ...interrupted }));
  const incomplete = report.counts.failed + report.counts['not-attempted'] > 0 || report.mismatches.length > 0;
  return interrupts.exitCode(incomplete ? 'apply-incomplete' : 'ok');
}

/** The label approval for an unsafe reviewed plan, read from the forge; said when it lets the plan through. */
async function approveByLabel(
  plan: Plan,
  io: CliIo,
  name: string | undefined,
  say: (text: string) => void,
): Promise<{ approvedUnsafeDigest?: string }> {
  const { approvedUnsafeDigest, approvedBy } = await approveUnsafeFromForge(
    plan,
    io.env,
    checkStickyName(name ?? DEFAULT_STICKY_NAME),
  );
  if (approvedUnsafeDigest === undefined) return {};
  say(`The unsafe plan ${approvedUnsafeDigest} was approved by ${approvedBy}: applying this digest only.\n`);
  return { approvedUnsafeDigest };
}
