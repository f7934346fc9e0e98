/** Starting the simulator for a test file, and the seeds the end-to-end tests share. */
import type { SimSeed, SeedLink } from '../../src/sim/types.js';
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
