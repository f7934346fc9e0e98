import type { ApplyReport, ChangeOutcome, ProgressEvent } from '../apply/report.js';
import { assertNever } from '../core/assert-never.js';
import type { KindSet } from '../core/kind-set.js';
import { BUILT_IN_KINDS } from '../kinds/built-in.js';
import type { Style } from './style.js';
import { quoted, visible } from './visible.js';

const VERBS = { create: 'created', update: 'updated', delete: 'deleted', 'no-op': 'left' } as const;
const SIGNS = { create: '+', update: '~', delete: '-', 'no-op': '=' } as const;

function label(result: ChangeOutcome, kinds: KindSet): string {
  const { change } = result;
  return `${kinds.kind(change.kind).noun} ${quoted(change.key)}`;
}

function why(result: ChangeOutcome): string {
  return result.reason ? ` (${visible(result.reason)})` : '';
}

/** One line per change as it completes: `[3/12] + created link "Grafana" (0.4 s)`. */
export function renderProgress(
  style: Style,
  write: (line: string) => void,
  kinds: KindSet = BUILT_IN_KINDS,
): (event: ProgressEvent) => void {
  return ({ index, total, result }) => {
    const { change } = result;
    const counter = `[${index}/${total}]`;
    const time = result.ms === undefined ? '' : ` (${(result.ms / 1000).toFixed(1)} s)`;
    switch (result.outcome) {
      case 'done': {
        const paint = change.action === 'create' ? style.green : change.action === 'delete' ? style.red : style.yellow;
        write(
          `${counter} ${paint(`${SIGNS[change.action]} ${VERBS[change.action]} ${label(result, kinds)}`)}${time}\n`,
        );
        return;
      }
      case 'failed':
        write(
          `${counter} ${style.red(`! failed to ${change.action} ${label(result, kinds)}: ${visible(result.error?.message ?? 'unknown error')}`)}\n`,
        );
        return;
      case 'not-attempted':
        // Not progress: the report that follows lists each one, once, with the account.
        return;
      default:
        assertNever(result.outcome, 'outcome');
    }
  };
}

export interface ApplyReportOptions {
  format: 'text' | 'json';
  style: Style;
  apiCalls: number;
  /** The signal that stopped the run early (SIGINT, SIGTERM). */
  interrupted?: string;
  /** The kinds the report's changes are of; the built-in ones by default. */
  kinds?: KindSet;
}

export function renderApplyReport(report: ApplyReport, options: ApplyReportOptions): string {
  if (options.format === 'json') {
    const json = {
      ...(options.interrupted ? { interrupted: options.interrupted } : {}),
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
        ...(o.reason ? { reason: o.reason } : {}),
      })),
    };
    return `${visible(JSON.stringify(json, null, 2), { keepNewlines: true })}\n`;
  }
  const { style } = options;
  const kinds = options.kinds ?? BUILT_IN_KINDS;
  const seconds = (report.durationMs / 1000).toFixed(1);
  const done = report.outcomes.filter((o) => o.outcome === 'done');
  const tally = (action: string) => done.filter((o) => o.change.action === action).length;
  const lines: string[] = [];
  for (const mismatch of report.mismatches) lines.push(style.yellow(`warning: ${visible(mismatch)}`));
  const summary = `${tally('create')} created, ${tally('update')} updated, ${tally('delete')} deleted in ${seconds} s (${options.apiCalls} API calls).`;
  const { failed, 'not-attempted': notAttempted } = report.counts;
  if (failed + notAttempted === 0 && !options.interrupted) {
    if (report.mismatches.length === 0) {
      lines.push(style.bold(`Apply complete: ${summary}`));
    } else {
      // Exit 1: the last line must say why, not "complete" under a list of warnings.
      const count = report.mismatches.length;
      lines.push(`Applied: ${summary}`);
      lines.push(
        style.red(
          style.bold(
            `Apply finished with ${count} change${count === 1 ? '' : 's'} not matching the plan (warnings above). Run plan to see what is left.`,
          ),
        ),
      );
    }
    return `${lines.join('\n')}\n`;
  }
  // The account (done, failed, not attempted) is the last line, once; this one says what was written.
  const heading = options.interrupted ? `Apply interrupted by ${options.interrupted}` : 'Apply failed';
  lines.push(`Applied: ${summary}`);
  for (const o of report.outcomes.filter((x) => x.outcome === 'failed')) {
    const zpa = o.error?.zpaId ? ` [${visible(o.error.zpaId)}]` : '';
    lines.push(
      `  failed: ${o.change.action} ${label(o, kinds)}${zpa}: ${visible(o.error?.reason ?? o.error?.message ?? '')}`,
    );
  }
  for (const o of report.outcomes.filter((x) => x.outcome === 'not-attempted'))
    lines.push(`  not attempted: ${o.change.action} ${label(o, kinds)}${why(o)}`);
  lines.push(
    style.red(
      style.bold(
        `${heading}: ${done.length} done, ${failed} failed, ${notAttempted} not attempted. Run plan to see what is left; apply again to finish.`,
      ),
    ),
  );
  return `${lines.join('\n')}\n`;
}
