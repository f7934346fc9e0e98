import { resolve } from 'node:path';
import { UnsafePlanError, UsageError } from '../../core/errors.js';
import { readPlanFile } from '../../planfile/planfile.js';
import { renderApplyReport, renderProgress } from '../../render/apply-report.js';
import { renderPlan } from '../../render/plan.js';
import { applyPlanned, applySavedPlan, planTenant } from '../../workflow.js';
import { oneOf, parseCommandArgs, positiveInteger } from '../args.js';
import { connect, loadDesired, safetyFrom, styleFor } from '../shared.js';
import { DEFAULT_PARALLELISM } from '../../apply/apply.js';
export async function applyCommand(args, io) {
    const { values, positionals } = parseCommandArgs('apply', args, {
        plan: { type: 'string' },
        'auto-approve': { type: 'boolean' },
        'allow-unsafe': { type: 'boolean' },
        parallelism: { type: 'string' },
        format: { type: 'string' },
        'prune-threshold': { type: 'string' },
    });
    const format = oneOf('format', values.format, ['text', 'json'], 'text');
    const parallelism = positiveInteger('parallelism', values.parallelism, DEFAULT_PARALLELISM);
    const style = styleFor(io);
    const progress = format === 'text' ? { onProgress: renderProgress(style, (line) => io.stdout(line)) } : {};
    const options = { parallelism, ...progress };
    // Progress and the report go to stdout; with --format json only the report does.
    const say = (text) => (format === 'text' ? io.stdout(text) : io.stderr(text));
    if (values.plan !== undefined) {
        if (positionals.length > 0)
            throw new UsageError('apply --plan takes no manifest paths: the saved plan says everything');
        const plan = await readPlanFile(resolve(io.cwd, values.plan));
        checkSafety(plan, values['allow-unsafe'] ?? false);
        if (!hasChanges(plan)) {
            say('No changes. The tenant matches the manifests.\n');
            return 0;
        }
        const client = connect(io);
        const report = await applySavedPlan(plan, client, options).finally(() => client.close());
        return finish(report, client, format, io);
    }
    const desired = await loadDesired(positionals, io);
    const client = connect(io);
    try {
        return await planAndApply(desired, client, values, options, format, say, io);
    }
    finally {
        client.close();
    }
}
async function planAndApply(desired, client, values, options, format, say, io) {
    const style = styleFor(io);
    const planned = await planTenant(desired, client, safetyFrom(values['prune-threshold']));
    const { plan } = planned;
    say(renderPlan(plan, { format: 'text', style }));
    if (!hasChanges(plan))
        return 0;
    checkSafety(plan, values['allow-unsafe'] ?? false);
    if (!values['auto-approve']) {
        if (!io.stdinIsTty)
            throw new UsageError('apply needs confirmation: run it on a terminal, or pass --auto-approve (nothing was changed)');
        const answer = await io.readLine("\nDo you want to apply these changes? Only 'yes' will be accepted: ");
        if (answer.trim() !== 'yes') {
            say('Apply cancelled. Nothing was changed.\n');
            return 1;
        }
    }
    say('\n');
    const report = await applyPlanned(planned, options);
    return finish(report, client, format, io);
}
function hasChanges(plan) {
    return plan.counts.create + plan.counts.update + plan.counts.delete > 0;
}
function checkSafety(plan, allowUnsafe) {
    if (!plan.safety.safe && !allowUnsafe)
        throw new UnsafePlanError(plan.safety.reasons);
}
function finish(report, client, format, io) {
    const calls = client.stats.gets + client.stats.writes;
    io.stdout(renderApplyReport(report, { format, style: styleFor(io), apiCalls: calls }));
    return report.counts.failed + report.counts['not-attempted'] > 0 || report.mismatches.length > 0 ? 1 : 0;
}
