/**
 * The clock skew check with the clock injected: doctor compares the server's `Date` header with the
 * clock it is given, so a skew is simulated without touching the machine's time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/doctor/run-doctor.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { ZpaClient } from '../../src/zpa/index.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

const TEN_MINUTES = 10 * 60_000;

async function doctorWithClockOffBy(offsetMs: number) {
  const report = await runDoctor({
    env: { ...sim.env() },
    now: () => Date.now() + offsetMs,
    connect: (settings, onReply) => new ZpaClient({ settings, onReply }),
  });
  return { report, clock: report.checks.find((c) => c.id === 'clock') };
}

describe('clock skew', () => {
  it('passes when the clock agrees with the server', async () => {
    const { report, clock } = await doctorWithClockOffBy(0);
    expect(clock).toMatchObject({ ok: true, facts: { samples: 5 } });
    expect(report.ok).toBe(true);
  });

  it.each([
    { offset: TEN_MINUTES, words: /this machine is (59\d|60\d) s ahead of the server's Date header/ },
    { offset: -TEN_MINUTES, words: /this machine is (59\d|60\d) s behind the server's Date header/ },
  ])('fails, with what to do, when the clock is off by $offset ms', async ({ offset, words }) => {
    const { report, clock } = await doctorWithClockOffBy(offset);
    expect(clock?.ok).toBe(false);
    expect(clock?.summary).toMatch(words);
    expect(clock?.fix).toMatch(/synchronise the clock \(NTP\)/);
    expect(report.ok).toBe(false);
    // The report's time is the injected clock's.
    expect(Math.abs(Date.parse(report.checkedAt) - (Date.now() + offset))).toBeLessThan(TEN_MINUTES / 2);
  });
});
