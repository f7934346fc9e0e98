/**
 * The one sticky comment per request and plan name: found by its hidden marker among every comment,
 * edited in place, never posted twice.
 */
import { UsageError } from '../core/errors.js';
import { digestFromMarkdown } from '../render/markdown.js';
import type { Forge, ForgeComment, RequestThread } from './forge.js';
import { githubForge } from './github.js';
import { gitlabForge } from './gitlab.js';

export const DEFAULT_STICKY_NAME = 'default';

export function checkStickyName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/.test(name))
    throw new UsageError(`--name must be letters, digits and . _ / - (at most 64), not "${name.slice(0, 80)}"`);
  return name;
}

export function stickyMarker(name: string): string {
  return `<!-- zpa-gitops:sticky name=${name} -->`;
}

export type StickyResult = 'created' | 'updated' | 'unchanged';

export async function upsertSticky(
  thread: RequestThread,
  author: string,
  name: string,
  markdown: string,
): Promise<StickyResult> {
  const marker = stickyMarker(name);
  const body = `${marker}\n${markdown}`;
  const mine = findSticky(await thread.comments(), author, name);
  if (!mine) {
    await thread.create(body);
    return 'created';
  }
  if (mine.body === body) return 'unchanged';
  await thread.update(mine.id, body);
  return 'updated';
}

/** The digest in the request's sticky plan comment, or undefined when it has none. */
export async function stickyDigest(thread: RequestThread, author: string, name: string): Promise<string | undefined> {
  const mine = findSticky(await thread.comments(), author, name);
  return mine === undefined ? undefined : digestFromMarkdown(mine.body);
}

/** Our own earliest comment with the marker; look-alikes by anyone else are ignored. */
function findSticky(comments: ForgeComment[], author: string, name: string): ForgeComment | undefined {
  const marker = `${stickyMarker(name)}\n`;
  return comments.find((c) => c.author === author && c.body.startsWith(marker));
}

/** The code host this job runs on, from the variables its runner sets; undefined outside CI. */
export function forgeFromEnv(env: Record<string, string | undefined>): Forge | undefined {
  if (env['GITHUB_ACTIONS'] === 'true') return githubForge(env);
  if (env['GITLAB_CI'] === 'true') return gitlabForge(env);
  return undefined;
}
