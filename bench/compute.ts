/**
 * Row 4: pure planning at scale, the CLI's `plan` at scale (CPU and peak RSS of a fresh process),
 * `validate` start-up, and validate over a large repository.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { planChanges } from '../src/plan-changes.js';
import type { Simulator } from '../src/sim/index.js';
import { cpuMsSince, desiredState, liveState, median, tenantSeed, writePortalManifests, type Row } from './util.js';
import { benchValidate } from './validate-large.js';

const run = promisify(execFile);
const MB = 1024 * 1024;

export function benchPlanCompute(links = 50_000, portals = 500, runs = 5): Row[] {
  // ~1% differ: every 100th link has a new description.
  const desired = desiredState(links, portals, {
    description: (l) => (l % 100 === 0 ? `Changed ${l}` : `Application ${l}`),
  });
  const live = liveState(links, portals);
  const target = { host: 'http://127.0.0.1', customerId: '1', microtenantId: '0' };
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  let rssPeak = process.memoryUsage().rss;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const plan = planChanges(desired, live, { target, toolVersion: 'bench' });
    cpu.push(cpuMsSince(cpuStarted));
    times.push(performance.now() - started);
    const mem = process.memoryUsage();
    heapPeak = Math.max(heapPeak, mem.heapUsed);
    rssPeak = Math.max(rssPeak, mem.rss);
    if (plan.counts.update !== links / 100)
      throw new Error(`planChanges: expected ${links / 100} updates, got ${plan.counts.update}`);
  }
  const ms = median(times);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const section = 'Compute';
  const name = `planChanges: 50,000 links / 500 portals, ~1% changed`;
  return [
    {
      section,
      name: `${name}: median of ${runs}`,
      figure: Math.round(ms),
      unit: 'ms',
      bound: 500,
      ratio: ms / 500,
      goal: '< 0.5 s',
      meets: ms < 500,
      note: `CPU (user + sys) per run, median: ${Math.round(median(cpu))} ms`,
    },
    {
      section,
      name: `${name}: peak RSS (bench process, incl. inputs)`,
      figure: Math.round(Math.max(maxRssMb, rssPeak / MB)),
      unit: 'MB',
      bound: null,
      ratio: null,
      goal: '— (the 250 MB goal is the CLI plan row)',
      meets: null,
      note: `heap growth over runs ${Math.round((heapPeak - heapBefore) / MB)} MB (no forced GC)`,
    },
  ];
}

/** `validate examples/manifests` as a fresh process, beside `node -e 0` measured in the same run. */
export async function benchValidateStartup(nodeMs: number, runs = 7): Promise<Row> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(process.execPath, ['dist/cli/main.js', 'validate', 'examples/manifests']);
    times.push(performance.now() - started);
  }
  const ms = median(times);
  return {
    section: 'Compute',
    name: `CLI \`validate examples/manifests\`: median of ${runs}, minus \`node -e 0\``,
    figure: Math.round(ms - nodeMs),
    unit: 'ms',
    bound: 150,
    ratio: (ms - nodeMs) / 150,
    goal: '≤ 150 ms over node -e 0',
    meets: ms - nodeMs <= 150,
    note: `${Math.round(ms)} ms in all; node -e 0: ${Math.round(nodeMs)} ms`,
  };
}

export async function benchValidateLarge(runs?: number): Promise<Row> {
  const result = await benchValidate(200, 10_000, runs);
  const ms = result.medianMs;
  return {
    section: 'Compute',
    name: `loadManifests: ${result.files} files / ${result.links.toLocaleString('en-US')} links: median of ${result.runsMs.length}`,
    figure: Math.round(ms),
    unit: 'ms',
    bound: 1000,
    ratio: ms / 1000,
    goal: '< 1 s',
    meets: ms < 1000,
    note: `CPU (user + sys) per run, median: ${Math.round(median(result.cpuMs))} ms`,
  };
}

/** Far above any count the bench reaches, so neither side's limiter ever waits: these rows measure CPU and memory. */
const UNLIMITED = { get: 100_000, write: 100_000, windowMs: 1_000 };

/**
 * The built CLI's `zpa-gitops plan` on 50,000 links / 500 portals (one manifest file per portal, 1 %
 * of links with a changed description) against the in-process simulator, as fresh processes: CPU
 * (user + sys) and peak RSS from the child's own resource usage, written at exit by a preloaded hook.
 */
export async function benchCliPlan(sim: Simulator, links = 50_000, portals = 500, runs = 5): Promise<Row[]> {
  const changed = (l: number): string => (l % 100 === 0 ? `Changed ${l}` : `Application ${l}`);
  const dir = await writePortalManifests(links, portals, changed);
  const scratch = await mkdtemp(join(tmpdir(), 'zpa-gitops-bench-usage-'));
  const usage = join(scratch, 'usage.json');
  const cpu: number[] = [];
  const rss: number[] = [];
  try {
    sim.reset();
    sim.seed(tenantSeed(links, portals));
    sim.setRateLimits(UNLIMITED);
    const env = {
      ...process.env,
      ...sim.env(),
      ZPA_GITOPS_RATE_LIMITS: `get=${UNLIMITED.get}/${UNLIMITED.windowMs}ms,write=${UNLIMITED.write}/${UNLIMITED.windowMs}ms`,
      ZPA_GITOPS_BENCH_USAGE: usage,
    };
    const args = ['--import', './dist-scripts/bench/resource-usage-hook.js', 'dist/cli/main.js', 'plan', dir];
    for (let i = 0; i < runs; i++) {
      // --detailed-exitcode is not passed: a plan with changes exits 0.
      const { stdout } = await run(process.execPath, args, { env, maxBuffer: 256 * 1024 * 1024 });
      if (!stdout.includes(`Plan: 0 to create, ${links / 100} to update, 0 to delete.`))
        throw new Error(`CLI plan: expected ${links / 100} updates; output ends ${stdout.slice(-300)}`);
      const used = JSON.parse(await readFile(usage, 'utf8')) as { userUs: number; systemUs: number; maxRssKb: number };
      cpu.push((used.userUs + used.systemUs) / 1000);
      rss.push(used.maxRssKb / 1024);
    }
  } finally {
    sim.setRateLimits(false);
    await rm(dir, { recursive: true, force: true });
    await rm(scratch, { recursive: true, force: true });
  }
  const ms = median(cpu);
  const mb = median(rss);
  const name = `CLI \`zpa-gitops plan\`: 50,000 links / 500 portals, ~1% changed, fresh process`;
  const note =
    'manifest load + validation + reads from the simulator + planning; rate limits set far above the counts on ' +
    'both sides (ZPA_GITOPS_RATE_LIMITS and the simulator), as this row measures CPU and memory, not wall time';
  return [
    {
      section: 'Compute',
      name: `${name}: CPU (user + sys), median of ${runs}`,
      figure: Math.round(ms),
      unit: 'ms',
      bound: 3000,
      ratio: ms / 3000,
      goal: '< 3 s CPU',
      meets: ms < 3000,
      note: `${note}; runs: ${cpu.map((c) => Math.round(c)).join(', ')} ms`,
    },
    {
      section: 'Compute',
      name: `${name}: peak RSS, median of ${runs}`,
      figure: Math.round(mb),
      unit: 'MB',
      bound: 250,
      ratio: mb / 250,
      goal: '< 250 MB',
      meets: mb < 250,
      note: `runs: ${rss.map((r) => Math.round(r)).join(', ')} MB`,
    },
  ];
}
