/**
 * The fault table: each row injects a fault into the simulator (published limits enforced) and runs
 * `apply` through the CLI. Every row must end converged or with an exact account; no link may be
 * created twice; nothing outside the plan may change; and a second run must converge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED_RATE_LIMITS, startSimulator, type Simulator } from '../../src/sim/index.js';
import type { SimFault } from '../../src/sim/types.js';
import { cliOnFakeClock } from '../support/fake-clock-cli.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ rateLimits: PUBLISHED_RATE_LIMITS });
});
afterAll(async () => {
  removeWorkspaces();
  await sim.close();
  console.log(
    ['', '| fault | command | first run | account | second run |', '|---|---|---|---|---|', ...table].join('\n'),
  );
});

const table: string[] = [];
const EXPECTED = ['drifted', 'keep', 'new-1', 'new-2', 'new-ops', 'untouched'];

function seedTenant(): string {
  sim.reset();
  sim.seed({
    userPortals: [{ name: 'Eng' }, { name: 'Ops' }, { name: 'Other' }],
    userPortalLinks: [
      { name: 'keep', link: 'keep.example.com', portals: ['Eng'] },
      { name: 'drifted', link: 'drifted.example.com', description: 'old', portals: ['Eng'] },
      { name: 'delete-me', link: 'x.example.com', portals: ['Ops'] },
      { name: 'untouched', link: 'u.example.com', description: 'not ours', portals: ['Other'] },
    ],
  });
  return workspace(
    portalManifests({
      Eng: [
        { name: 'keep', link: 'keep.example.com' },
        { name: 'drifted', link: 'drifted.example.com', description: 'new' },
        { name: 'new-1', link: 'n1.example.com' },
        { name: 'new-2', link: 'n2.example.com' },
      ],
      Ops: [{ name: 'new-ops', link: 'o.example.com' }],
    }),
  );
}

interface Row {
  fault: string;
  inject: SimFault[];
  /** Whether the first run may fail (with an exact account) rather than converge. */
  mayFail?: boolean;
}

const rows: Row[] = [
  {
    fault: '429 burst on reads',
    inject: [{ method: 'GET', path: /userPortalLink/, status: 429, headers: { 'retry-after': '1s' }, times: 2 }],
  },
  {
    fault: '429 burst on writes',
    inject: [{ method: 'POST', path: /userPortalLink/, status: 429, headers: { 'retry-after': '1s' }, times: 3 }],
  },
  { fault: '5xx on a read', inject: [{ method: 'GET', path: /userPortal$/, status: 503, times: 2 }] },
  { fault: '5xx on a PUT', inject: [{ method: 'PUT', status: 500, times: 2 }] },
  { fault: '5xx on a DELETE', inject: [{ method: 'DELETE', status: 502, times: 2 }] },
  // A lost reply whose write never shows is "not confirmed yet" once the reads' patience runs out,
  // never sent again (a read that lags could be hiding it): the first run fails, the second converges.
  {
    fault: '5xx on a bulk POST (not applied)',
    inject: [{ method: 'POST', path: /bulk$/, status: 500 }],
    mayFail: true,
  },
  {
    fault: 'connection reset before a POST is applied',
    inject: [{ method: 'POST', path: /userPortalLink$/, resetBeforeApply: true }],
    mayFail: true,
  },
  {
    fault: 'connection reset after a bulk POST was applied',
    inject: [{ method: 'POST', path: /bulk$/, resetAfterApply: true }],
  },
  { fault: 'connection reset after a PUT was applied', inject: [{ method: 'PUT', resetAfterApply: true }] },
  {
    fault: 'token revoked mid-run (401)',
    inject: [{ method: 'PUT', status: 401, body: { id: 'invalid.token', reason: 'token revoked' } }],
  },
  {
    fault: 'malformed JSON reply to a read',
    inject: [{ method: 'GET', path: /userPortalLink$/, malformedJson: true }],
    mayFail: true,
  },
  {
    fault: 'a page that lies about totalPages (missing list)',
    inject: [{ method: 'GET', path: /userPortalLink$/, lieTotalPages: true }],
  },
  {
    fault: 'server validation error mid-apply',
    inject: [{ method: 'PUT', status: 400, body: { id: 'invalid.input', reason: 'Link is not valid' } }],
    mayFail: true,
  },
  { fault: 'bulk create applied only in part', inject: [{ method: 'POST', path: /bulk$/, partialBulk: 1 }] },
];

type Mode = 'apply' | 'apply --plan' | 'plan';
const cases: (Row & { mode: Mode })[] = [
  ...rows.map((row) => ({ ...row, mode: 'apply' as const })),
  ...rows.map((row) => ({ ...row, mode: 'apply --plan' as const })),
  ...rows
    .filter((row) => row.inject.every((f) => f.method === 'GET'))
    .map((row) => ({ ...row, mode: 'plan' as const })),
];

describe('fault table', () => {
  it.each(cases)('$fault ($mode)', async (row) => {
    const dir = seedTenant();
    if (row.mode === 'apply --plan')
      expect((await cliOnFakeClock(['plan', '--out', 'plan.json'], { cwd: dir, env: sim.env() })).code).toBe(0);
    for (const fault of row.inject) sim.injectFault(fault);
    const argv =
      row.mode === 'plan'
        ? ['plan']
        : row.mode === 'apply'
          ? ['apply', '--auto-approve', '--parallelism', '2']
          : ['apply', '--plan', 'plan.json', '--parallelism', '2'];
    const first = await cliOnFakeClock(argv, { cwd: dir, env: sim.env() });
    const names = sim.snapshot().userPortalLinks.map((l) => l.name);
    expect(new Set(names).size, 'no link created twice').toBe(names.length);
    expect(sim.snapshot().userPortalLinks.find((l) => l.name === 'untouched')).toMatchObject({
      description: 'not ours',
      userPortalIds: [expect.any(String)],
    });
    const account =
      /Apply (complete|failed): [^\n]*/.exec(first.stdout)?.[0] ??
      /Plan: [^\n]*/.exec(first.stdout)?.[0] ??
      first.stderr.trim().split('\n')[0] ??
      '';
    if (first.code !== 0) {
      expect(row.mayFail, `${row.fault}: ${first.stdout}${first.stderr}`).toBe(true);
      expect(first.stderr.includes('error') || /failed/.test(first.stdout)).toBe(true);
    }
    if (row.mode === 'plan' && first.code === 0)
      expect(first.stdout).toContain('Plan: 3 to create, 1 to update, 1 to delete.');
    const second = await cliOnFakeClock(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    const plan = await cliOnFakeClock(['plan', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
    expect(plan.code).toBe(0);
    expect(
      sim
        .snapshot()
        .userPortalLinks.map((l) => l.name)
        .sort(),
    ).toEqual(EXPECTED);
    table.push(`| ${row.fault} | ${row.mode} | exit ${first.code} | ${account.replace(/\|/g, '/')} | converged |`);
  });
});
