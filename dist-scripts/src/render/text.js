import { describePlan, summaryLine } from './describe.js';
/** Terraform-like text: `+` create, `~` update with `field: old → new`, `-` delete. */
export function renderText(plan, style, options = {}) {
    const paintSign = {
        '+': style.green,
        '~': style.yellow,
        '-': style.red,
        '=': style.dim,
    };
    const out = [];
    for (const group of describePlan(plan, options)) {
        out.push(style.bold(group.heading));
        for (const entry of group.entries) {
            out.push(`  ${paintSign[entry.sign](`${entry.sign} ${entry.title}`)}`);
            for (const detail of entry.details) {
                const text = `      ${detail.sign === ' ' ? '' : `${detail.sign} `}${detail.text}`;
                out.push(detail.sign === '+' ? style.green(text) : detail.sign === '-' ? style.red(text) : text);
            }
        }
        out.push('');
    }
    for (const warning of plan.warnings)
        out.push(style.yellow(`warning: ${warning.message}`));
    if (!plan.safety.safe)
        out.push(style.red(`Unsafe plan: ${plan.safety.reasons.join('; ')}. apply needs --allow-unsafe.`));
    out.push(style.bold(summaryLine(plan)));
    return `${out.join('\n')}\n`;
}
