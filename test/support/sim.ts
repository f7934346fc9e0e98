/** Starting the simulator (and a client) for a test file, and the seeds the end-to-end tests share. */
import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../../src/core/clock.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { settingsFromEnv, ZpaClient } from '../../src/zpa/index.js';
import type { RequestLogEntry, SeedLink, SimSeed } from '../../src/sim/types.js';
import type { ManifestLink } from './workspace.js';

export function portalNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `portal-${String(i).padStart(3, '0')}`);
}

/** `count` links spread round-robin over `portals` portals, as seed links and as manifest links. */
export function spreadLinks(
  count: number,
  portals: number,
): { seed: SeedLink[]; manifests: Record<string, ManifestLink[]> } {
  const names = portalNames(portals);
  const seed: SeedLink[] = [];
  const manifests: Record<string, ManifestLink[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < count; i++) {
    const portal = names[i % portals] ?? 'portal-000';
    const link = {
      name: `link-${String(i).padStart(5, '0')}`,
      link: `app-${i}.corp.example.com`,
      protocol: 'https://',
      description: `App ${i}`,
    };
    seed.push({ ...link, portals: [portal] });
    manifests[portal]?.push(link);
  }
  return { seed, manifests };
}

export function tenantSeed(portals: number, links: SeedLink[] = []): SimSeed {
  return { userPortals: portalNames(portals).map((name) => ({ name })), userPortalLinks: links };
}

/** A sign-in call (legacy `/signin` or OneAPI's `/oauth2/...`), as opposed to an API call. */
export const isAuthPath = (path: string): boolean => /\/signin$|\/oauth2\//.test(path);

/** The write calls (POST, PUT, DELETE) the simulator logged, sign-in left out, oldest first. */
export function apiWrites(sim: Pick<Simulator, 'requests'>): RequestLogEntry[] {
  return sim.requests.filter((r) => r.method !== 'GET' && !isAuthPath(r.path));
}

type SimOptions = NonNullable<Parameters<typeof startSimulator>[0]>;

/** A test file's simulator and client, usable from its first test to its last. */
export interface SharedSim {
  readonly sim: Simulator;
  readonly client: ZpaClient;
}

/**
 * One simulator and one client for a whole test file: started before its first test, closed after
 * its last. The client's budget (1,000 calls of each sort per 10 s) is far above what any test
 * makes, so no test waits on a rate-limit window; the simulator enforces none unless `sim` says so.
 * `clock`, when given, drives both.
 */
export function shareSimAndClient(options: { sim?: SimOptions; clock?: Clock } = {}): SharedSim {
  let started: SharedSim | undefined;
  beforeAll(async () => {
    const clock = options.clock ? { clock: options.clock } : {};
    const sim = await startSimulator({ ...options.sim, ...clock });
    const client = new ZpaClient({
      settings: settingsFromEnv({ ...sim.env() }),
      rateLimits: { get: 1000, write: 1000, windowMs: 10_000 },
      ...clock,
    });
    started = { sim, client };
  });
  afterAll(async () => {
    started?.client.close();
    await started?.sim.close();
  });
  const get = (): SharedSim => {
    if (started === undefined) throw new Error('the shared simulator is used before beforeAll started it');
    return started;
  };
  return {
    get sim() {
      return get().sim;
    },
    get client() {
      return get().client;
    },
  };
}
