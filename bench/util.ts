/** Shared pieces of the benchmark: rows, medians, simulator counting, tenant and desired-state builders. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DesiredLink, DesiredState, LiveState } from '../src/core/types.js';
import type { Simulator, SimSeed } from '../src/sim/index.js';
import { ZpaClient, settingsFromEnv } from '../src/zpa/index.js';
import type { RateLimits } from '../src/zpa/index.js';

export interface Row {
  section: string;
  name: string;
  figure: number;
  unit: string;
  /** Lower bound or floor the figure is compared with; null when there is none. */
  bound: number | null;
  /** A second comparison: the naive one-call-per-object figure. */
  baseline?: number | null;
  ratio: number | null;
  goal: string;
  meets: boolean | null;
  note?: string;
}

/**
 * CPU time (user + sys, every thread of this process) since `start`, in ms: on a machine others
 * share, the wall time of an in-process row follows their load, and this much less.
 */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function ratio(figure: number, bound: number | null): number | null {
  return bound === null || bound === 0 ? null : figure / bound;
}

const LOC = { file: 'bench.yaml', line: 1, col: 1 };
export const portalName = (p: number): string => `portal-${p}`;
export const linkName = (l: number): string => `link-${l}`;
/** Link l sits on portal l mod portals. */
export const portalOf = (l: number, portals: number): string => portalName(l % portals);

/** Most links a portal holds in ZPA (and the simulator). */
export const PORTAL_LINK_CAP = 500;

export function tenantSeed(links: number, portals: number, description = (l: number) => `Application ${l}`): SimSeed {
  return {
    userPortals: Array.from({ length: portals }, (_, p) => ({ name: portalName(p) })),
    userPortalLinks: Array.from({ length: links }, (_, l) => ({
      name: linkName(l),
      link: `app-${l}.corp.example.com`,
      description: description(l),
      portals: [portalOf(l, portals)],
    })),
  };
}

export interface DesiredOptions {
  /** Links 0..links-1 minus those `skip` returns true for. */
  skip?: (l: number) => boolean;
  description?: (l: number) => string;
}

export function desiredState(links: number, portals: number, options: DesiredOptions = {}): DesiredState {
  const describe = options.description ?? ((l: number) => `Application ${l}`);
  const desiredLinks: DesiredLink[] = [];
  for (let l = 0; l < links; l++) {
    if (options.skip?.(l)) continue;
    const portal = portalOf(l, portals);
    desiredLinks.push({
      name: linkName(l),
      fields: { link: `app-${l}.corp.example.com`, description: describe(l) },
      portals: [portal],
      location: LOC,
    });
  }
  return {
    clientSettings: [],
    portals: Array.from({ length: portals }, (_, p) => ({ name: portalName(p), prune: true, location: LOC })),
    links: desiredLinks,
    files: ['bench.yaml'],
  };
}

/** Live state as the API would return it for `tenantSeed`, built in memory. */
export function liveState(links: number, portals: number): LiveState {
  const userPortals = Array.from({ length: portals }, (_, p) => ({ id: String(1000 + p), name: portalName(p) }));
  const userPortalLinks = Array.from({ length: links }, (_, l) => {
    const portal = userPortals[l % portals]!;
    return {
      id: String(100000 + l),
      name: linkName(l),
      link: `app-${l}.corp.example.com`,
      description: `Application ${l}`,
      enabled: true,
      userPortals: [portal],
    };
  });
  return { clientSettings: [], userPortalLinks, userPortals };
}

/** Limits so generous the client never waits. */
export const NO_LIMITS: RateLimits = { get: 1_000_000, write: 1_000_000, windowMs: 1 };

export function clientFor(sim: Simulator, rateLimits: RateLimits = NO_LIMITS): ZpaClient {
  return new ZpaClient({ settings: settingsFromEnv({ ...sim.env() }), rateLimits });
}

const isAuth = (path: string): boolean => path.endsWith('/signin') || path.includes('/oauth2/');
export const countGets = (sim: Simulator): number =>
  sim.requests.filter((r) => r.method === 'GET' && !isAuth(r.path)).length;
export const countWrites = (sim: Simulator): number =>
  sim.requests.filter((r) => r.method !== 'GET' && !isAuth(r.path)).length;
export const count429 = (sim: Simulator): number => sim.requests.filter((r) => r.status === 429).length;

/** One manifest file per portal, as a team would keep them; link l on portal l mod portals. Returns the folder. */
export async function writePortalManifests(
  links: number,
  portals: number,
  describe: (l: number) => string = (l) => `Application ${l}`,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zpa-gitops-bench-manifests-'));
  for (let p = 0; p < portals; p++) {
    const lines = ['apiVersion: zpa-gitops/v1', 'userPortals:', `  ${portalName(p)}:`, '    links:'];
    for (let l = p; l < links; l += portals)
      lines.push(
        `      - name: ${linkName(l)}`,
        `        link: app-${l}.corp.example.com`,
        `        description: ${describe(l)}`,
      );
    await writeFile(join(dir, `${portalName(p)}.yaml`), `${lines.join('\n')}\n`);
  }
  return dir;
}
