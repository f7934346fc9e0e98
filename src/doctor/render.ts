/** The doctor report as text (one line per check) or as JSON to attach to an issue. */
import { assertNever } from '../core/assert-never.js';
import type { DoctorCheck, DoctorReport } from './types.js';
import { visible } from '../render/visible.js';

export const DOCTOR_FORMATS = ['text', 'json'] as const;
export type DoctorFormat = (typeof DOCTOR_FORMATS)[number];

export function renderDoctor(report: DoctorReport, format: DoctorFormat): string {
  switch (format) {
    case 'json':
      return `${visible(JSON.stringify(report, null, 2), { keepNewlines: true })}\n`;
    case 'text':
      return renderText(report);
  }
}

function renderText(report: DoctorReport): string {
  const target = report.target ? ` for customer ${report.target.customerId} at ${report.target.host}` : '';
  const lines = [`zpa-gitops doctor ${report.toolVersion}${target}`];
  for (const check of report.checks) lines.push(renderCheck(check));
  const count = (status: DoctorCheck['status']) => report.checks.filter((c) => c.status === status).length;
  const failures = count('failed');
  const notRun = count('not-run');
  const warnings = count('warning');
  const also = [
    ...(notRun > 0 ? [`${notRun} not run`] : []),
    ...(warnings > 0 ? [`${warnings} warning${warnings === 1 ? '' : 's'}`] : []),
  ];
  lines.push(
    failures === 0
      ? `Everything plan needs works${warnings > 0 ? ` (${also.join(', ')})` : ''}.`
      : `${failures} check${failures === 1 ? '' : 's'} failed${also.length > 0 ? ` (${also.join(', ')})` : ''}. For a report to attach to an issue: zpa-gitops doctor --format json`,
  );
  return `${lines.map((line) => visible(line)).join('\n')}\n`;
}

function renderCheck(check: DoctorCheck): string {
  switch (check.status) {
    case 'passed':
      return `✓ ${check.summary}`;
    case 'warning':
      return `! ${check.summary} → ${check.fix ?? 'see above'}`;
    case 'failed':
      return `✗ ${check.summary} → ${check.fix ?? 'see above'}`;
    case 'not-run':
    case 'not-needed':
      return `- ${check.summary}`;
    default:
      return assertNever(check.status, 'doctor check status');
  }
}
