/**
 * Whether `git` run in a folder could find a repository, answered from the file system alone so
 * that no git process is started where none can succeed. It errs towards "maybe": a wrong "maybe"
 * costs one git process that fails, a wrong "no" would lose the commit a plan names.
 */
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Variables that make git look for its repository somewhere other than the folders above it. */
const ELSEWHERE = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR'] as const;

/**
 * Git's discovery walks from `cwd` up to the root; in each folder a repository is a `.git` file (a
 * worktree's or submodule's pointer), a `.git` folder that holds `HEAD`, or the folder itself holding
 * `HEAD` (a bare repository). A `.git` folder without `HEAD` (as a placeholder marking a project's root)
 * is no repository to git, which walks on past it.
 */
export async function mayFindRepository(
  cwd: string,
  gitEnv: Readonly<Record<string, string | undefined>>,
): Promise<boolean> {
  if (ELSEWHERE.some((name) => gitEnv[name] !== undefined)) return true;
  for (let dir = cwd; ; dir = dirname(dir)) {
    const dotGit = await kindOf(join(dir, '.git'));
    if (dotGit === 'other' || (dotGit === 'folder' && (await kindOf(join(dir, '.git', 'HEAD'))) !== 'none'))
      return true;
    if ((await kindOf(join(dir, 'HEAD'))) !== 'none') return true;
    if (dirname(dir) === dir) return false;
  }
}

/** Anything that cannot be stat'ed for another reason than being absent (a permission, say) counts as there. */
async function kindOf(path: string): Promise<'none' | 'folder' | 'other'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'none' : 'other';
  }
}
