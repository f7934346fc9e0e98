/**
 * The one sticky comment per request and plan name: found by its hidden marker among every comment,
 * edited in place, never posted twice. A plan whose destructive changes do not fit in one comment
 * is posted over several, each its own sticky part; the reviewed digest is read only when every
 * part carries it and each shows the digest its marker holds.
 */
import { UsageError } from '../core/errors.js';
import { parseDigestText, type DigestText } from '../digest/keyed-digest.js';
import type { Forge, ForgeComment, RequestThread } from './forge.js';
import { NotReviewedError } from './forge.js';
import { githubForge } from './github.js';
import { gitlabForge } from './gitlab.js';

export const DEFAULT_STICKY_NAME = 'default';

export function checkStickyName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/.test(name))
    throw new UsageError(`--name must be letters, digits and . _ / - (at most 64), not "${name.slice(0, 80)}"`);
  return name;
}

/** Part 1 keeps the single comment's marker, so a plan that shrinks to one part edits the same comment. */
function stickyMarker(name: string, part = 1): string {
  return `<!-- zpa-gitops:sticky name=${name}${part === 1 ? '' : ` part=${part}`} -->`;
}

export type StickyResult = 'created' | 'updated' | 'unchanged';

/** Posts or edits each part; parts an earlier, longer plan left are emptied of any digest. */
export async function upsertSticky(
  thread: RequestThread,
  author: string,
  name: string,
  parts: string[],
): Promise<StickyResult> {
  const comments = await thread.comments();
  let result: StickyResult = 'unchanged';
  for (const [index, markdown] of parts.entries()) {
    const outcome = await upsertPart(
      thread,
      findSticky(comments, author, name, index + 1),
      stickyMarker(name, index + 1),
      markdown,
    );
    if (index === 0) result = outcome;
    else if (result === 'unchanged' && outcome !== 'unchanged') result = 'updated';
  }
  for (let part = parts.length + 1; ; part++) {
    const old = findSticky(comments, author, name, part);
    if (!old) break;
    const retired = `_No longer used: the plan now fits in ${parts.length === 1 ? 'one comment' : `${parts.length} parts`}._\n`;
    if ((await upsertPart(thread, old, stickyMarker(name, part), retired)) !== 'unchanged' && result === 'unchanged')
      result = 'updated';
  }
  return result;
}

async function upsertPart(
  thread: RequestThread,
  mine: ForgeComment | undefined,
  marker: string,
  markdown: string,
): Promise<StickyResult> {
  const body = `${marker}\n${markdown}`;
  if (!mine) {
    await thread.create(body);
    return 'created';
  }
  if (mine.body === body) return 'unchanged';
  await thread.update(mine.id, body);
  return 'updated';
}

/** The reviewed plan comment: its digest as written, and every part it spans (for when they were written). */
export interface ReviewedComment {
  digest: DigestText;
  parts: ForgeComment[];
}

const PLAN_MARKER = /<!-- zpa-gitops:plan digest=(\S+?)(?: part=(\d+)\/(\d+))? -->/g;
const SHOWN_DIGEST = /^Plan digest: `([^`]*)`$/gm;

/** The request's sticky plan comment, or undefined when it has none; a comment that hides its digest is refused. */
export async function readReviewed(
  thread: RequestThread,
  author: string,
  name: string,
): Promise<ReviewedComment | undefined> {
  const comments = await thread.comments();
  const first = findSticky(comments, author, name, 1);
  if (first === undefined) return undefined;
  const where = `${thread.label}'s plan comment`;
  const head = readPart(first.body, where);
  if (head === undefined) return undefined;
  if (head.part !== 1)
    throw new NotReviewedError(`${where} is marked part ${head.part} of ${head.of}, not part 1: refusing it`);
  const parts = [first];
  for (let part = 2; part <= head.of; part++) {
    const comment = findSticky(comments, author, name, part);
    const read = comment === undefined ? undefined : readPart(comment.body, `${where} part ${part}`);
    if (
      comment === undefined ||
      read === undefined ||
      read.digest !== head.digest ||
      read.part !== part ||
      read.of !== head.of
    )
      throw new NotReviewedError(
        `${where} spans ${head.of} parts, but part ${part} does not carry its digest ${head.digest}: not every destructive change was shown with it, so there is no reviewed plan to apply`,
      );
    parts.push(comment);
  }
  return { digest: parseDigestText(head.digest, `the digest in ${where}`), parts };
}

function readPart(body: string, where: string): { digest: string; part: number; of: number } | undefined {
  const markers = [...body.matchAll(PLAN_MARKER)];
  if (markers.length === 0) return undefined;
  if (markers.length > 1) throw new NotReviewedError(`${where} carries ${markers.length} digest markers: refusing it`);
  const [marker] = markers;
  const digest = marker?.[1] ?? '';
  const shown = [...body.matchAll(SHOWN_DIGEST)].map((m) => m[1]);
  // The marker is what tools read and the line is what people read: they must be the same digest.
  if (shown.length !== 1 || shown[0] !== digest)
    throw new NotReviewedError(
      `${where} shows ${shown.length === 1 ? `digest ${String(shown[0]).slice(0, 80)}` : `${shown.length} digest lines`} but its hidden marker holds ${digest.slice(0, 120)}: refusing a comment whose visible digest is not its marker's`,
    );
  const part = Number(marker?.[2] ?? '1');
  const of = Number(marker?.[3] ?? '1');
  if (!(part >= 1 && of >= part && of <= 1000))
    throw new NotReviewedError(`${where} has an invalid part number: refusing it`);
  return { digest, part, of };
}

/** Our own earliest comment with the part's marker; look-alikes by anyone else are ignored. */
function findSticky(comments: ForgeComment[], author: string, name: string, part: number): ForgeComment | undefined {
  const marker = `${stickyMarker(name, part)}\n`;
  return comments.find((c) => c.author === author && c.body.startsWith(marker));
}

/** The code host this job runs on, from the variables its runner sets; undefined outside CI. */
export function forgeFromEnv(env: Record<string, string | undefined>): Forge | undefined {
  if (env['GITHUB_ACTIONS'] === 'true') return githubForge(env);
  if (env['GITLAB_CI'] === 'true') return gitlabForge(env);
  return undefined;
}
