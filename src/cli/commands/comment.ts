import { resolve } from 'node:path';
import { NotReviewedError } from '../../ci/forge.js';
import { checkStickyName, DEFAULT_STICKY_NAME, forgeFromEnv, upsertSticky } from '../../ci/sticky.js';
import { UsageError } from '../../core/errors.js';
import { readPlanFile } from '../../planfile/planfile.js';
import { renderMarkdown } from '../../render/markdown.js';
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
  const forge = forgeFromEnv(io.env);
  if (!forge) {
    io.stdout('zpa-gitops comment: not running in GitHub Actions or GitLab CI; nothing to comment.\n');
    return exitCode('ok');
  }

  let thread;
  let markdown = renderMarkdown(plan);
  let sticky = name;
  if (values.merged) {
    thread = await forge.mergedRequestOf(forge.sha);
    if (!thread)
      throw new NotReviewedError(`no merged request brought commit ${forge.sha.slice(0, 12)}; nothing to comment on`);
    // Its own sticky comment: the reviewed plan's comment stays as it was, so re-running the apply job
    // can never pick up this unreviewed digest as if it were the approved one.
    sticky = `${name}/after-merge`;
    markdown = `> [!IMPORTANT]\n> The plan changed after this was merged, so nothing was applied. Review the plan below; to apply it, run the manual apply with digest \`${plan.digest}\`.\n\n${markdown}`;
  } else {
    const current = await forge.currentRequest();
    if ('none' in current) {
      io.stdout(`zpa-gitops comment: ${current.none}; nothing to comment.\n`);
      return exitCode('ok');
    }
    thread = current;
  }
  const result = await upsertSticky(thread, await forge.commentAuthor(), sticky, markdown);
  const verb = { created: 'Posted', updated: 'Updated', unchanged: 'Kept' }[result];
  io.stdout(`${verb} the plan comment on ${forge.name} ${thread.label} (plan digest ${plan.digest}).\n`);
  return exitCode('ok');
}
