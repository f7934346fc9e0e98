// npm's prepare: `npm ci` and `npm install` in a clone build dist/, and so does packing (npm pack, a
// git dependency). `npx zpa-gitops` in a clone also runs prepare (npm links the clone into its cache),
// with its output hidden: a silent rebuild, half a minute on a slow machine, of a dist/ usually
// already there. That one case is left to bin/zpa-gitops.mjs, which builds only when dist/ is missing,
// and says so.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const prefix = process.env['npm_config_local_prefix'];
const selfExec =
  process.env['npm_command'] === 'exec' && prefix !== undefined && resolve(prefix) === resolve(process.cwd());
if (!selfExec) {
  const npmCli = process.env['npm_execpath'];
  const [command, args] = npmCli?.endsWith('.js')
    ? [process.execPath, [npmCli, 'run', 'build']]
    : ['npm', ['run', 'build']];
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32' && command === 'npm',
  });
  process.exitCode = result.status ?? 1;
}
