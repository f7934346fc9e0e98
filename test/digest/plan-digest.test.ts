/** The plan digest: the same plan gives the same digest anywhere; any change of target or change differs. */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/types.js';
import { canonicalJson, digestMatches, digestPlan } from '../../src/digest/plan-digest.js';
import { planChanges } from '../../src/plan-changes.js';
import { TARGET, at, desired, live, liveLink, type LinkSpec } from '../support/builders.js';
import { Random } from '../support/random.js';

const LINKS: LinkSpec[] = [
  { name: 'Grafana', portals: ['Engineering', 'Ops'], description: 'Dashboards' },
  { name: 'Jira', portals: ['Engineering'], description: 'Tickets' },
  { name: 'Wiki', portals: ['Engineering'] },
];

function makePlan(order = 0, target = TARGET, toolVersion = '0.0.0-test', targets?: string[]): Plan {
  const random = new Random(order);
  const links = order === 0 ? LINKS : random.shuffle(LINKS);
  const liveLinks = [
    liveLink({ id: '145283994705985864', name: 'Jira', portals: ['Engineering'], description: 'Old' }),
    liveLink({ id: '145283994705985865', name: 'Wiki', portals: ['Engineering'] }),
    liveLink({ id: '145283994705985867', name: 'Retired', portals: ['Ops'] }),
  ];
  return planChanges(
    desired({
      portals: ['Engineering', 'Ops'],
      links,
      clientSettings: [{ type: 'APP_PROTECTION', absent: true, location: at(5) }],
    }),
    live({
      userPortalLinks: order === 0 ? liveLinks : random.shuffle(liveLinks),
      clientSettings: [{ id: '16239', clientCertificateType: 'APP_PROTECTION', name: 'x', enrollmentCertId: '13965' }],
    }),
    { target, toolVersion, ...(targets ? { targets } : {}) },
  );
}

/** Computed once and committed: a digest that moved means reviewed plans would stop applying. */
const GOLDEN = 'sha256:81594af44f68a35ac50198747f537ffafd01d1747d2971a6943f2f64d9ee8603';

describe('plan digest', () => {
  it('is a sha256 over the canonical target and changes, equal to the golden value', () => {
    const plan = makePlan();
    expect(plan.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(plan.digest).toBe(GOLDEN);
    expect(digestMatches(plan)).toBe(true);
  });

  it('does not depend on the order manifests or API replies list things in', () => {
    for (let seed = 1; seed <= 20; seed++) expect(makePlan(seed).digest, `seed ${seed}`).toBe(GOLDEN);
  });

  it('ignores what does not change what apply would do: tool version, names, warnings, no-ops', () => {
    const plan = makePlan(0, TARGET, '9.9.9');
    expect(plan.digest).toBe(GOLDEN);
    const noOp = {
      kind: 'userPortalLink',
      action: 'no-op',
      key: 'Zed',
      id: '1',
      before: {},
      fingerprint: 'f',
    } as const;
    const decorated: Plan = {
      ...plan,
      names: { userPortals: {}, enrollmentCerts: {} },
      warnings: [{ severity: 'warning', code: 'w', message: 'm' }],
      changes: [...plan.changes, noOp],
    };
    expect(digestPlan(decorated)).toBe(GOLDEN);
  });

  it('differs between a targeted and an untargeted plan of the same changes', () => {
    const everything = ['portal:Engineering', 'portal:Ops', 'client-settings'];
    const targeted = makePlan(0, TARGET, '0.0.0-test', everything);
    const full = makePlan();
    expect(targeted.changes).toEqual(full.changes);
    expect(targeted.targets).toEqual([...everything].sort());
    expect(targeted.digest).not.toBe(full.digest);
    expect(digestMatches(targeted)).toBe(true);
  });

  it('differs for any other target', () => {
    for (const field of ['host', 'customerId', 'microtenantId'] as const) {
      const target = { ...TARGET, [field]: field === 'host' ? 'https://config.zpabeta.net' : '216196257331281921' };
      expect(makePlan(0, target).digest, field).not.toBe(GOLDEN);
    }
  });

  it('differs for any change of a change: key, id, action, fingerprint, after-state, order, one more or one fewer', () => {
    const plan = makePlan();
    const index = plan.changes.findIndex((c) => c.action === 'update');
    const update = plan.changes[index];
    if (update?.action !== 'update') throw new Error('the sample plan has an update');
    const variants: Record<string, Plan['changes']> = {
      key: [{ ...update, key: 'Jira2' }],
      id: [{ ...update, id: '145283994705985999' }],
      fingerprint: [{ ...update, fingerprint: '0000000000000000' }],
      after: [{ ...update, after: { ...update.after, description: 'Tickets!' } }],
      action: [
        {
          kind: update.kind,
          action: 'delete',
          key: update.key,
          id: update.id,
          before: update.before,
          fingerprint: update.fingerprint,
          reason: 'prune',
        },
      ],
    };
    const seen = new Set([GOLDEN]);
    for (const [name, replacement] of Object.entries(variants)) {
      const changes = [...plan.changes];
      changes.splice(index, 1, ...replacement);
      const digest = digestPlan({ ...plan, changes });
      expect(seen.has(digest), name).toBe(false);
      seen.add(digest);
    }
    expect(digestPlan({ ...plan, changes: plan.changes.slice(1) })).not.toBe(GOLDEN);
    expect(digestPlan({ ...plan, changes: [...plan.changes].reverse() })).not.toBe(GOLDEN);
    expect(
      digestPlan({
        ...plan,
        changes: [...plan.changes, { kind: 'userPortalLink', action: 'create', key: 'New', after: {} }],
      }),
    ).not.toBe(GOLDEN);
  });

  it('notices a plan whose content no longer matches its digest', () => {
    const plan = makePlan();
    const create = plan.changes.find((c) => c.action === 'create');
    if (create?.action !== 'create') throw new Error('the sample plan has a create');
    create.after['link'] = 'evil.example.com';
    expect(digestMatches(plan)).toBe(false);
  });

  it('serialises canonically: keys sorted, no whitespace, strings escaped as JSON', () => {
    expect(canonicalJson({ b: [1, { d: null, c: 'x"y' }], a: true })).toBe('{"a":true,"b":[1,{"c":"x\\"y","d":null}]}');
  });
});
