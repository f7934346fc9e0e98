/**
 * The write probe against a tenant that answers unexpectedly: reads that lag its writes (measured on
 * a manual clock the simulator and doctor share), a bulk reply that names another link's id, and an
 * interrupt in the middle. Over HTTP against the simulator; no test waits on the wall clock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/doctor/run-doctor.js';
import type { DoctorReport } from '../../src/doctor/types.js';
import { runCli } from '../../src/cli/run.js';
import type { CliIo, InterruptSignal } from '../../src/cli/io.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import type { RequestLogEntry } from '../../src/sim/types.js';
import { ZpaClient } from '../../src/zpa/index.js';
import { ManualClock, waitUntil } from '../support/manual-clock.js';
import { writesSeen } from './support.js';
import { stringMatching } from '../support/matchers.js';

const clock = new ManualClock();
let sim: Simulator;
let onRequest: ((entry: RequestLogEntry) => void) | undefined;
beforeAll(async () => {
  sim = await startSimulator({
    clock,
    seed: {
      userPortals: [{ name: 'Ops' }],
      userPortalLinks: [{ name: 'kept', link: 'kept.example.com', portals: ['Ops'] }],
    },
    onRequest: (entry) => onRequest?.(entry),
  });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  sim.setReadLag(0);
  onRequest = undefined;
});

const probesLeft = () =>
  sim
    .snapshot()
    .userPortalLinks.map((l) => l.name)
    .filter((n) => n.startsWith('zpa-gitops-probe-'));
const keptId = () => sim.snapshot().userPortalLinks.find((l) => l.name === 'kept')?.id ?? '';

/** doctor --write-probe Ops through the library, the manual clock moved whenever only a wait is pending. */
async function probeOnManualClock(signal?: AbortSignal): Promise<DoctorReport> {
  let done = false;
  const run = runDoctor({
    env: { ...sim.env() },
    clock,
    // Limits far above the probe's calls: the polls' count is the lag's, not the rate limiter's.
    connect: (settings, onReply) =>
      new ZpaClient({ settings, onReply, clock, rateLimits: { get: 1000, write: 1000, windowMs: 10_000 } }),
    writeProbe: 'Ops',
    random: () => 'abcd1234',
    ...(signal ? { signal } : {}),
  }).finally(() => (done = true));
  while (!done) {
    await waitUntil(() => done || clock.pending > 0);
    const next = clock.nextWake;
    if (!done && next !== undefined) await clock.advanceTo(next);
  }
  return run;
}

const check = (report: DoctorReport, id: string) => report.checks.find((c) => c.id === id);

describe('read-after-write lag', () => {
  it('measures how long the new links take to appear in the list read', async () => {
    sim.setReadLag(2_000);
    const report = await probeOnManualClock();
    expect(check(report, 'write-probe:visible')).toMatchObject({
      status: 'passed',
      summary: 'write probe: both links were in the list read after 2.0 s (5 list reads, every 0.5 s)',
      facts: { lagMs: 2_000, reads: 5 },
    });
    // The update and the deletes lag too: waited for, not taken as failures.
    expect(report.checks.filter((c) => c.id.startsWith('write-probe:')).map((c) => c.status)).toEqual([
      'passed',
      'passed',
      'passed',
      'passed',
      'passed',
    ]);
    expect(probesLeft()).toEqual([]);
  });

  it('warns when the links are not listed within 10 s, and still cleans up', async () => {
    sim.setReadLag(12_000);
    const report = await probeOnManualClock();
    expect(check(report, 'write-probe:visible')).toMatchObject({
      status: 'warning',
      summary: 'write probe: the new links were not in the list read after 10 s (21 reads)',
    });
    expect(check(report, 'write-probe:read-back')).toBeUndefined();
    expect(writesSeen(sim).filter((w) => w.startsWith('PUT'))).toEqual([]);
    // Deleted, but the lagging list still shows them 10 s on: said so, with ids and names.
    expect(check(report, 'write-probe:cleanup')).toMatchObject({
      status: 'failed',
      summary: stringMatching(
        /^write probe: 2 probe links still listed 10 s after deleting: \d+ \(zpa-gitops-probe-abcd1234-1\), \d+ \(zpa-gitops-probe-abcd1234-2\)$/,
      ),
      facts: { undeleted: [] },
    });
    expect(probesLeft()).toEqual([]);
  });
});

