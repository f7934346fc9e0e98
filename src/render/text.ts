import type { KindSet } from '../core/kind-set.js';
import type { Plan } from '../core/types.js';
import { describePlan, ignoredLines, partialNote, summaryLine, targetSummary, type Sign } from './describe.js';
import type { Style } from './style.js';
import { visible } from './visible.js';

/** Terraform-like text: `+` create, `~` update with `field: old → new`, `-` delete. */
export interface TextOptions {
  showNoOps?: boolean;
  /** How this run signed in (mode and host), said after the digest; a saved plan has none. */
  signedIn?: string;
}

export function renderText(plan: Plan, style: Style, kinds: KindSet, options: TextOptions = {}): string {
  const paintSign: Record<Sign, (text: string) => string> = {
    '+': style.green,
    '~': style.yellow,
    '-': style.red,
    '=': style.dim,
  };
  const out: string[] = [];
  const partial = partialNote(plan);
  if (partial) out.push(style.yellow(partial), '');
  for (const group of describePlan(plan, kinds, options)) {
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
  for (const line of ignoredLines(plan, kinds)) out.push(style.dim(line));
  for (const warning of plan.warnings) out.push(style.yellow(`warning: ${visible(warning.message)}`));
  if (!plan.safety.safe)
    out.push(
      style.red(`Unsafe plan: ${plan.safety.reasons.map((r) => visible(r)).join('; ')}. apply needs --allow-unsafe.`),
    );
  out.push(style.bold(summaryLine(plan)));
  out.push(`Target: ${targetSummary(plan)}`);
  out.push(style.dim(`Plan digest: ${plan.digest}`));
  // Last, so `show` of the saved plan prints what `plan` printed up to here.
  if (options.signedIn !== undefined) out.push(visible(options.signedIn));
  return `${out.join('\n')}\n`;
}
