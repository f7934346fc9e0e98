/**
 * zpa-gitops against the hand-written script (hand-script.ts), both as fresh processes on the same
 * simulator in the same run, taking turns so both meet the same machine load. Wall time includes
 * start-up, as a CI job pays it.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { RateLimits } from '../src/zpa/index.js';
import { PUBLISHED_RATE_LIMITS } from '../src/zpa/index.js';
import type { Simulator } from '../src/sim/index.js';
import { median, tenantSeed, writePortalManifests, type Row } from './util.js';

const run = promisify(execFile);
const CLI = 'dist/cli/main.js';
const SCRIPT = 'dist-scripts/bench/hand-script.js';
const SECTION = 'Against a hand-written script (fresh processes, wall time)';

const limitsVariable = (l: RateLimits): string => `get=${l.get}/${l.windowMs}ms,write=${l.write}/${l.windowMs}ms`;

async function timed(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  await run(process.execPath, args, { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return performance.now() - started;
}

export async function nodeStartMs(runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(['-e', '0'], {}));
  return median(times);
}

interface Case {
  name: string;
  links: number;
  portals: number;
  describe: (l: number) => string;
  command: 'plan' | 'apply';
  limits: RateLimits;
  runs: number;
}

async function compare(sim: Simulator, c: Case, nodeMs: number): Promise<Row> {
  const dir = await writePortalManifests(c.links, c.portals, c.describe);
  const env = {
    ...sim.env(),
    ZPA_GITOPS_RATE_LIMITS: limitsVariable(c.limits),
    HAND_WINDOW_MS: String(c.limits.windowMs),
  };
  const ours = c.command === 'plan' ? [CLI, 'plan', dir] : [CLI, 'apply', dir, '--auto-approve'];
  const theirs = [SCRIPT, c.command, dir];
  const times = { ours: [] as number[], theirs: [] as number[] };
  let scriptRefused = 0;
  try {
    for (let i = 0; i < c.runs; i++) {
      for (const who of i % 2 === 0 ? (['ours', 'theirs'] as const) : (['theirs', 'ours'] as const)) {
        sim.reset();
        sim.seed(tenantSeed(c.links, c.portals));
        sim.setRateLimits(c.limits); // fresh windows: each process starts with the whole budget
        sim.clearRequests();
        times[who].push(await timed(who === 'ours' ? ours : theirs, env));
        const refused = sim.requests.filter((r) => r.status === 429).length;
        if (who === 'ours' && refused > 0) throw new Error(`${c.name}: zpa-gitops met ${refused} 429s`);
        scriptRefused += who === 'theirs' ? refused : 0;
      }
    }
  } finally {
    sim.setRateLimits(false);
    await rm(dir, { recursive: true, force: true });
  }
  const ms = median(times.ours);
  const script = median(times.theirs);
  return {
    section: SECTION,
    name: `${c.name}: median of ${c.runs}`,
    figure: Math.round(ms),
    unit: 'ms',
    bound: Math.round(script),
    ratio: ms / script,
    goal: '≤ 1.0× script',
    meets: ms <= script,
    note: `node -e 0: ${Math.round(nodeMs)} ms${scriptRefused > 0 ? `; the script met ${scriptRefused} 429s` : ''}`,
  };
}

export async function benchVersusScript(sim: Simulator, nodeMs: number): Promise<Row[]> {
  const same = (l: number): string => `Application ${l}`;
  const cases: Case[] = [
    {
      name: 'plan 1,000 links / 10 portals, converged, published limits',
      links: 1_000,
      portals: 10,
      describe: same,
      command: 'plan',
      limits: PUBLISHED_RATE_LIMITS,
      runs: 5,
    },
    {
      name: 'plan 10,000 links / 100 portals, converged, published limits',
      links: 10_000,
      portals: 100,
      describe: same,
      command: 'plan',
      limits: PUBLISHED_RATE_LIMITS,
      runs: 3,
    },
    {
      name: 'apply 50 updates among 1,000 links (window 1 s)',
      links: 1_000,
      portals: 10,
      describe: (l) => (l % 20 === 0 ? `Changed ${l}` : `Application ${l}`),
      command: 'apply',
      limits: { ...PUBLISHED_RATE_LIMITS, windowMs: 1_000 },
      runs: 3,
    },
  ];
  const rows: Row[] = [];
  for (const c of cases) rows.push(await compare(sim, c, nodeMs));
  return rows;
}
