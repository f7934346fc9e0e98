import { existsSync } from 'node:fs';

/**
 * The package's folder (holding package.json and schemas/): the nearest folder above this module with
 * a package.json. The code runs from dist/ (installed), src/ (tests) and dist-scripts/src/ (the demo
 * and benchmark build), which sit at different depths.
 */
export const PACKAGE_ROOT: URL = findPackageRoot(new URL('.', import.meta.url));

function findPackageRoot(start: URL): URL {
  for (let dir = start; ; dir = new URL('..', dir)) {
    if (existsSync(new URL('package.json', dir))) return dir;
    if (new URL('..', dir).href === dir.href) throw new Error(`zpa-gitops: no package.json above ${start.pathname}`);
  }
}
