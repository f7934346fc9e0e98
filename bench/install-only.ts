/** `node dist-scripts/bench/install-only.js`: only the action's install, release tree against source. */
import { benchInstall } from './install.js';
import { header, markdown } from './report.js';

process.stdout.write(`${markdown(header(), await benchInstall(process.cwd()))}\n`);
