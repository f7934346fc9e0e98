/**
 * Row 3: apply wall time under rate limits. The published counts (20 GET, 10 writes per window)
 * with the window cut from 10 s to 1 s, enforced by the simulator and by the client alike.
 */
import type { Simulator, SimSeed } from '../src/sim/index.js';
import type { DesiredState } from '../src/core/types.js';
import { PUBLISHED_RATE_LIMITS, type RateLimits } from '../src/zpa/index.js';
import { applyPlanned, planTenant } from '../src/workflow.js';
import { clientFor, count429, countWrites, desiredState, median, tenantSeed, type Row } from './util.js';

export const SCALED_LIMITS: RateLimits = { get: 20, write: 10, windowMs: 1_000 };
const RUNS = 3;

/** What the limits impose on `writes` calls: the first burst at once, then one per window/limit. */
export function writeFloorMs(writes: number, limits: RateLimits = SCALED_LIMITS): number {
  return Math.max(0, writes - limits.write) * (limits.windowMs / limits.write);
}

interface Scenario {
  name: string;
  seed: SimSeed;
  desired: DesiredState;
  limits: RateLimits;
  runs: number;
  /** Most the wall time may be over the floor. */
  goal: number;
}

const updates = (count: number): DesiredState =>
  desiredState(1_000, 10, { description: (l) => (l < count ? `Changed ${l}` : `Application ${l}`) });

export async function benchRateLimited(sim: Simulator): Promise<Row[]> {
  const scenarios: Scenario[] = [
    {
      name: 'apply 1,000 new links / 10 portals (window 1 s)',
      seed: tenantSeed(0, 10),
      desired: desiredState(1_000, 10),
      limits: SCALED_LIMITS,
      runs: RUNS,
      goal: 1.05,
    },
    {
      name: 'apply 300 updates of 1,000 links (window 1 s)',
      seed: tenantSeed(1_000, 10),
      desired: updates(300),
      limits: SCALED_LIMITS,
      runs: RUNS,
      goal: 1.05,
    },
    {
      name: 'apply 40 updates of 1,000 links (ZPA window, 10 s)',
      seed: tenantSeed(1_000, 10),
      desired: updates(40),
      limits: PUBLISHED_RATE_LIMITS,
      runs: 1,
      goal: 1.02,
    },
  ];
  const rows: Row[] = [];
  for (const s of scenarios) {
    const times: number[] = [];
    const floors: number[] = [];
    let refused = 0;
    for (let run = 0; run < s.runs; run++) {
      sim.reset();
      sim.setRateLimits(false);
      sim.seed(s.seed);
      const client = clientFor(sim, s.limits);
      try {
        const planned = await planTenant(s.desired, client);
        sim.setRateLimits(s.limits);
        sim.clearRequests();
        const started = performance.now();
        const report = await applyPlanned(planned);
        times.push(performance.now() - started);
        if (report.counts.failed > 0) throw new Error(`${s.name}: ${report.counts.failed} changes failed`);
        floors.push(writeFloorMs(countWrites(sim), s.limits));
        refused += count429(sim);
      } finally {
        client.close();
        sim.setRateLimits(false);
      }
    }
    const ms = median(times);
    const floor = median(floors);
    const r = floor > 0 ? ms / floor : null;
    rows.push({
      section: 'Rate-limited apply',
      name: `${s.name}: wall time, median of ${s.runs}`,
      figure: Math.round(ms),
      unit: 'ms',
      bound: Math.round(floor),
      ratio: r,
      goal: floor > 0 ? `≤ ${s.goal}× floor` : 'floor 0: absolute time',
      meets: r === null ? null : r <= s.goal,
    });
    rows.push({
      section: 'Rate-limited apply',
      name: `${s.name}: 429 replies (${s.runs} runs)`,
      figure: refused,
      unit: '429s',
      bound: 0,
      ratio: null,
      goal: '0',
      meets: refused === 0,
    });
  }
  return rows;
}
