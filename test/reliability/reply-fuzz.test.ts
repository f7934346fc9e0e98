/**
 * Mutated API replies, two ways. Over HTTP: the simulator rewrites one list reply per
 * case (a field of a link or portal, or the page's counts) and `apply` runs through the CLI, so the
 * real client, reader and planner see it. Each case must end refused before any write, with the
 * endpoint named, or believed (planned and applied); which one is predicted by an oracle written
 * from the vendor's documented shapes, independently of the reply schemas, so a schema that is too
 * strict or too lax fails the test. Then 2,000 mutated live states straight into the planner: it
 * plans or refuses with a located error, never crashes, never plans a write without a valid id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveReadsDisagreeError, ManifestError } from '../../src/core/errors.js';
import type { ApiObject } from '../../src/core/types.js';
import { planChanges } from '../../src/plan-changes.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import type { SimFault, SimReplyPatch, SimSnapshot } from '../../src/sim/types.js';
import { TARGET, desired, live, liveLink } from '../support/builders.js';
import { cli } from '../support/cli.js';
import { Random } from '../support/random.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';
import { isAuthPath } from '../support/sim.js';

const CASES = 150;
const WEIRD: unknown[] = [
  null,
  0,
  7,
  -1,
  1.5,
  2 ** 64,
  '',
  ' ',
  'x'.repeat(300),
  '12345',
  '145283994705985838',
  'tab\there',
  true,
  false,
  'false',
  [],
  {},
  [{}],
  [{ id: '1' }],
  [{ id: 2 ** 60 }],
  { id: '1' },
];
const LINK_FIELDS = ['id', 'name', 'link', 'enabled', 'description', 'userPortals', 'protocol'] as const;
const PORTAL_FIELDS = ['id', 'name', 'enabled'] as const;

type Mutation =
  | { target: 'link' | 'portal'; index: number; field: string; value: unknown; remove: boolean }
  | { target: 'page'; what: 'remove-list' | 'null-list' | 'count-plus-one' | 'count-zero' };

const isId = (v: unknown) =>
  (typeof v === 'string' && /^\d{1,20}$/.test(v)) || (Number.isSafeInteger(v) && (v as number) >= 0);
const isName = (v: unknown) => typeof v === 'string' && !/[\u0000-\u001f\u007f-\u009f]/.test(v);
const isOptionalString = (v: unknown) => v === null || typeof v === 'string';

/** The oracle: does the documented shape (NOTES.md) allow this field to hold this value? */
function acceptable(field: string, value: unknown, removed: boolean): boolean {
  const required = field === 'id' || field === 'name';
  if (removed) return !required;
  switch (field) {
    case 'id':
      return isId(value);
    case 'name':
      return isName(value);
    case 'link':
      return typeof value === 'string';
    case 'enabled':
      return typeof value === 'boolean';
    case 'userPortals':
      // A link always sits on at least one portal: a read of one on none is not believed.
      return (
        Array.isArray(value) &&
        value.length > 0 &&
        value.every(
          (p: unknown) => typeof p === 'object' && p !== null && !Array.isArray(p) && isId((p as { id?: unknown }).id),
        )
      );
    default:
      return isOptionalString(value);
  }
}

function expectRefusal(m: Mutation): boolean {
  if (m.target === 'page') return m.what !== 'count-zero';
  return !acceptable(m.field, m.value, m.remove);
}

/**
 * A believable reply that leaves a link on a portal id the portal list does not hold: the two reads
 * disagree (every seeded portal has links on it, so a portal's id changed is such a case too).
 */
function expectDisagreement(m: Mutation, portalIds: readonly string[]): boolean {
  if (m.target === 'page' || m.remove || expectRefusal(m)) return false;
  if (m.target === 'link' && m.field === 'userPortals')
    return (m.value as { id: unknown }[]).some((p) => !portalIds.includes(String(p.id)));
  return m.target === 'portal' && m.field === 'id' && String(m.value) !== portalIds[m.index];
}

function patchOf(m: Mutation): { path: RegExp; patch: SimReplyPatch[] } {
  if (m.target === 'page') {
    const patch: SimReplyPatch[] =
      m.what === 'remove-list'
        ? [{ op: 'remove', path: '/list' }]
        : m.what === 'null-list'
          ? [{ op: 'replace', path: '/list', value: null }]
          : [{ op: 'replace', path: '/totalCount', value: m.what === 'count-zero' ? '0' : '4' }];
    return { path: /\/userPortalLink$/, patch };
  }
  const at = `/list/${m.index}/${m.field}`;
  const patch: SimReplyPatch[] = m.remove ? [{ op: 'remove', path: at }] : [{ op: 'add', path: at, value: m.value }];
  return { path: m.target === 'link' ? /\/userPortalLink$/ : /\/userPortal$/, patch };
}

function mutation(random: Random): Mutation {
  if (random.bool(0.12))
    return { target: 'page', what: random.pick(['remove-list', 'null-list', 'count-plus-one', 'count-zero'] as const) };
  const link = random.bool(0.8);
  const field = link ? random.pick(LINK_FIELDS) : random.pick(PORTAL_FIELDS);
  // `remove` on a field the reply omits would not apply: only remove fields every object carries.
  const remove = ['id', 'name', 'enabled'].includes(field) && random.bool(0.2);
  return {
    target: link ? 'link' : 'portal',
    index: random.int(link ? 3 : 2),
    field,
    value: random.pick(WEIRD),
    remove,
  };
}

