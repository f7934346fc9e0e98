/** The `yes` prompt cancelled, an unwritable step summary, and the last line of an apply that exits 1. */
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PromptCancelledError } from '../../src/cli/io.js';
import { readLineFrom } from '../../src/cli/process-io.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import type { RequestLogEntry } from '../../src/sim/types.js';
import { cli } from '../support/cli.js';
import { cliOnFakeClock } from '../support/fake-clock-cli.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';
import { apiWrites } from '../support/sim.js';

let sim: Simulator;
let onRequest: ((entry: RequestLogEntry) => void) | undefined;
beforeAll(async () => {
  sim = await startSimulator({ onRequest: (entry) => onRequest?.(entry) });
});
afterAll(async () => {
  removeWorkspaces();
  await sim.close();
});
beforeEach(() => {
  sim.reset();
  onRequest = undefined;
  sim.seed({
    userPortals: [{ name: 'Eng' }],
    userPortalLinks: [{ name: 'old', link: 'o.example.com', portals: ['Eng'] }],
  });
});

const writes = () => apiWrites(sim);
const tenant = () =>
  workspace(
    portalManifests({
      Eng: [
        { name: 'old', link: 'o.example.com', description: 'new' },
        { name: 'new', link: 'n.example.com' },
      ],
    }),
  );

describe('the confirmation prompt', () => {
  it.each([
    ['Ctrl-C', new PromptCancelledError('interrupt'), 130],
    ['Ctrl-D', new PromptCancelledError('end-of-input'), 1],
  ] as const)('%s cancels: nothing changed, non-zero exit, no internal error', async (_, answer, code) => {
    const dir = tenant();
    sim.clearRequests();
    const result = await cli(['apply'], { cwd: dir, env: sim.env(), tty: true, answer });
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('Apply cancelled. Nothing was changed.');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(code);
    expect(writes()).toEqual([]);
  });

  it('reads a closed stdin (Ctrl-D) as a cancel, and a line as the answer', async () => {
    const closed = new PassThrough();
    const pending = readLineFrom(closed, new PassThrough(), 'yes? ');
    closed.end();
    await expect(pending).rejects.toEqual(new PromptCancelledError('end-of-input'));
    const typed = new PassThrough();
    const answer = readLineFrom(typed, new PassThrough(), 'yes? ');
    typed.write('yes\n');
    expect(await answer).toBe('yes');
  });
});

describe('GITHUB_STEP_SUMMARY', () => {
  it('an unwritable summary is a warning: the plan still succeeds', async () => {
    const dir = tenant();
    const env = {
      ...sim.env(),
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: join(dir, 'no-such-folder', 'summary.md'),
    };
    const result = await cli(['plan', '--detailed-exitcode'], { cwd: dir, env });
    expect(result.stderr).toMatch(/^warning: could not write the step summary to GITHUB_STEP_SUMMARY \(ENOENT\)/m);
    expect(result.stdout).toContain('Plan: 1 to create, 1 to update, 0 to delete.');
    expect(result.code).toBe(2);
  });
});

describe('the last line of an apply that exits 1', () => {
  it('says the apply failed when a write failed', async () => {
    const dir = tenant();
    sim.injectFault({ method: 'PUT', status: 400, body: { id: 'invalid.input', reason: 'refused' } });
    const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^Apply failed: \d+ done, 1 failed, \d+ not attempted\. Run plan to see what is left; apply again to finish\.$/,
    );
  });

  it('says the tenant does not match the plan when only the verifying read disagrees', async () => {
    const dir = tenant();
    // Once the PUT is in, every verifying read shows a description other than the one planned (one
    // such read alone is not believed: the verification reads again with patience).
    onRequest = (entry) => {
      if (entry.method === 'PUT')
        sim.injectFault({
          method: 'GET',
          path: /\/userPortalLink$/,
          times: 50,
          patchReply: [
            { op: 'test', path: '/list/0/name', value: 'old' },
            { op: 'replace', path: '/list/0/description', value: 'changed by someone else' },
          ],
        });
    };
    // On the fake clock, so the verification's patience is spent in timers, not in real seconds.
    const result = await cliOnFakeClock(['apply', '--auto-approve', '--parallelism', '1'], {
      cwd: dir,
      env: sim.env(),
    });
    expect(result.stdout).toMatch(/^warning: link "old" differs from the plan after apply/m);
    expect(result.stdout).not.toContain('Apply complete');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      'Apply finished with 1 change not matching the plan (warnings above). Run plan to see what is left.',
    );
    expect(result.code).toBe(1);
  });
});
