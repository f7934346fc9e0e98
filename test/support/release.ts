/**
 * The release build (scripts/release.mjs) of this test run, from the dist/ the run built (npm test
 * builds before vitest; release.mjs refuses when dist/cli/main.js is missing). It is built once per
 * run, by the first test file that asks, into the folder the global setup names
 * (test/support/release-setup.ts, which also removes it); files in other workers wait for that build
 * (test/support/build-once.ts). The release is shared, so tests only read it: a test that needs a
 * changed tree changes a copy of its own.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { buildOnce } from './build-once.js';

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

/** The run's release: built by the first caller, waited for by the others. */
export async function buildRelease(): Promise<Release> {
  const folder = inject('releaseFolder');
  const out = join(folder, 'out');
  await buildOnce(folder, async () => {
    await run(process.execPath, [join(ROOT, 'scripts/release.mjs'), '--out', out], { cwd: ROOT });
  });
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return {
    out,
    tree: join(out, 'bundle'),
    version,
    npmTarball: join(out, `zpa-gitops-${version}.tgz`),
    bundleTarball: join(out, `zpa-gitops-bundle-${version}.tgz`),
  };
}
