/**
 * Reads an apply makes around its writes: the stale check before the first write and the
 * verification after, for 1 update among 10,000 links / 100 portals (rate limits off, so only the
 * calls are counted). Before: each re-read the whole link collection (20 pages of 500). Now each
 * reads only what the plan touches, the cheaper of its pages and one GET by id per object, and a
 * plain apply whose plan was read moments ago skips the stale check.
 */
import type { Simulator } from '../src/sim/index.js';
import { applyPlanned, applySavedPlan, planTenant } from '../src/workflow.js';
import { clientFor, countGets, desiredState, ratio, tenantSeed, type Row } from './util.js';

const LINKS = 10_000;
const PORTALS = 100;
const PAGES = Math.ceil(LINKS / 500);

interface Scenario {
  name: string;
  saved: boolean;
  /** Before this change: 20 pages for the stale check (saved plans only) and 20 to verify. */
  before: number;
  /** One GET by id per read-back: the stale check (saved plans) and the verification. */
  bound: number;
}

export async function benchApplyReads(sim: Simulator): Promise<Row[]> {
  const scenarios: Scenario[] = [
    { name: 'apply --plan: 1 update among 10,000 links / 100 portals', saved: true, before: 2 * PAGES, bound: 2 },
    { name: 'apply (fresh plan): 1 update among 10,000 links / 100 portals', saved: false, before: PAGES, bound: 1 },
  ];
  const rows: Row[] = [];
  for (const s of scenarios) {
    sim.reset();
    sim.setRateLimits(false);
    sim.seed(tenantSeed(LINKS, PORTALS));
    const client = clientFor(sim);
    try {
      const desired = desiredState(LINKS, PORTALS, { description: (l) => (l === 0 ? 'Changed' : `Application ${l}`) });
      const planned = await planTenant(desired, client);
      if (planned.plan.counts.update !== 1) throw new Error(`${s.name}: expected 1 update`);
      sim.clearRequests();
      const report = s.saved ? await applySavedPlan(planned.plan, client) : await applyPlanned(planned);
      if (report.counts.done !== 1 || report.mismatches.length > 0) throw new Error(`${s.name}: did not apply cleanly`);
      const gets = countGets(sim);
      const r = ratio(gets, s.bound);
      rows.push({
        section: 'Apply reads',
        name: s.name,
        figure: gets,
        unit: 'GETs',
        bound: s.bound,
        baseline: s.before,
        ratio: r,
        goal: '≤ 1.0× bound',
        meets: r !== null && r <= 1.0,
        note: `before targeted re-reads: ${s.before} GETs (whole collection per re-read)`,
      });
    } finally {
      client.close();
    }
  }
  return rows;
}