describe('a bulk reply that names an existing link', () => {
  it('never writes to that link: the read-back stops the probe, and only real probes are deleted', async () => {
    const kept = keptId();
    sim.injectFault({
      method: 'POST',
      path: /bulk$/,
      patchReply: [{ op: 'replace', path: '/userPortalLinks/0/id', value: kept }],
    });
    const report = await probeOnManualClock();
    expect(check(report, 'write-probe:read-back')).toMatchObject({
      status: 'failed',
      summary: `write probe: the bulk reply named link ${kept}, which reads back as "kept", not as the probe "zpa-gitops-probe-abcd1234-1": it was left untouched`,
    });
    expect(check(report, 'write-probe:update')).toBeUndefined();
    const writes = writesSeen(sim);
    expect(writes.filter((w) => w.includes(kept))).toEqual([]);
    expect(writes.filter((w) => w.startsWith('PUT'))).toEqual([]);
    expect(writes.filter((w) => w.startsWith('DELETE'))).toHaveLength(2);
    expect(sim.snapshot().userPortalLinks.map((l) => l.name)).toEqual(['kept']);
    expect(check(report, 'write-probe:cleanup')?.summary).toBe(
      `write probe: deleted 2 probe links; none is left; left alone, not probes: ${kept} ("kept")`,
    );
  });
});

describe('an interrupt during the probe', () => {
  /** The CLI in-process, with a signal "sent" when the simulator sees the bulk create. */
  async function interruptedRun(
    signal: InterruptSignal,
    at = (entry: RequestLogEntry) => entry.path.endsWith('/bulk'),
  ) {
    let stdout = '';
    let stderr = '';
    let deliver: ((s: InterruptSignal) => void) | undefined;
    let released = false;
    onRequest = (entry) => {
      if (at(entry)) deliver?.(signal);
    };
    const io: CliIo = {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      env: { NO_COLOR: '1', ...sim.env() },
      cwd: process.cwd(),
      stdoutIsTty: false,
      stdinIsTty: false,
      readLine: () => Promise.resolve(''),
      trapInterrupts: (onFirst) => {
        deliver = onFirst;
        return () => {
          released = true;
        };
      },
    };
    // The CLI runs on the system clock; nothing here waits on it (no read lag, no rate limit).
    const code = await runCli(['doctor', '--write-probe', 'Ops'], io);
    return { code, stdout, stderr, released };
  }

  it.each([
    { signal: 'SIGINT' as const, code: 130 },
    { signal: 'SIGTERM' as const, code: 143 },
  ])('$signal: no new step after the write in flight, the probes deleted, exit $code', async ({ signal, code }) => {
    sim.setRateLimits(false);
    const run = await interruptedRun(signal);
    expect(run.code).toBe(code);
    expect(run.released).toBe(true);
    expect(run.stderr).toContain(
      `${signal} received: the write probe starts no new step; deleting its probe links. Send it again to exit at once.`,
    );
    const writes = writesSeen(sim);
    expect(writes.filter((w) => w.startsWith('PUT'))).toEqual([]);
    expect(writes.filter((w) => w.startsWith('DELETE'))).toHaveLength(2);
    expect(run.stdout).toContain('- write probe: not run (interrupted)');
    expect(run.stdout).toContain('✓ write probe: deleted 2 probe links; none is left');
    expect(probesLeft()).toEqual([]);
  });

  it('before the probe starts: no write at all', async () => {
    sim.setRateLimits(false);
    const run = await interruptedRun('SIGINT', (entry) => entry.path.endsWith('/microtenants/summary'));
    expect(run.code).toBe(130);
    expect(writesSeen(sim)).toEqual([]);
    expect(run.stdout).toContain('- write probe: not run (interrupted before its first write)');
  });

  it('prints the ids and names of probes it could not delete', async () => {
    sim.setRateLimits(false);
    sim.injectFault({ method: 'DELETE', path: /userPortalLink\/\d+$/, status: 403, body: { id: 'no', reason: 'no' } });
    const run = await interruptedRun('SIGINT');
    expect(run.code).toBe(130);
    const [left] = probesLeft();
    const id = sim.snapshot().userPortalLinks.find((l) => l.name === left)?.id ?? 'none';
    expect(run.stdout).toMatch(
      new RegExp(`✗ write probe: could not delete 1 probe link: ${id} \\(${left}: DELETE .*HTTP 403`),
    );
  });
});
