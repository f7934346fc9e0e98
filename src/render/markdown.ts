/**
 * Markdown for a pull-request comment and the job summary. Order is the review's order: counts and
 * digest, then every destructive change in a visible list, then the rest as collapsible detail. When
 * the text must be cut to fit, only non-destructive detail is dropped, and the comment says so.
 */
import type { KindSet } from '../core/kind-set.js';
import type { Plan } from '../core/types.js';
import { BUILT_IN_KINDS } from '../kinds/built-in.js';
import { describePlan, ignoredLines, partialNote, summaryLine, type Entry, type Group } from './describe.js';
import { visible } from './visible.js';
import { destructiveChanges, isDestructive, where, type DestructiveChange } from './destructive.js';

/** GitHub caps a comment at 65,536 characters; keep a margin for the sticky marker and notices. */
export const MARKDOWN_BUDGET = 60_000;
/** GitHub caps a step's job summary at 1 MiB. */
export const SUMMARY_BUDGET = 900_000;
/** Plans this small show their detail expanded. */
const OPEN_DETAIL_UP_TO = 20;
/** Room kept for the closing notes and footer. */
const RESERVE = 600;

const SEE_ALL = 'the job summary, or the uploaded plan file (`zpa-gitops show plan.json`)';

/** The hidden marker tools find the digest by (`reviewed-digest`, scripts). */
export function digestMarker(digest: string, part?: { part: number; of: number }): string {
  return `<!-- zpa-gitops:plan digest=${digest}${part ? ` part=${part.part}/${part.of}` : ''} -->`;
}

export function digestFromMarkdown(text: string): string | undefined {
  return /<!-- zpa-gitops:plan digest=(sha256:[0-9a-f]{64}) -->/.exec(text)?.[1];
}

/** What a comment adds to the plain Markdown (src/render/comment-parts.ts). */
export interface MarkdownOptions {
  /** The hidden marker line; the digest's own by default. */
  marker?: string;
  /** The digest as shown (keyed when the plan carries an HMAC); the plan's by default. */
  shownDigest?: string;
  /** Lines under the digest: what was planned, how to approve. */
  notes?: string[];
  /** What an unsafe plan needs to be applied, in place of `--allow-unsafe` (a comment: the label). */
  unsafeHowTo?: string;
  /** Show at most this many destructive changes. */
  maxDestructive?: number;
  /** Said instead of "left out" when not every destructive change is shown: where the rest are. */
  continuedIn?: (shown: number, total: number) => string;
  /** The kinds the plan's changes are of; the built-in ones by default. */
  kinds?: KindSet;
}

export function renderMarkdown(plan: Plan, budget = MARKDOWN_BUDGET, kinds: KindSet = BUILT_IN_KINDS): string {
  return renderMarkdownWith(plan, budget, { kinds }).text;
}

/** The Markdown, and how many destructive changes it shows. */
export function renderMarkdownWith(
  plan: Plan,
  budget: number,
  options: MarkdownOptions = {},
): { text: string; destructiveShown: number } {
  const commit = plan.commit === undefined ? '' : ` · commit ${plan.commit.slice(0, 12)}`;
  const foot = `\n<sub>${plan.target.host} · customer ${plan.target.customerId} · microtenant ${plan.target.microtenantId}${commit} · zpa-gitops ${plan.toolVersion}</sub>\n`;
  const kinds = options.kinds ?? BUILT_IN_KINDS;
  let text = renderHead(plan, kinds, options);
  const limit = budget - foot.length - RESERVE;

  const destructive = destructiveChanges(plan, kinds);
  let destructiveShown = 0;
  if (destructive.length === 0) text += 'No destructive changes: nothing is deleted or detached.\n\n';
  else {
    text += `#### Destructive changes (${destructive.length})\n\n`;
    for (const item of destructive) {
      const line = `${destructiveLine(item)}\n`;
      if (text.length + line.length > limit || destructiveShown === options.maxDestructive) break;
      text += line;
      destructiveShown += 1;
    }
    text += '\n';
    if (destructiveShown < destructive.length)
      text += options.continuedIn
        ? `**${options.continuedIn(destructiveShown, destructive.length)}**\n\n`
        : `**${destructive.length - destructiveShown} of ${destructive.length} destructive changes are left out: the plan is too large for a comment. See every one in ${SEE_ALL}.**\n\n`;
  }

  const groups = describePlan(plan, kinds)
    .map((g) => ({ ...g, entries: g.entries.filter((e) => !isDestructive(e.change, kinds)) }))
    .filter((g) => g.entries.length > 0);
  const total = groups.reduce((sum, g) => sum + g.entries.length, 0);
  let shown = 0;
  if (total > 0) text += '#### Creates and updates\n\n';
  for (const group of groups) {
    const entries: string[] = [];
    for (const entry of group.entries) {
      const lines = entryLines(entry);
      const cost = lines.length + 200; // the block's own markup
      if (text.length + entries.join('\n').length + cost > limit) break;
      entries.push(lines);
    }
    if (entries.length > 0) text += renderGroup(group, entries, total <= OPEN_DETAIL_UP_TO);
    shown += entries.length;
    if (entries.length < group.entries.length) break;
  }
  if (shown < total)
    text += `_${total - shown} of ${total} creates and updates are left out of the detail to fit a comment (every destructive change ${options.continuedIn ? 'is listed in the parts' : 'is listed above'}). See them all in ${SEE_ALL}._\n`;
  return { text: text + foot, destructiveShown };
}

