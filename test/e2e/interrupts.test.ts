/**
 * SIGINT and SIGTERM sent to a real CLI process in the middle of a rate-limited apply.
 * Every wait is for an event (a line of output, a request in the simulator's log), never a sleep.
 * Needs the built CLI (npm test builds before vitest runs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PUBLISHED_RATE_LIMITS, startSimulator, type Simulator } from '../../src/sim/index.js';
import type { RequestLogEntry } from '../../src/sim/types.js';
import { cli } from '../support/cli.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';
import { apiWrites } from '../support/sim.js';
import { RATE_LIMITS_VARIABLE } from '../../src/zpa/rate-limit-setting.js';

const main = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const LINKS = 16;

let sim: Simulator;
let onRequest: ((entry: RequestLogEntry) => void) | undefined;
beforeAll(async () => {
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  sim = await startSimulator({ rateLimits: PUBLISHED_RATE_LIMITS, onRequest: (entry) => onRequest?.(entry) });
});
afterAll(async () => {
  removeWorkspaces();
  await sim.close();
});
beforeEach(() => {
  sim.reset();
  sim.setRateLimits(PUBLISHED_RATE_LIMITS);
  onRequest = undefined;
});

const writes = () => apiWrites(sim);

/** 16 links whose descriptions drifted: 16 PUTs, two rate-limit windows of writes. */
function driftedTenant(): string {
  const names = Array.from({ length: LINKS }, (_, i) => `link-${String(i).padStart(2, '0')}`);
  sim.seed({
    userPortals: [{ name: 'Eng' }],
    userPortalLinks: names.map((name) => ({ name, link: `${name}.example.com`, description: 'old', portals: ['Eng'] })),
  });
  return workspace(
    portalManifests({ Eng: names.map((name) => ({ name, link: `${name}.example.com`, description: 'new' })) }),
  );
}

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when `pattern` has appeared on stdout or stderr. */
  output: (pattern: RegExp) => Promise<void>;
  exited: Promise<number | null>;
}

