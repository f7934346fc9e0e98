/**
 * Reads that lag writes: against a simulator whose reads answer from the tenant of 2 s ago (on a
 * clock the test moves), apply settles and verifies with patience instead of believing one stale
 * read: it ends with everything done and verified, nothing created twice (also when a bulk create's
 * reply is lost), and a plan afterwards shows nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { applyPlanned, planTenant } from '../../src/index.js';
import { desired } from '../support/builders.js';
import { flushMicrotasks, ManualClock } from '../support/manual-clock.js';
import { shareSimAndClient } from '../support/sim.js';

const LAG_MS = 2000;
const clock = new ManualClock();
const shared = shareSimAndClient({ sim: { readLagMs: LAG_MS }, clock });
beforeEach(() => {
  shared.sim.reset();
  shared.sim.seed({
    userPortals: [{ name: 'Eng' }],
    userPortalLinks: [{ name: 'wiki', link: 'wiki.example.com', description: 'old', portals: ['Eng'] }],
  });
  shared.sim.clearRequests();
});

/** Runs `work`, moving the clock to each wake-up as soon as nothing else can happen first. */
async function onClock<T>(work: () => Promise<T>): Promise<T> {
  let done = false;
  const result = work().finally(() => (done = true));
  while (!done) {
    await flushMicrotasks();
    const next = clock.nextWake;
    if (next !== undefined) await clock.advanceTo(next);
  }
  return result;
}

const manifests = desired({
  portals: ['Eng'],
  links: [
    { name: 'wiki', portals: ['Eng'], link: 'wiki.example.com', description: 'new' },
    { name: 'jira', portals: ['Eng'], link: 'jira.example.com' },
    { name: 'grafana', portals: ['Eng'], link: 'grafana.example.com' },
  ],
});

async function applyAndReplan() {
  const planned = await onClock(() => planTenant(manifests, shared.client, { clock }));
  expect(planned.plan.counts).toMatchObject({ create: 2, update: 1 });
  const report = await onClock(() => applyPlanned(planned, { clock }));
  const names = shared.sim.snapshot().userPortalLinks.map((l) => l.name);
  const again = await onClock(() => planTenant(manifests, shared.client, { clock }));
  return { report, names, again: again.plan };
}

describe('apply against reads that lag writes by 2 s', () => {
  it('verifies with patience: everything done, no mismatch, and the next plan is empty', async () => {
    const { report, names, again } = await applyAndReplan();
    expect(report.counts).toEqual({ done: 3, failed: 0, 'not-attempted': 0 });
    expect(report.mismatches).toEqual([]);
    expect(names.sort()).toEqual(['grafana', 'jira', 'wiki']);
    expect(again.counts).toMatchObject({ create: 0, update: 0, delete: 0 });
  });

  it('settles a bulk create whose reply was lost by reading until it shows, and never creates it again', async () => {
    shared.sim.injectFault({ method: 'POST', path: /bulk$/, resetAfterApply: true });
    const { report, names, again } = await applyAndReplan();
    expect(report.counts).toEqual({ done: 3, failed: 0, 'not-attempted': 0 });
    expect(report.mismatches).toEqual([]);
    expect(names.sort(), 'nothing created twice').toEqual(['grafana', 'jira', 'wiki']);
    expect(shared.sim.count({ method: 'POST' }), 'one bulk create, never repeated').toBe(1);
    expect(again.counts).toMatchObject({ create: 0, update: 0, delete: 0 });
  });

  it('reports a lost create that never shows as not confirmed yet, and does not send it again', async () => {
    // The reply is lost and the create did not land: no read can tell that from a lagging one.
    shared.sim.injectFault({ method: 'POST', path: /bulk$/, resetBeforeApply: true });
    const { report, names } = await applyAndReplan();
    expect(report.counts).toEqual({ done: 1, failed: 2, 'not-attempted': 0 });
    const failed = report.outcomes.filter((o) => o.outcome === 'failed');
    expect(failed.map((o) => o.error?.message)).toEqual([
      expect.stringMatching(/^not confirmed yet: .* within 5 s; it was not sent again/),
      expect.stringMatching(/^not confirmed yet: /),
    ]);
    expect(shared.sim.count({ method: 'POST' })).toBe(1);
    expect(names.sort()).toEqual(['wiki']);
  });
});
