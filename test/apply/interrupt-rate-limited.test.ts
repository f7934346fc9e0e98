/**
 * An interrupt during a rate-limited apply, in the library: writes that wait in the client's rate
 * limiter when the signal comes are dropped unsent, so no write reaches the API after it, whatever
 * the parallelism; the report accounts for every change as done or not attempted. Time is a clock
 * the test moves: the limiter's windows pass only when the test says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlanned, planTenant, type ProgressEvent } from '../../src/index.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { settingsFromEnv, ZpaClient } from '../../src/zpa/index.js';
import { desired } from '../support/builders.js';
import { flushMicrotasks, ManualClock, waitUntil } from '../support/manual-clock.js';
import { apiWrites } from '../support/sim.js';

const LINKS = 12;
const WRITES_PER_WINDOW = 4;
const names = Array.from({ length: LINKS }, (_, i) => `link-${String(i).padStart(2, '0')}`);

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
  sim.seed({
    userPortals: [{ name: 'Eng' }],
    userPortalLinks: names.map((name) => ({ name, link: `${name}.example.com`, description: 'old', portals: ['Eng'] })),
  });
});
afterAll(() => sim.close());

const manifests = desired({
  portals: ['Eng'],
  links: names.map((name) => ({ name, portals: ['Eng'], link: `${name}.example.com`, description: 'new' })),
});

describe('an interrupt while writes wait for the rate limit', () => {
  it('starts no write after the signal (parallelism 4), and accounts for every change', async () => {
    const clock = new ManualClock();
    const interrupt = new AbortController();
    const client = new ZpaClient({
      settings: settingsFromEnv({ ...sim.env() }),
      rateLimits: { get: 1000, write: WRITES_PER_WINDOW, windowMs: 10_000 },
      clock,
      stopWrites: interrupt.signal,
    });
    try {
      const planned = await planTenant(manifests, client, { clock });
      expect(planned.plan.counts.update).toBe(LINKS);
      sim.clearRequests();
      const events: ProgressEvent[] = [];
      const applying = applyPlanned(planned, {
        parallelism: 4,
        signal: interrupt.signal,
        clock,
        allowUnsafe: true,
        onProgress: (event) => events.push(event),
      });
      const putsSeen = () => apiWrites(sim).length;
      const queued = () => clock.pending > 0;
      // The first window's writes go out; the next four wait in the limiter for the window to pass.
      await waitUntil(() => putsSeen() === WRITES_PER_WINDOW && events.length === WRITES_PER_WINDOW && queued());
      await clock.advanceTo(clock.nextWake ?? clock.now());
      // The second window's writes have answered, and the rest wait in the limiter again: the signal.
      await waitUntil(
        () => putsSeen() === 2 * WRITES_PER_WINDOW && events.length === 2 * WRITES_PER_WINDOW && queued(),
      );
      const seenAtSignal = sim.requests.length;
      interrupt.abort();
      // Every window that could still pass, passes: a write not dropped would now be sent.
      for (let i = 0; i < LINKS; i++) {
        await flushMicrotasks();
        await clock.advance(20_000);
      }
      const report = await applying;

      const afterSignal = sim.requests.slice(seenAtSignal).filter((r) => r.method !== 'GET');
      expect(afterSignal, 'no write reached the API after the signal').toEqual([]);
      expect(apiWrites(sim)).toHaveLength(2 * WRITES_PER_WINDOW);
      expect(report.counts).toEqual({
        done: 2 * WRITES_PER_WINDOW,
        failed: 0,
        'not-attempted': LINKS - 2 * WRITES_PER_WINDOW,
      });
      expect(report.writeCalls).toBeLessThanOrEqual(LINKS);
      // The account names each change once: the ones written are exactly those the simulator got.
      const done = report.outcomes.filter((o) => o.outcome === 'done').map((o) => o.change.key);
      const notAttempted = report.outcomes.filter((o) => o.outcome === 'not-attempted').map((o) => o.change.key);
      expect([...done, ...notAttempted].sort()).toEqual(names);
      const written = sim
        .snapshot()
        .userPortalLinks.filter((l) => l.description === 'new')
        .map((l) => l.name);
      expect(written.sort()).toEqual(done.sort());
    } finally {
      client.close();
    }
  });
});
