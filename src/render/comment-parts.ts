/**
 * A plan as one or more comments. Every destructive change must be visible to the reviewer, so when
 * they do not all fit in one comment they continue over further parts (as Atlantis splits long
 * output), each carrying the digest and its part number: a tool reads the digest only when every
 * part carries it.
 */
import type { KindSet } from '../core/kind-set.js';
import type { Plan } from '../core/types.js';
import { BUILT_IN_KINDS } from '../kinds/built-in.js';
import { destructiveChanges } from './destructive.js';
import {
  destructiveLine,
  digestMarker,
  MARKDOWN_BUDGET,
  renderMarkdownWith,
  type MarkdownOptions,
} from './markdown.js';

/** Room for the part's own heading and closing line. */
const PART_RESERVE = 800;

export interface CommentOptions {
  budget?: number;
  /** The digest as written in markers and shown (keyed when the plan carries an HMAC). */
  digest: string;
  notes?: string[];
  /** What an unsafe plan needs to be applied (the label approval). */
  unsafeHowTo?: string;
  /** The kinds the plan's changes are of; the built-in ones by default. */
  kinds?: KindSet;
}

export function renderCommentParts(plan: Plan, options: CommentOptions): string[] {
  const budget = options.budget ?? MARKDOWN_BUDGET;
  const kinds = options.kinds ?? BUILT_IN_KINDS;
  const base: MarkdownOptions = {
    shownDigest: options.digest,
    kinds,
    ...(options.notes ? { notes: options.notes } : {}),
    ...(options.unsafeHowTo ? { unsafeHowTo: options.unsafeHowTo } : {}),
  };
  const single = renderMarkdownWith(plan, budget, { ...base, marker: digestMarker(options.digest) });
  const destructive = destructiveChanges(plan, kinds);
  if (single.destructiveShown === destructive.length) return [single.text];

  // The first part with room kept for the longest marker and pointer it will carry.
  const continued = (shown: number, total: number, of: number) =>
    `Destructive changes ${shown + 1} to ${total} continue in the next ${of === 2 ? 'comment' : `${of - 1} comments`} (part 2${of > 2 ? ` to ${of}` : ''} of ${of}): review every part.`;
  const first = renderMarkdownWith(plan, budget, {
    ...base,
    marker: digestMarker(options.digest, { part: 1, of: 9999 }),
    continuedIn: (shown, total) => continued(shown, total, 9999),
  });
  const lines = destructive.slice(first.destructiveShown).map((item) => `${destructiveLine(item)}\n`);
  const chunks: { from: number; lines: string[] }[] = [];
  let index = first.destructiveShown;
  let chunk: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (chunk.length > 0 && size + line.length > budget - PART_RESERVE) {
      chunks.push({ from: index - chunk.length, lines: chunk });
      chunk = [];
      size = 0;
    }
    chunk.push(line);
    size += line.length;
    index += 1;
  }
  chunks.push({ from: index - chunk.length, lines: chunk });

  const of = chunks.length + 1;
  const head = renderMarkdownWith(plan, budget, {
    ...base,
    marker: digestMarker(options.digest, { part: 1, of }),
    maxDestructive: first.destructiveShown,
    continuedIn: (shown, total) => continued(shown, total, of),
  }).text;
  const rest = chunks.map(({ from, lines: part }, i) => {
    const number = i + 2;
    const last = number === of;
    return [
      digestMarker(options.digest, { part: number, of }),
      `### zpa-gitops plan, part ${number} of ${of}`,
      '',
      `Plan digest: \`${options.digest}\``,
      '',
      `#### Destructive changes ${from + 1} to ${from + part.length} of ${destructive.length}`,
      '',
      part.join(''),
      last
        ? `_Part ${number} of ${of}, the last: every destructive change is listed across the ${of} parts._`
        : `_Part ${number} of ${of}: the list continues in part ${number + 1}._`,
      '',
    ].join('\n');
  });
  return [head, ...rest];
}
