/**
 * The reviewable approval of an unsafe plan: a person adds the `zpa-gitops:allow-unsafe` label to the
 * pull or merge request after its plan comment showed the digest. It approves that digest only: a
 * plan comment written after the label (a new push, a new plan) needs the label added again, and a
 * label added by a bot or by this job's own token is no approval.
 */
import { UnapprovedUnsafePlanError, UsageError } from '../core/errors.js';
import type { Plan } from '../core/types.js';
import { recomputedSafety } from '../planner/update-guard.js';
import type { RequestThread } from './forge.js';
import { forgeFromEnv, readReviewed, type ReviewedComment } from './sticky.js';

export const UNSAFE_LABEL = 'zpa-gitops:allow-unsafe';

export type UnsafeApproval = { approved: true; by: string; at: string } | { approved: false; why: string };

async function findUnsafeApproval(
  thread: RequestThread,
  reviewed: ReviewedComment,
  digest: string,
): Promise<UnsafeApproval> {
  if (reviewed.digest.digest !== digest)
    return { approved: false, why: `${thread.label}'s plan comment shows another digest (${reviewed.digest.digest})` };
  const { labels } = await thread.details();
  if (!labels.includes(UNSAFE_LABEL)) return { approved: false, why: `${thread.label} has no label ${UNSAFE_LABEL}` };
  const events = (await thread.labelEvents()).filter((e) => e.label === UNSAFE_LABEL);
  const last = events.at(-1);
  if (last === undefined || last.action !== 'added')
    return { approved: false, why: `the forge has no record of who added ${UNSAFE_LABEL} to ${thread.label}` };
  if (last.actorIsBot)
    return { approved: false, why: `${UNSAFE_LABEL} was added by ${last.actor || 'a bot'}, not by a person` };
  const written = Math.max(...reviewed.parts.map((p) => Date.parse(p.updatedAt)));
  const at = Date.parse(last.at);
  if (!Number.isFinite(at) || !Number.isFinite(written) || at < written)
    return {
      approved: false,
      why: `${UNSAFE_LABEL} was added (${last.at}) before the plan comment showed this digest (${new Date(written).toISOString()}): it approved an earlier plan`,
    };
  return { approved: true, by: last.actor, at: last.at };
}

/** What the plan comment of an unsafe plan says to do. */
export function approvalHowTo(forge: 'GitHub' | 'GitLab'): string {
  const request = forge === 'GitHub' ? 'pull request' : 'merge request';
  return `\`apply\` needs an approval: to apply it on merge, a person who has read this plan adds the label \`${UNSAFE_LABEL}\` to this ${request}. The label approves this comment's digest only: once this comment is rewritten (a new push), remove the label and add it again to approve the new plan.`;
}

/**
 * The gate for an unsafe plan applied on merge: through only when it is the digest the merged
 * request's plan comment showed and a person approved that comment with the label. Throws
 * UnapprovedUnsafePlanError, saying what to do, otherwise.
 */
export async function approveUnsafeFromForge(
  plan: Plan,
  env: Record<string, string | undefined>,
  name: string,
): Promise<{ approvedUnsafeDigest?: string; approvedBy?: string }> {
  // Judged as the gate judges it: a verdict set by hand in a file does not skip the approval.
  const recomputed = recomputedSafety(plan);
  if (plan.safety.safe && recomputed.safe) return {};
  const reasons = recomputed.safe ? plan.safety.reasons : recomputed.reasons;
  const forge = forgeFromEnv(env);
  if (!forge)
    throw new UsageError('--allow-unsafe-by-label reads the label through GitHub or GitLab: it runs in their CI only');
  const refuse = (why: string, request = `the merged ${forge.name === 'GitHub' ? 'pull' : 'merge'} request`) =>
    new UnapprovedUnsafePlanError(
      reasons,
      why,
      `To apply it, a person who has read the plan adds the label ${UNSAFE_LABEL} to ${request}, then re-runs this job.`,
    );
  const thread = await forge.mergedRequestOf(forge.sha);
  if (!thread) throw refuse(`no merged request brought commit ${forge.sha.slice(0, 12)}`);
  const reviewed = await readReviewed(thread, await forge.commentAuthor(), name);
  if (!reviewed) throw refuse(`${thread.label} has no plan comment`, thread.label);
  const approval = await findUnsafeApproval(thread, reviewed, plan.digest);
  if (!approval.approved) throw refuse(approval.why, `${forge.name} ${thread.label}`);
  return {
    approvedUnsafeDigest: plan.digest,
    approvedBy: `${approval.by} with the label ${UNSAFE_LABEL} on ${forge.name} ${thread.label} (${approval.at})`,
  };
}
