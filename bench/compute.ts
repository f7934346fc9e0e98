/** Row 4: pure planning at scale, `validate` start-up, and validate over a large repository. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { planChanges } from '../src/plan-changes.js';
import { desiredState, liveState, median, type Row } from './util.js';
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
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const plan = planChanges(desired, live, { target, toolVersion: 'bench' });
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
      bound: 1000,
      ratio: ms / 1000,
      goal: '< 1 s',
      meets: ms < 1000,
    },
    {
      section,
      name: `${name}: peak RSS (process, incl. inputs)`,
      figure: Math.round(Math.max(maxRssMb, rssPeak / MB)),
      unit: 'MB',
      bound: 300,
      ratio: Math.max(maxRssMb, rssPeak / MB) / 300,
      goal: '< 300 MB',
      meets: Math.max(maxRssMb, rssPeak / MB) < 300,
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

export async function benchValidateLarge(): Promise<Row> {
  const result = await benchValidate();
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
  };
}
