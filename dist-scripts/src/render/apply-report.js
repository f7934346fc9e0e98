import { kindOf } from '../kinds/registry.js';
const VERBS = { create: 'created', update: 'updated', delete: 'deleted', 'no-op': 'left' };
const SIGNS = { create: '+', update: '~', delete: '-', 'no-op': '=' };
function label(result) {
    const { change } = result;
    return `${kindOf(change.kind).noun} ${JSON.stringify(change.key)}`;
}
/** One line per change as it completes: `[3/12] + created link "Grafana" (0.4 s)`. */
export function renderProgress(style, write) {
    return ({ index, total, result }) => {
        const { change } = result;
        const counter = `[${index}/${total}]`;
        const time = result.ms === undefined ? '' : ` (${(result.ms / 1000).toFixed(1)} s)`;
        switch (result.outcome) {
            case 'done': {
                const paint = change.action === 'create' ? style.green : change.action === 'delete' ? style.red : style.yellow;
                write(`${counter} ${paint(`${SIGNS[change.action]} ${VERBS[change.action]} ${label(result)}`)}${time}\n`);
                return;
            }
            case 'failed':
                write(`${counter} ${style.red(`! failed to ${change.action} ${label(result)}: ${result.error?.message ?? 'unknown error'}`)}\n`);
                return;
            case 'not-attempted':
                write(`${counter} ${style.dim(`  not attempted: ${change.action} ${label(result)}`)}\n`);
                return;
        }
    };
}
export function renderApplyReport(report, options) {
    if (options.format === 'json') {
        const json = {
            counts: report.counts,
            writeCalls: report.writeCalls,
            apiCalls: options.apiCalls,
            durationMs: Math.round(report.durationMs),
            mismatches: report.mismatches,
            changes: report.outcomes.map((o) => ({
                kind: o.change.kind,
                key: o.change.key,
                action: o.change.action,
                outcome: o.outcome,
                ...(o.error ? { error: o.error } : {}),
            })),
        };
        return `${JSON.stringify(json, null, 2)}\n`;
    }
    const { style } = options;
    const seconds = (report.durationMs / 1000).toFixed(1);
    const done = report.outcomes.filter((o) => o.outcome === 'done');
    const tally = (action) => done.filter((o) => o.change.action === action).length;
    const lines = [];
    for (const mismatch of report.mismatches)
        lines.push(style.yellow(`warning: ${mismatch}`));
    const summary = `${tally('create')} created, ${tally('update')} updated, ${tally('delete')} deleted in ${seconds} s (${options.apiCalls} API calls).`;
    if (report.counts.failed + report.counts['not-attempted'] === 0) {
        lines.push(style.bold(`Apply complete: ${summary}`));
    }
    else {
        lines.push(style.red(style.bold(`Apply failed: ${summary} ${report.counts.failed} failed, ${report.counts['not-attempted']} not attempted.`)));
        for (const o of report.outcomes.filter((x) => x.outcome === 'failed')) {
            const zpa = o.error?.zpaId ? ` [${o.error.zpaId}]` : '';
            lines.push(`  failed: ${o.change.action} ${label(o)}${zpa}: ${o.error?.reason ?? o.error?.message ?? ''}`);
        }
        for (const o of report.outcomes.filter((x) => x.outcome === 'not-attempted'))
            lines.push(`  not attempted: ${o.change.action} ${label(o)}`);
        lines.push('Run plan again to see what remains; apply again to finish.');
    }
    return `${lines.join('\n')}\n`;
}
