/**
 * Row 3: apply wall time under rate limits. The published counts (20 GET, 10 writes per window)
 * with the window cut from 10 s to 1 s, enforced by the simulator and by the client alike.
 */
import type { Simulator, SimSeed } from '../src/sim/index.js';
import type { DesiredState } from '../src/core/types.js';
import type { RateLimits } from '../src/zpa/index.js';
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
}

export async function benchRateLimited(sim: Simulator): Promise<Row[]> {
  const scenarios: Scenario[] = [
    { name: 'apply 1,000 new links / 10 portals', seed: tenantSeed(0, 10), desired: desiredState(1_000, 10) },
    {
      name: 'apply 300 updates (of 1,000 links)',
      seed: tenantSeed(1_000, 10),
      desired: desiredState(1_000, 10, { description: (l) => (l < 300 ? `Changed ${l}` : `Application ${l}`) }),
    },
  ];
  const rows: Row[] = [];
  for (const s of scenarios) {
    const times: number[] = [];
    const floors: number[] = [];
    let refused = 0;
    for (let run = 0; run < RUNS; run++) {
      sim.reset();
      sim.setRateLimits(false);
      sim.seed(s.seed);
      const client = clientFor(sim, SCALED_LIMITS);
      try {
        const planned = await planTenant(s.desired, client);
        sim.setRateLimits(SCALED_LIMITS);
        sim.clearRequests();
        const started = performance.now();
        const report = await applyPlanned(planned);
        times.push(performance.now() - started);
        if (report.counts.failed > 0) throw new Error(`${s.name}: ${report.counts.failed} changes failed`);
        floors.push(writeFloorMs(countWrites(sim)));
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
      section: 'Rate-limited apply (time scale 1/10)',
      name: `${s.name}: wall time`,
      figure: Math.round(ms),
      unit: 'ms',
      bound: Math.round(floor),
      ratio: r,
      goal: floor > 0 ? '≤ 1.1× floor' : 'floor 0: absolute time',
      meets: r === null ? null : r <= 1.1,
    });
    rows.push({
      section: 'Rate-limited apply (time scale 1/10)',
      name: `${s.name}: 429 replies (${RUNS} runs)`,
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
