/**
 * Properties of the pure planner over random states: a tenant that already matches its manifests
 * plans no changes, and the order in which manifests or the API list things never changes a plan.
 */
import { describe, expect, it } from 'vitest';
import type { ApiObject, DesiredState, LiveState } from '../../src/core/types.js';
import { planChanges } from '../../src/plan-changes.js';
import { TARGET, desired, live, livePortals, type LinkSpec, type BuiltLive } from '../support/builders.js';
import { Random } from '../support/random.js';

const PORTALS = ['Engineering', 'Ops', 'Sales', 'Legacy'];
const NAMES = ['Grafana', 'Jira', 'R&D wiki', 'Q <A>', 'Build "CI"', 'HR', 'Payroll', 'VPN', 'Docs', 'Status'];
const plan = (d: DesiredState, l: LiveState) => planChanges(d, l, { target: TARGET, toolVersion: 'test' });

function randomDesired(random: Random): DesiredState {
  const portals = random.subset(PORTALS, 1);
  const links: LinkSpec[] = random.subset(NAMES).map((name) => ({
    name,
    portals: random.subset(portals, 1),
    ...(random.bool() ? { description: random.pick(['', 'Team & tools', 'line one\nline two']) } : {}),
    ...(random.bool() ? { linkPath: '/d/home' } : {}),
    ...(random.bool() ? { protocol: random.pick(['https://', 'http://']) } : {}),
    ...(random.bool(0.2) ? { enabled: false } : {}),
    ...(random.bool(0.2) ? { icon: { fileName: 'i.png', dataUri: 'data:image/png;base64,iVBORw0KGgo=' } } : {}),
  }));
  return desired({ portals: portals.map((name) => (random.bool(0.8) ? name : { name, prune: false })), links });
}

/** The live state apply would leave: every create's after-state, as the API reads it back. */
function converged(d: DesiredState, random: Random): BuiltLive {
  let id = 145283994705990000n;
  const links: ApiObject[] = plan(d, live({})).changes.flatMap((change) => {
    if (change.action !== 'create') return [];
    const object: ApiObject = { id: String(id++), modifiedTime: '1' };
    for (const [field, value] of Object.entries(change.after)) {
      if (field === 'userPortals')
        object[field] = (value as string[]).map((pid) => livePortals(...PORTALS).find((p) => p['id'] === pid));
      // The API omits empty fields and may HTML-escape names and descriptions.
      else if (value !== '')
        object[field] =
          typeof value === 'string' && (field === 'name' || field === 'description') && random.bool()
            ? value.replace(/&/g, '&amp;')
            : value;
    }
    return [object];
  });
  return live({ userPortalLinks: links });
}

describe('planner properties', () => {
  it('plans nothing for a tenant that matches its manifests (500 random states)', () => {
    const random = new Random(20261123);
    for (let i = 0; i < 500; i++) {
      const d = randomDesired(random);
      const result = plan(d, converged(d, random));
      expect(
        result.changes.filter((c) => c.action !== 'no-op'),
        `case ${i}`,
      ).toEqual([]);
      expect(result.counts.noOp).toBe(d.links.length);
    }
  });

  it('gives the same plan whatever the order of manifests and API lists (500 random states)', () => {
    const random = new Random(7);
    for (let i = 0; i < 500; i++) {
      const d = randomDesired(random);
      const other = randomDesired(random);
      const l = converged(other, random);
      const shuffledDesired: DesiredState = {
        ...d,
        links: random.shuffle(d.links),
        portals: random.shuffle(d.portals),
      };
      const shuffledLive: LiveState = {
        ...l,
        userPortalLinks: random.shuffle(l.userPortalLinks),
        userPortals: random.shuffle(l.userPortals),
      };
      expect(JSON.stringify(plan(shuffledDesired, shuffledLive)), `case ${i}`).toBe(JSON.stringify(plan(d, l)));
    }
  });
});
