/** Row 2: write calls `applyPlanned` makes for typical change sets (rate limits off). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DesiredState, Plan } from '../src/core/types.js';
import { hasErrors, loadManifests } from '../src/manifest/index.js';
import type { Simulator, SimSeed } from '../src/sim/index.js';
import { applyPlanned, planTenant } from '../src/workflow.js';
import { clientFor, countWrites, desiredState, ratio, tenantSeed, type Row } from './util.js';

const LINKS = 1_000;
const PORTALS = 10;
const tenth = (l: number): boolean => l % 10 === 0;

/** Client-setting changes + one create per distinct portal set + updates + deletes. */
export function writeLowerBound(plan: Plan): number {
  const changed = plan.changes.filter((c) => c.action !== 'no-op');
  const settings = changed.filter((c) => c.kind === 'clientSetting').length;
  const links = changed.filter((c) => c.kind === 'userPortalLink');
  const createGroups = new Set(
    links.flatMap((c) => (c.action === 'create' ? [JSON.stringify(c.after['userPortals'] ?? null)] : [])),
  );
  return settings + createGroups.size + links.filter((c) => c.action === 'update' || c.action === 'delete').length;
}

async function clientSettingsDesired(): Promise<DesiredState> {
  const dir = await mkdtemp(join(tmpdir(), 'zpa-gitops-bench-cs-'));
  try {
    await writeFile(
      join(dir, 'client-settings.yaml'),
      'apiVersion: zpa-gitops/v1\nclientSettings:\n  ZAPP_CLIENT:\n    enrollmentCert: Client\n',
    );
    const { desired, diagnostics } = await loadManifests([dir], { cwd: dir });
    if (!desired || hasErrors(diagnostics)) throw new Error('client-settings manifest did not load');
    return desired;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Scenario {
  name: string;
  seed: SimSeed;
  desired: () => Promise<DesiredState>;
}

export async function benchApplyWrites(sim: Simulator): Promise<Row[]> {
  const scenarios: Scenario[] = [
    {
      name: 'from empty: 1,000 links / 10 portals',
      seed: tenantSeed(0, PORTALS),
      desired: () => Promise.resolve(desiredState(LINKS, PORTALS)),
    },
    {
      name: '10% of 1,000 links changed',
      seed: tenantSeed(LINKS, PORTALS),
      desired: () =>
        Promise.resolve(
          desiredState(LINKS, PORTALS, { description: (l) => (tenth(l) ? `Changed ${l}` : `Application ${l}`) }),
        ),
    },
    {
      name: '10% of 1,000 links removed (pruned)',
      seed: tenantSeed(LINKS, PORTALS),
      desired: () => Promise.resolve(desiredState(LINKS, PORTALS, { skip: tenth })),
    },
    {
      name: 'client setting changed',
      seed: {
        ...tenantSeed(0, 0),
        clientSettings: [{ clientCertificateType: 'ZAPP_CLIENT', enrollmentCert: 'Connector' }],
      },
      desired: clientSettingsDesired,
    },
  ];
  const rows: Row[] = [];
  for (const s of scenarios) {
    sim.reset();
    sim.setRateLimits(false);
    sim.seed(s.seed);
    const client = clientFor(sim);
    try {
      const planned = await planTenant(await s.desired(), client);
      if (!planned.plan.safety.safe)
        throw new Error(`${s.name}: plan unsafe: ${planned.plan.safety.reasons.join('; ')}`);
      sim.clearRequests();
      const report = await applyPlanned(planned);
      if (report.counts.failed > 0) throw new Error(`${s.name}: ${report.counts.failed} changes failed`);
      const writes = countWrites(sim);
      const bound = writeLowerBound(planned.plan);
      const perObject = planned.plan.changes.filter((c) => c.action !== 'no-op').length;
      const r = ratio(writes, bound);
      rows.push({
        section: 'Apply writes',
        name: s.name,
        figure: writes,
        unit: 'writes',
        bound,
        baseline: perObject,
        ratio: r,
        goal: '≤ 1.1× bound',
        meets: r !== null && r <= 1.1,
      });
    } finally {
      client.close();
    }
  }
  return rows;
}
