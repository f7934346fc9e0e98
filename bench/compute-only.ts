/**
 * `node dist-scripts/bench/compute-only.js [--runs N] [--cli-runs N] [--json]`: only the compute rows that an
 * optimisation of planning or loading moves (planChanges, loadManifests, the CLI's plan at 50,000
 * links), for A/B comparisons: run it from two builds in turn. `--runs` sets the in-process rows' runs and `--cli-runs` the
 * CLI's fresh processes (5 each by default);
 * `--json` prints the rows as one JSON line instead of a table. It writes no file.
 */
import { parseArgs } from 'node:util';
import { startSimulator } from '../src/sim/index.js';
import { benchCliPlan, benchPlanCompute, benchValidateLarge } from './compute.js';
import { header, markdown } from './report.js';
import type { Row } from './util.js';

const { values } = parseArgs({
  options: { runs: { type: 'string' }, 'cli-runs': { type: 'string' }, json: { type: 'boolean' } },
});
const runs = count('--runs', values.runs);
const cliRuns = count('--cli-runs', values['cli-runs']);

// Planning first, so its peak RSS is not inflated by the simulator's tenants.
const rows: Row[] = [...benchPlanCompute(50_000, 500, runs), await benchValidateLarge(runs)];
const sim = await startSimulator();
try {
  rows.push(...(await benchCliPlan(sim, 50_000, 500, cliRuns)));
} finally {
  await sim.close();
}
process.stdout.write(values.json ? `${JSON.stringify(rows)}\n` : `${markdown(header(), rows)}\n`);

function count(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${option} takes a whole number above 0, not ${value}`);
  return n;
}
