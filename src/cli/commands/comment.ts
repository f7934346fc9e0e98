import { resolve } from 'node:path';
import { NotReviewedError, type Forge, type RequestThread } from '../../ci/forge.js';
import { checkStickyName, DEFAULT_STICKY_NAME, forgeFromEnv, readReviewed, upsertSticky } from '../../ci/sticky.js';
import { approvalHowTo, UNSAFE_LABEL } from '../../ci/unsafe-approval.js';
import { UsageError } from '../../core/errors.js';
import type { Plan } from '../../core/types.js';
import { formatDigest, PLAN_KEY_VARIABLE, verifyPlanKey } from '../../digest/keyed-digest.js';
import { readPlanFile } from '../../planfile/planfile.js';
import { renderCommentParts } from '../../render/comment-parts.js';
import { parseCommandArgs } from '../args.js';
import { exitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';

/** Posts a saved plan as the sticky comment of this job's pull or merge request. */
export async function commentCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('comment', args, {
    name: { type: 'string' },
    merged: { type: 'boolean' },
  });
  const [file, ...rest] = positionals;
  if (file === undefined || rest.length > 0)
    throw new UsageError('comment takes one saved plan file: zpa-gitops comment plan.json');
  const name = checkStickyName(values.name ?? DEFAULT_STICKY_NAME);
  const plan = await readPlanFile(resolve(io.cwd, file));
  verifyPlanKey(plan, io.env[PLAN_KEY_VARIABLE], file);
  const forge = forgeFromEnv(io.env);
  if (!forge) {
    io.stdout('zpa-gitops comment: not running in GitHub Actions or GitLab CI; nothing to comment.\n');
    return exitCode('ok');
  }
  const digest = formatDigest(plan);

  let thread: RequestThread;
  let notes: string[];
  let sticky = name;
  if (values.merged) {
    const merged = await forge.mergedRequestOf(forge.sha);
    if (!merged)
      throw new NotReviewedError(`no merged request brought commit ${forge.sha.slice(0, 12)}; nothing to comment on`);
    thread = merged;
    // Its own sticky comment: the reviewed plan's comment stays as it was, so re-running the apply job
    // can never pick up this unreviewed digest as if it were the approved one.
    sticky = `${name}/after-merge`;
    const author = await forge.commentAuthor();
    notes = [await afterMergeNote(forge, thread, author, name, plan, digest), targetLine(plan, forge.sha)];
  } else {
    const current = await forge.currentRequest();
    if ('none' in current) {
      io.stdout(`zpa-gitops comment: ${current.none}; nothing to comment.\n`);
      return exitCode('ok');
    }
    thread = current;
    notes = await reviewNotes(forge, thread, plan);
  }
  // On the request under review the label is the way in; after a merge the note says what to do.
  const unsafeHowTo = values.merged ? {} : { unsafeHowTo: approvalHowTo(forge.name) };
  const parts = renderCommentParts(plan, { digest, notes, ...unsafeHowTo });
  const result = await upsertSticky(thread, await forge.commentAuthor(), sticky, parts);
  const verb = { created: 'Posted', updated: 'Updated', unchanged: 'Kept' }[result];
  const over = parts.length === 1 ? '' : ` (over ${parts.length} comments: the destructive changes do not fit in one)`;
  io.stdout(`${verb} the plan comment on ${forge.name} ${thread.label}${over} (plan digest ${plan.digest}).\n`);
  return exitCode('ok');
}

/** What a reviewer needs beside the changes: what was planned, against what, and how to approve. */
async function reviewNotes(forge: Forge, thread: RequestThread, plan: Plan): Promise<string[]> {
  const planned = await forge.planned();
  const notes = [targetLine(plan, planned.sha, planned.merge)];
  if (planned.headSha !== undefined) {
    const now = (await thread.details()).headSha;
    if (now !== '' && now !== planned.headSha)
      notes.push(
        `> [!WARNING]\n> The branch moved on since this plan was made: this plan is for head \`${planned.headSha.slice(0, 12)}\`, the ${thread.label.split(' ')[0]} request is now at \`${now.slice(0, 12)}\`. Wait for the newer plan job to rewrite this comment before merging.`,
      );
  }
  return notes;
}

function targetLine(plan: Plan, sha: string, merge?: string): string {
  const { host, customerId, microtenantId } = plan.target;
  return `Target: \`${host}\` · customer \`${customerId}\` · microtenant \`${microtenantId}\`. Planned at commit \`${sha.slice(0, 12)}\`${merge ? `: ${merge}` : ''}.`;
}

/** Why the merge applied nothing, and what to do: the plan changed, or it is unsafe and not approved. */
async function afterMergeNote(
  forge: Forge,
  thread: RequestThread,
  author: string,
  name: string,
  plan: Plan,
  digest: string,
): Promise<string> {
  // Only the wording depends on it: a reviewed comment that cannot be read is taken as another plan.
  const reviewed = await readReviewed(thread, author, name).catch(() => undefined);
  if (reviewed?.digest.digest === plan.digest && !plan.safety.safe)
    return `> [!IMPORTANT]\n> This plan is the reviewed one, but it is unsafe (${plan.safety.reasons.join('; ')}) and was not approved, so nothing was applied. To apply it, a person who has read it adds the label \`${UNSAFE_LABEL}\` to this ${forge.name === 'GitHub' ? 'pull' : 'merge'} request, then re-runs the failed apply job.`;
  const unsafe = plan.safety.safe
    ? ''
    : ` It is unsafe too (${plan.safety.reasons.join('; ')}): the manual apply refuses it, so make the change through a new pull or merge request, reviewed and labelled \`${UNSAFE_LABEL}\`, or apply it by hand with \`--allow-unsafe\`.`;
  return `> [!IMPORTANT]\n> The plan changed after this was merged, so nothing was applied. Review the plan below; to apply it, run the manual apply with digest \`${digest}\`.${unsafe}`;
}
