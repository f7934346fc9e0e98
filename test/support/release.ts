/**
 * The release build (scripts/release.mjs) into a fresh folder, from the dist/ the test run built
 * (npm test builds before vitest; release.mjs refuses when dist/cli/main.js is missing).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Release {
  out: string;
  /** The release tree: what the version's tag holds. */
  tree: string;
  version: string;
  npmTarball: string;
  bundleTarball: string;
}

export async function buildRelease(): Promise<Release> {
  const out = mkdtempSync(join(tmpdir(), 'zpa-gitops-release-'));
  await run(process.execPath, [join(ROOT, 'scripts/release.mjs'), '--out', out], { cwd: ROOT });
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return {
    out,
    tree: join(out, 'bundle'),
    version,
    npmTarball: join(out, `zpa-gitops-${version}.tgz`),
    bundleTarball: join(out, `zpa-gitops-bundle-${version}.tgz`),
  };
}
