#!/usr/bin/env node
// The command's entry. A published package carries dist/ and this only loads it. In a clone, dist/
// is built by `npm ci` (prepare), but `npx zpa-gitops` there leaves the build to this file (see
// scripts/prepare.mjs: npm would run it with its output hidden), so a clone without dist/ says it is
// building, on stderr, instead of printing nothing until the build is done.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) build();
await import(main.href);

function build() {
  const root = new URL('..', import.meta.url);
  if (!existsSync(new URL('src/cli/main.ts', root)))
    fail('dist/cli/main.js is missing and there is no source to build it from: reinstall zpa-gitops');
  process.stderr.write('zpa-gitops: dist/ is missing in this clone: building it once (npm run build)...\n');
  // Under npm (npx, npm exec) npm_execpath names the npm that runs us; otherwise npm from PATH.
  const npmCli = process.env['npm_execpath'];
  const [command, args] = npmCli?.endsWith('.js')
    ? [process.execPath, [npmCli, 'run', 'build', '--silent']]
    : ['npm', ['run', 'build', '--silent']];
  // The build's own output goes to stderr: stdout is the command's, e.g. `plan --format json`.
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 2, 2],
    shell: process.platform === 'win32' && command === 'npm',
  });
  if (result.status !== 0 || !existsSync(main))
    fail('the build failed (see above): run `npm ci`, then `npm run build`, and try again');
  process.stderr.write('zpa-gitops: built dist/.\n');
}

function fail(message) {
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}
