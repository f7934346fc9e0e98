/**
 * `npm run bench`: reads, writes, rate-limited wall time and compute, against the in-process
 * simulator through the library. Prints a Markdown table and writes BENCHMARKS.md and BENCHMARKS.json.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { startSimulator } from '../src/sim/index.js';
import { benchApplyReads } from './apply-reads.js';
import { benchApplyWrites } from './apply-writes.js';
import { benchCliPlan, benchPlanCompute, benchValidateLarge, benchValidateStartup } from './compute.js';
import { benchInstall } from './install.js';
import { benchPlanReads } from './plan-reads.js';
import { benchRateLimited } from './rate-limited.js';
import { benchVersusScript, nodeStartMs } from './versus-script.js';
import { header, markdown } from './report.js';
import type { Row } from './util.js';

const AB_SECTION = '## Optimisations measured (A/B)';
const rows: Row[] = [];
const progress = (what: string): void => void process.stderr.write(`bench: ${what}\n`);

// Compute first, so peak RSS is not inflated by the simulator's tenants.
progress('planChanges at 50,000 links');
const compute = benchPlanCompute();
progress('validate start-up and large repository');
const nodeMs = await nodeStartMs();
const startup = await benchValidateStartup(nodeMs);
const large = await benchValidateLarge();

const sim = await startSimulator();
try {
  progress('CLI plan at 50,000 links (CPU and peak RSS)');
  compute.push(...(await benchCliPlan(sim)));
  progress('against the hand-written script (about 1.5 minutes)');
  rows.push(...(await benchVersusScript(sim, nodeMs)));
  progress('plan reads');
  rows.push(...(await benchPlanReads(sim)));
  progress('apply writes');
  rows.push(...(await benchApplyWrites(sim)));
  progress('apply reads');
  rows.push(...(await benchApplyReads(sim)));
  progress('rate-limited apply (about 2 minutes)');
  rows.push(...(await benchRateLimited(sim)));
} finally {
  await sim.close();
}
rows.push(...compute, startup, large);
progress('action install: from a release tree and from source (about a minute)');
rows.push(...(await benchInstall(process.cwd())));

const head = header();
const table = markdown(head, rows);
process.stdout.write(`${table}\n`);
// The A/B section is written by hand from bench/compute-only.ts runs: a regenerated table keeps it.
const previous = await readFile('BENCHMARKS.md', 'utf8').catch(() => '');
const measured = previous.indexOf(AB_SECTION);
await writeFile('BENCHMARKS.md', `${table}\n${measured < 0 ? '' : `\n${previous.slice(measured)}`}`);
await writeFile('BENCHMARKS.json', `${JSON.stringify({ ...head, rows }, null, 2)}\n`);