let sim: Simulator;
let seed: SimSnapshot;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator({
    seed: {
      userPortals: [{ name: 'Eng' }, { name: 'Ops' }],
      userPortalLinks: [
        { name: 'keep', link: 'keep.example.com', portals: ['Eng'] },
        { name: 'drifted', link: 'drifted.example.com', description: 'old', portals: ['Eng', 'Ops'] },
        { name: 'delete-me', link: 'x.example.com', portals: ['Eng'] },
      ],
    },
  });
  seed = sim.snapshot();
  dir = workspace(
    portalManifests({
      Eng: [
        { name: 'keep', link: 'keep.example.com' },
        { name: 'drifted', link: 'drifted.example.com', description: 'new' },
        { name: 'new-1', link: 'n1.example.com' },
      ],
    }),
  );
});
afterAll(async () => {
  removeWorkspaces();
  await sim.close();
});

describe('mutated replies through the client, the reader and the planner', () => {
  it(`refuses every reply the documented shape does not allow, before any write (${CASES} cases)`, async () => {
    const random = new Random(1313);
    const knownIds = new Set(seed.userPortalLinks.map((l) => l.id));
    // In the portal list's order (the simulator lists portals as they were seeded).
    const portalIds = seed.userPortals.map((p) => p.id);
    let refused = 0;
    let planned = 0;
    let unresolved = 0;
    let disagreed = 0;
    for (let i = 0; i < CASES; i++) {
      const m = mutation(random);
      sim.seed(seed);
      sim.clearRequests();
      const { path, patch } = patchOf(m);
      const fault: SimFault = { method: 'GET', path, patchReply: patch };
      sim.injectFault(fault);
      const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
      const label = `case ${i}: ${JSON.stringify(m)}\n${result.stderr}`;
      expect(result.stderr, label).not.toContain('internal error');
      const writes = sim.requests.filter((r) => r.method !== 'GET' && !isAuthPath(r.path));
      if (expectRefusal(m)) {
        expect(result.code, label).toBe(1);
        expect(result.stderr, label).toMatch(/^error: GET \/userPortal(Link)?: /);
        expect(writes, label).toEqual([]);
        refused += 1;
      } else if (expectDisagreement(m, portalIds)) {
        expect(result.code, label).toBe(1);
        expect(result.stderr, label).toMatch(
          /^error: the tenant's reads disagree: link named "[^"]+" \(id \d+\) is on user portal id \d+, which GET \/userPortal did not return; /,
        );
        expect(writes, label).toEqual([]);
        disagreed += 1;
      } else {
        // Believed. A believable reply may still leave a manifest name unresolved (a portal renamed):
        // a located error before any write. Otherwise it is planned and written ("new-1" is always
        // due); the simulator may refuse a write it is given (a portal id it lacks): apply says so.
        expect(result.stderr, label).not.toMatch(/reply/);
        if (/error in the manifests/.test(result.stderr)) {
          expect(writes, label).toEqual([]);
          unresolved += 1;
          continue;
        }
        expect(writes.length, label).toBeGreaterThan(0);
        if (result.code !== 0) expect(result.stdout, label).toMatch(/^Apply failed: /m);
        // It wrote only to ids the reply gave (those of the tenant, or the one the mutation put there).
        const given = new Set(knownIds);
        if (m.target === 'link' && m.field === 'id') given.add(String(m.value));
        for (const write of writes.filter((w) => w.method !== 'POST'))
          expect(given.has(write.path.split('/').at(-1) ?? ''), label).toBe(true);
        planned += 1;
      }
    }
    console.log(
      `reply fuzz over HTTP: ${refused} replies refused before any write, ${disagreed} refused as disagreeing with the portal list, ${planned} planned and applied, ${unresolved} stopped by a manifest name the reply no longer resolves`,
    );
    expect(refused).toBeGreaterThan(CASES / 4);
    expect(planned).toBeGreaterThan(CASES / 4);
  }, 120_000);
});

const PLANNER_WEIRD: unknown[] = [
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

function mutateObject(object: ApiObject, random: Random): ApiObject {
  const copy: ApiObject = { ...object };
  const keys = [...Object.keys(copy), 'userPortals', 'iconText', 'enabled', 'id', 'name'];
  for (let n = 1 + random.int(3); n > 0; n--) {
    const key = random.pick(keys);
    if (random.bool(0.2)) delete copy[key];
    else copy[key] = random.pick(PLANNER_WEIRD);
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
      ].map((l) => (random.bool() ? mutateObject(l, random) : l));
      const settings = [
        { id: '1', clientCertificateType: 'ZAPP_CLIENT', enrollmentCertId: '13965', name: 'Client' },
      ].map((s) => (random.bool() ? mutateObject(s, random) : s));
      const l = live({ userPortalLinks: links, clientSettings: settings });
      if (random.bool(0.2)) l.userPortals = l.userPortals.map((p) => mutateObject(p, random));
      try {
        const plan = planChanges(d, l, { target: TARGET, toolVersion: 't' });
        for (const change of plan.changes)
          if (change.action === 'update' || change.action === 'delete') expect(change.id, `case ${i}`).toMatch(/^\d+$/);
        planned += 1;
      } catch (error) {
        // A located error, or (a link's portal mutated to an id the portal list lacks) the reads disagree.
        if (!(error instanceof LiveReadsDisagreeError)) expect(error, `case ${i}`).toBeInstanceOf(ManifestError);
        refused += 1;
      }
    }
    // Both paths must be exercised in earnest: a mutator that broke nothing, or a planner that
    // refused everything, would fail here.
    expect(planned).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(200);
  });
});