function renderHead(plan: Plan, kinds: KindSet, options: MarkdownOptions): string {
  const { create, update, delete: del, noOp } = plan.counts;
  const head = [
    options.marker ?? digestMarker(plan.digest),
    '### zpa-gitops plan',
    '',
    `**${summaryLine(plan)}**`,
    '',
    '| create | update | delete | unchanged |',
    '|---:|---:|---:|---:|',
    `| ${create} | ${update} | ${del} | ${noOp} |`,
    '',
    `Plan digest: \`${options.shownDigest ?? plan.digest}\``,
    '',
    ...(options.notes ?? []).flatMap((note) => [note, '']),
  ];
  const partial = partialNote(plan);
  if (partial) head.push(`> [!NOTE]\n> ${partial}`, '');
  if (!plan.safety.safe)
    head.push(
      `> [!CAUTION]\n> Unsafe plan: ${plan.safety.reasons.join('; ')}. ${options.unsafeHowTo ?? '`apply` needs `--allow-unsafe`.'}`,
      '',
    );
  for (const warning of plan.warnings) head.push(`> [!WARNING]\n> ${escapeMarkdown(warning.message)}`, '');
  const ignored = ignoredLines(plan, kinds);
  if (ignored.length > 0) head.push(ignored.map((line) => `- ${escapeMarkdown(line)}`).join('\n'), '');
  return `${head.join('\n')}\n`;
}

export function destructiveLine(item: DestructiveChange): string {
  const name = `${item.noun} ${code(item.change.key)}`;
  const what =
    item.verb === 'delete'
      ? `**delete** ${name}${item.on.length ? ` · on ${item.on.map(escapeMarkdown).join(', ')}` : ''}`
      : `**detach** ${name} from ${item.removed.map(escapeMarkdown).join(', ')}${item.kept.length ? ` · stays on ${item.kept.map(escapeMarkdown).join(', ')}` : ''}`;
  return `- ${what} · ${escapeMarkdown(item.why)}`;
}

function entryLines(entry: Entry): string {
  const at = entry.change.declaredAt ? `   # ${where(entry.change.declaredAt)}` : '';
  return [
    `${entry.sign === '~' ? '!' : entry.sign} ${entry.title}${at}`,
    ...entry.details.map((d) => `${d.sign === ' ' ? ' ' : d.sign}     ${d.text}`),
  ].join('\n');
}

function renderGroup(group: Group, lines: string[], open: boolean): string {
  const count = group.entries.length;
  const of = lines.length < count ? `${lines.length} of ${count}` : String(count);
  const summary = `${escapeHtml(group.heading)} (${of} change${count === 1 ? '' : 's'})`;
  // `diff` fences colour `+` and `-` lines on GitHub, and `!` lines as changed.
  const body = lines.join('\n').replace(/```/g, '`\u200b``');
  return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n\`\`\`diff\n${body}\n\`\`\`\n</details>\n\n`;
}

function code(text: string): string {
  return `\`${visible(text).replace(/`/g, 'ˋ')}\``;
}

function escapeMarkdown(text: string): string {
  return escapeHtml(visible(text)).replace(/([\\`*_[\]|#])/g, '\\$1');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
