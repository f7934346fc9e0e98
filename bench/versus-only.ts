/** `node dist-scripts/bench/versus-only.js`: only the comparison with the hand-written script. */
import { startSimulator } from '../src/sim/index.js';
import { benchValidateStartup } from './compute.js';
import { header, markdown } from './report.js';
import { benchVersusScript, nodeStartMs } from './versus-script.js';

const sim = await startSimulator();
try {
  const nodeMs = await nodeStartMs();
  const rows = [await benchValidateStartup(nodeMs), ...(await benchVersusScript(sim, nodeMs))];
  process.stdout.write(`${markdown(header(), rows)}\n`);
} finally {
  await sim.close();
}