// --allow-unsafe: updating all 16 links trips the update guard; these tests are about interrupts.
function start(
  dir: string,
  args = ['apply', '--auto-approve', '--allow-unsafe'],
  env: Record<string, string> = {},
): Running {
  const child = spawn(process.execPath, [main, ...args], {
    cwd: dir,
    env: { PATH: process.env['PATH'], NO_COLOR: '1', ...sim.env(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const check = () => {
    for (const waiter of waiters.splice(0)) {
      if (waiter.pattern.test(out) || waiter.pattern.test(err)) waiter.resolve();
      else waiters.push(waiter);
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    check();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    check();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    output: (pattern) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ pattern, resolve });
        check();
        void exited.then(() => reject(new Error(`exited before ${pattern}:\n${out}\n${err}`)));
      }),
    exited,
  };
}

async function convergesWithoutDuplicates(dir: string): Promise<void> {
  // The interrupted run has used this window's writes; the re-run is about convergence, not the
  // limits (asserted above), so neither the simulator nor the client keeps them, rather than the test
  // waiting for the next window.
  sim.setRateLimits(false);
  const env = { ...sim.env(), [RATE_LIMITS_VARIABLE]: 'get=1000/10s,write=1000/10s' };
  const again = await cli(['apply', '--auto-approve', '--allow-unsafe'], { cwd: dir, env });
  expect(again.code).toBe(0);
  const plan = await cli(['plan', '--detailed-exitcode'], { cwd: dir, env });
  expect(plan.stdout).toContain('No changes.');
  const names = sim.snapshot().userPortalLinks.map((l) => l.name);
  expect(new Set(names).size).toBe(names.length);
  expect(names.length).toBe(LINKS);
}

/** The account's last line: done + failed + not attempted add up to every change. */
function account(stdout: string, signal: string): { done: number; notAttempted: number } {
  const last = stdout.trimEnd().split('\n').at(-1) ?? '';
  const match = new RegExp(
    `^Apply interrupted by ${signal}: (\\d+) done, 0 failed, (\\d+) not attempted\\. Run plan to see what is left; apply again to finish\\.$`,
  ).exec(last);
  expect(match, `last line: ${last}`).not.toBeNull();
  return { done: Number(match?.[1]), notAttempted: Number(match?.[2]) };
}

/**
 * The account is printed once: one line of counts, and each change not attempted on one line (not
 * also as a progress line in other words).
 */
function accountedOnce(stdout: string, notAttempted: number): void {
  expect(stdout.match(/\bnot attempted\./g), 'one line of counts').toHaveLength(1);
  const lines = stdout.split('\n').filter((line) => line.includes('not attempted: '));
  expect(lines).toHaveLength(notAttempted);
  expect(new Set(lines).size).toBe(notAttempted);
}

/** Holds back the reply to the first request matching `match`; resolves once that request arrived. */
function holdReply(match: { method: string; path?: RegExp }): Promise<void> {
  sim.injectFault({ ...match, delayMs: 600_000 });
  return new Promise<void>((resolve) => {
    onRequest = (entry) => {
      if (entry.fault === 'delayMs') resolve();
    };
  });
}

describe('interrupting apply', () => {
  it('first SIGINT: no new write, the account, exit 130; a second run converges', async () => {
    const dir = driftedTenant();
    sim.clearRequests();
    const run = start(dir);
    await run.output(/^\[2\/16\] /m);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.stderr()).toContain('SIGINT received: no new write will start');
    const { done, notAttempted } = account(run.stdout(), 'SIGINT');
    expect(done).toBeGreaterThanOrEqual(2);
    expect(notAttempted).toBeGreaterThan(0);
    expect(done + notAttempted).toBe(LINKS);
    expect(run.stdout()).toMatch(/^ {2}not attempted: update link "link-\d\d"$/m);
    accountedOnce(run.stdout(), notAttempted);
    // Exactly the changes reported done were written: nothing started after the signal.
    expect(writes().length).toBe(done);
    await convergesWithoutDuplicates(dir);
  }, 60_000);

  it('first SIGTERM while writes wait for the rate limit: they are dropped unsent, exit 143', async () => {
    const dir = driftedTenant();
    sim.clearRequests();
    const run = start(dir);
    // The client's limiter lets 10 writes through per 10 s window; the 11th has to wait for the next.
    await run.output(/^\[10\/16\] /m);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(143);
    const { done, notAttempted } = account(run.stdout(), 'SIGTERM');
    accountedOnce(run.stdout(), notAttempted);
    expect(done).toBeGreaterThanOrEqual(10);
    expect(done + notAttempted).toBe(LINKS);
    expect(writes().length).toBe(done);
    expect(sim.requests.filter((r) => r.status === 429)).toEqual([]);
    await convergesWithoutDuplicates(dir);
  }, 60_000);

  it('once the account is printed the process exits, not after a 10-minute rate-limit wait', async () => {
    const dir = driftedTenant();
    sim.clearRequests();
    // One write per 10 minutes: the second waits in the limiter on a timer that would keep the
    // process alive past the test's timeout if it were waited out after the account.
    const run = start(dir, ['apply', '--auto-approve', '--allow-unsafe'], { [RATE_LIMITS_VARIABLE]: 'write=1/10m' });
    await run.output(/waiting \d+ s for the API rate limit/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(143);
    const { done, notAttempted } = account(run.stdout(), 'SIGTERM');
    expect(done).toBe(1);
    expect(notAttempted).toBe(LINKS - 1);
    expect(writes().length).toBe(1);
  }, 60_000);

  it('a second signal exits at once, even with a write still in flight', async () => {
    const dir = driftedTenant();
    // The first PUT is applied at once but its reply is held back: the write stays in flight.
    const held = holdReply({ method: 'PUT' });
    sim.clearRequests();
    const run = start(dir);
    await held;
    await run.output(/^\[1\/16\] /m);
    run.child.kill('SIGTERM');
    await run.output(/SIGTERM received/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(143);
    expect(run.stderr()).toContain('SIGTERM again: exiting at once. Run plan to see what is left.');
    expect(run.stdout()).not.toContain('Apply interrupted');
    sim.clearFaults();
    await convergesWithoutDuplicates(dir);
  }, 60_000);
});

describe('interrupting the reads and the plan, before any write', () => {
  it('apply: SIGINT while a read is held open says so and exits 130, nothing written', async () => {
    const dir = driftedTenant();
    // The link list is read, but its reply is held back: planning is under way and cannot finish.
    const held = holdReply({ method: 'GET', path: /\/userPortalLink$/ });
    sim.clearRequests();
    const run = start(dir);
    await held;
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.stderr()).toBe('\nSIGINT received: interrupted before any write. Nothing was changed.\n');
    expect(run.stdout()).toBe('');
    expect(writes()).toEqual([]);
    sim.clearFaults();
  }, 60_000);

  it('plan: SIGTERM while a read waits 10 minutes for the rate limit exits 143 at once, not after the wait', async () => {
    const dir = driftedTenant();
    sim.clearRequests();
    // One GET per 10 minutes: the second read waits in the client's limiter, on a timer of 10 minutes
    // that would keep the process alive (the test's timeout) if it waited the timer out.
    const run = start(dir, ['plan'], { [RATE_LIMITS_VARIABLE]: 'get=1/10m' });
    await run.output(/waiting \d+ s for the API rate limit/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(143);
    expect(run.stderr()).toContain('SIGTERM received: interrupted before any write. Nothing was changed.');
    expect(run.stdout()).not.toContain('Plan:');
    expect(writes()).toEqual([]);
  }, 60_000);
});
