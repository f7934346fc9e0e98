/** The doctor report as text (one line per check) or as JSON to attach to an issue. */
import type { DoctorReport } from './types.js';
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
  for (const check of report.checks)
    lines.push(check.ok ? `✓ ${check.summary}` : `✗ ${check.summary} → ${check.fix ?? 'see above'}`);
  const failures = report.checks.filter((c) => !c.ok).length;
  lines.push(
    failures === 0
      ? 'Everything plan needs works.'
      : `${failures} check${failures === 1 ? '' : 's'} failed. For a report to attach to an issue: zpa-gitops doctor --format json`,
  );
  return `${lines.map((line) => visible(line)).join('\n')}\n`;
}
