/** Row 1: GETs `planTenant` makes against tenants of growing size. */
import type { Simulator } from '../src/sim/index.js';
import { planTenant } from '../src/workflow.js';
import { PORTAL_LINK_CAP, clientFor, countGets, desiredState, ratio, tenantSeed, type Row } from './util.js';

const SIZES = [100, 1_000, 10_000];
const PORTAL_COUNTS = [10, 100];

export async function benchPlanReads(sim: Simulator): Promise<Row[]> {
  const rows: Row[] = [];
  for (const links of SIZES) {
    for (const portals of PORTAL_COUNTS) {
      const name = `plan reads: ${links.toLocaleString('en-US')} links / ${portals} portals`;
      if (links > portals * PORTAL_LINK_CAP) {
        rows.push({
          section: 'Plan reads',
          name,
          figure: NaN,
          unit: 'GETs',
          bound: null,
          ratio: null,
          goal: '—',
          meets: null,
          note: `skipped: over ${PORTAL_LINK_CAP} links per portal`,
        });
        continue;
      }
      sim.reset();
      sim.seed(tenantSeed(links, portals));
      const client = clientFor(sim);
      try {
        sim.clearRequests();
        const { plan } = await planTenant(desiredState(links, portals), client);
        if (plan.counts.create + plan.counts.update + plan.counts.delete !== 0)
          throw new Error(`${name}: expected an empty plan`);
        const gets = countGets(sim);
        const bound = Math.ceil(links / 500) + Math.ceil(portals / 500) + 1;
        const r = ratio(gets, bound);
        rows.push({
          section: 'Plan reads',
          name,
          figure: gets,
          unit: 'GETs',
          bound,
          baseline: links + portals + 1,
          ratio: r,
          goal: '≤ 1.1× bound',
          meets: r !== null && r <= 1.1,
        });
      } finally {
        client.close();
      }
    }
  }
  return rows;
}
