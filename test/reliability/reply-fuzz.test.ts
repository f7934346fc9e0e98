/**
 * Random mutations of valid API replies fed to the planner: it plans or refuses with a located
 * error, never crashes, and never plans a write for an object whose reply did not make sense.
 */
import { describe, expect, it } from 'vitest';
import { ManifestError } from '../../src/core/errors.js';
import type { ApiObject } from '../../src/core/types.js';
import { planChanges } from '../../src/plan-changes.js';
import { TARGET, desired, live, liveLink } from '../support/builders.js';
import { Random } from '../support/random.js';

const WEIRD: unknown[] = [
  null,
  0,
  -1,
  2 ** 64,
  '',
  ' ',
  'x'.repeat(5000),
  true,
  false,
  [],
  {},
  [{}],
  { id: {} },
  '&amp;&#xZZ;&#99999999;',
  'data:image/png;base64,%%%',
];

function mutate(object: ApiObject, random: Random): ApiObject {
  const copy: ApiObject = { ...object };
  const keys = [...Object.keys(copy), 'userPortals', 'iconText', 'enabled', 'id', 'name'];
  for (let n = 1 + random.int(3); n > 0; n--) {
    const key = random.pick(keys);
    if (random.bool(0.2)) delete copy[key];
    else copy[key] = random.pick(WEIRD);
  }
  return copy;
}

describe('planner fed mutated replies', () => {
  it('never crashes on 2,000 mutated live states', () => {
    const random = new Random(99);
    const d = desired({
      portals: ['Engineering', 'Ops'],
      links: [
        { name: 'Grafana', portals: ['Engineering'] },
        { name: 'Jira', portals: ['Ops'] },
      ],
      clientSettings: [
        {
          type: 'ZAPP_CLIENT',
          absent: false,
          enrollmentCert: { name: 'Client' },
          location: { file: 'm.yaml', line: 1, col: 1 },
        },
      ],
    });
    let planned = 0;
    let refused = 0;
    for (let i = 0; i < 2000; i++) {
      const links = [
        liveLink({ name: 'Grafana', portals: ['Engineering'] }),
        liveLink({ name: 'Old', portals: ['Ops'] }),
      ].map((l) => (random.bool() ? mutate(l, random) : l));
      const settings = [
        { id: '1', clientCertificateType: 'ZAPP_CLIENT', enrollmentCertId: '13965', name: 'Client' },
      ].map((s) => (random.bool() ? mutate(s, random) : s));
      const l = live({ userPortalLinks: links, clientSettings: settings });
      if (random.bool(0.2)) l.userPortals = l.userPortals.map((p) => mutate(p, random));
      try {
        const plan = planChanges(d, l, { target: TARGET, toolVersion: 't' });
        for (const change of plan.changes)
          if (change.action === 'update' || change.action === 'delete') expect(change.id, `case ${i}`).toMatch(/^\d+$/);
        planned += 1;
      } catch (error) {
        expect(error, `case ${i}`).toBeInstanceOf(ManifestError);
        refused += 1;
      }
    }
    expect(planned + refused).toBe(2000);
    expect(planned).toBeGreaterThan(0);
  });
});
