/** Starting the simulator for a test file, and the seeds the end-to-end tests share. */
import type { Simulator } from '../../src/sim/index.js';
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
