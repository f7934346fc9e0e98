/**
 * The clock skew check with the clock injected: the simulator and the client run on one manual
 * clock (the server's `Date` header follows it), doctor on the same clock moved by an offset, so a
 * skew is simulated exactly, without touching or reading the machine's time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/core/clock.js';
import { runDoctor } from '../../src/doctor/run-doctor.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { ZpaClient } from '../../src/zpa/index.js';
import { MANUAL_EPOCH, ManualClock } from '../support/manual-clock.js';

const clock = new ManualClock();
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ clock });
});
afterAll(() => sim.close());

const TEN_MINUTES = 10 * 60_000;

async function doctorWithClockOffBy(offsetMs: number) {
  const local: Clock = { now: () => clock.now() + offsetMs, sleep: (ms) => clock.sleep(ms) };
  const report = await runDoctor({
    env: { ...sim.env() },
    clock: local,
    connect: (settings, onReply) => new ZpaClient({ settings, onReply, clock }),
  });
  return { report, check: report.checks.find((c) => c.id === 'clock') };
}

describe('clock skew', () => {
  it('passes when the clock agrees with the server', async () => {
    const { report, check } = await doctorWithClockOffBy(0);
    expect(check).toMatchObject({
      ok: true,
      summary: "clock: within 1 s of the server's Date header",
      facts: { samples: 9, skewSeconds: 0 },
    });
    expect(report.ok).toBe(true);
    expect(report.checkedAt).toBe(new Date(MANUAL_EPOCH).toISOString());
  });

  it.each([
    { offset: TEN_MINUTES, words: "this machine is 600 s ahead of the server's Date header", skew: -600 },
    { offset: -TEN_MINUTES, words: "this machine is 600 s behind the server's Date header", skew: 600 },
  ])('fails, with what to do, when the clock is off by $offset ms', async ({ offset, words, skew }) => {
    const { report, check } = await doctorWithClockOffBy(offset);
    expect(check).toMatchObject({ ok: false, summary: `clock: ${words}`, facts: { skewSeconds: skew } });
    expect(check?.fix).toMatch(/synchronise the clock \(NTP\)/);
    expect(report.ok).toBe(false);
    // The report's time is the injected clock's.
    expect(report.checkedAt).toBe(new Date(MANUAL_EPOCH + offset).toISOString());
  });
});
