import type { Plan } from '../core/types.js';
import { describePlan, ignoredLines, partialNote, summaryLine, type Group } from './describe.js';

/** A pull-request comment is capped at 65,536 characters; stay well inside it. */
export const MARKDOWN_BUDGET = 60_000;

/** Markdown for a pull-request comment: a summary table, then one collapsible block per group. */
export function renderMarkdown(plan: Plan, budget = MARKDOWN_BUDGET): string {
  const { create, update, delete: del, noOp } = plan.counts;
  const head = [
    `### zpa-gitops plan`,
    '',
    `**${summaryLine(plan)}**`,
    '',
    '| create | update | delete | unchanged |',
    '|---:|---:|---:|---:|',
    `| ${create} | ${update} | ${del} | ${noOp} |`,
    '',
  ];
  const partial = partialNote(plan);
  if (partial) head.push(`> [!NOTE]\n> ${partial}`, '');
  if (!plan.safety.safe)
    head.push(
      `> [!CAUTION]\n> Unsafe plan: ${plan.safety.reasons.join('; ')}. \`apply\` needs \`--allow-unsafe\`.`,
      '',
    );
  for (const warning of plan.warnings) head.push(`> [!WARNING]\n> ${warning.message}`, '');
  const ignored = ignoredLines(plan);
  if (ignored.length > 0) head.push(ignored.map((line) => `- ${line}`).join('\n'), '');
  const foot = `<sub>${plan.target.host} · customer ${plan.target.customerId} · microtenant ${plan.target.microtenantId} · zpa-gitops ${plan.toolVersion}</sub>\n`;

  let text = `${head.join('\n')}\n`;
  const groups = describePlan(plan);
  let omitted = 0;
  for (const [index, group] of groups.entries()) {
    const block = renderGroup(group);
    if (text.length + block.length + foot.length + 200 > budget) {
      omitted = groups.slice(index).reduce((sum, g) => sum + g.entries.length, 0);
      break;
    }
    text += block;
  }
  if (omitted > 0)
    text += `\n_${omitted} more changes are left out to fit a comment: run \`zpa-gitops show\` on the saved plan to see them all._\n\n`;
  return text + foot;
}

function renderGroup(group: Group): string {
  const lines = group.entries.flatMap((entry) => [
    `${entry.sign === '~' ? '!' : entry.sign} ${entry.title}`,
    ...entry.details.map((d) => `${d.sign === ' ' ? ' ' : d.sign}     ${d.text}`),
  ]);
  const count = group.entries.length;
  // `diff` fences colour `+` and `-` lines on GitHub, and `!` lines as changed.
  return `<details><summary>${escapeHtml(group.heading)} (${count} change${count === 1 ? '' : 's'})</summary>\n\n\`\`\`diff\n${lines.join('\n').replace(/```/g, '`\u200b``')}\n\`\`\`\n</details>\n\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
