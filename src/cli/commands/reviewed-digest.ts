import { NotReviewedError } from '../../ci/forge.js';
import { checkStickyName, DEFAULT_STICKY_NAME, forgeFromEnv, readReviewed } from '../../ci/sticky.js';
import { UsageError } from '../../core/errors.js';
import { formatDigest, PLAN_KEY_VARIABLE, verifyDigest } from '../../digest/keyed-digest.js';
import { parseCommandArgs } from '../args.js';
import { exitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';

/**
 * Prints the digest of the plan reviewed on the request that brought this commit, alone on stdout
 * (keyed, and verified, when ZPA_GITOPS_PLAN_KEY is set).
 */
export async function reviewedDigestCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('reviewed-digest', args, { name: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError('reviewed-digest takes no arguments');
  const name = checkStickyName(values.name ?? DEFAULT_STICKY_NAME);
  const forge = forgeFromEnv(io.env);
  if (!forge)
    throw new NotReviewedError(
      'reviewed-digest runs in GitHub Actions or GitLab CI (GITHUB_ACTIONS or GITLAB_CI is not set)',
    );
  const thread = await forge.mergedRequestOf(forge.sha);
  const commit = forge.sha.slice(0, 12);
  if (!thread)
    throw new NotReviewedError(
      `no merged ${forge.name === 'GitHub' ? 'pull' : 'merge'} request brought commit ${commit}: there is no reviewed plan to apply`,
    );
  const reviewed = await readReviewed(thread, await forge.commentAuthor(), name);
  if (!reviewed)
    throw new NotReviewedError(
      `${forge.name} ${thread.label} has no zpa-gitops plan comment${name === DEFAULT_STICKY_NAME ? '' : ` named ${name}`}: there is no reviewed plan to apply`,
    );
  verifyDigest(
    reviewed.digest,
    io.env[PLAN_KEY_VARIABLE],
    `the digest in ${forge.name} ${thread.label}'s plan comment`,
  );
  io.stdout(`${formatDigest(reviewed.digest)}\n`);
  return exitCode('ok');
}
