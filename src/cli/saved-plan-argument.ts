import { open } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Plan files are JSON; a few kilobytes tell one from a manifest without reading a large file. */
const SNIFF_BYTES = 4096;

/**
 * `apply plan.json`, as `terraform apply PLANFILE`: a single positional that is a zpa-gitops plan
 * file (a JSON object with a formatVersion) is a saved plan; anything else is a manifest path.
 */
export async function savedPlanArgument(positionals: readonly string[], cwd: string): Promise<string | undefined> {
  const [only, ...rest] = positionals;
  if (only === undefined || rest.length > 0) return undefined;
  try {
    const handle = await open(resolve(cwd, only), 'r');
    try {
      if (!(await handle.stat()).isFile()) return undefined;
      const head = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
      const text = head.subarray(0, bytesRead).toString('utf8');
      return /^\s*\{/.test(text) && text.includes('"formatVersion"') ? only : undefined;
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}
