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
const GOLDEN = 'sha256:1827936385feedbe7b0e4187a0b4629e21bd1bedc1355af9a891d220c07ef259';

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

  it('ignores what neither apply nor a rendering of the changes reads: tool version, unreferenced names, no-ops, locations', () => {
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
      names: { ...plan.names, userPortals: { ...plan.names['userPortals'], '99': 'Unrelated portal' } },
      changes: [...plan.changes.map(({ declaredAt: _at, ...change }) => change as Plan['changes'][number]), noOp],
    };
    expect(digestPlan(decorated)).toBe(GOLDEN);
  });

  it('covers what a rendering shows and the safety verdict is worked out from: names, reasons, warnings, live counts', () => {
    const plan = makePlan();
    const [portalId] = Object.keys(plan.names['userPortals'] ?? {});
    if (portalId === undefined) throw new Error('the sample plan names a portal');
    const deleteIndex = plan.changes.findIndex((c) => c.action === 'delete' && c.reason === 'prune');
    const pruned = plan.changes[deleteIndex];
    if (pruned?.action !== 'delete') throw new Error('the sample plan prunes a link');
    const basis = { thresholds: { prune: 0.3, update: 0.3, minimum: 10 }, managed: [] };
    const guarded = (live: number, prune = 0.3): Plan['safety'] => ({
      safe: true,
      reasons: [],
      basis: {
        ...basis,
        thresholds: { ...basis.thresholds, prune },
        managed: [{ kind: 'userPortalLink', counted: 'live links', live }],
      },
    });
    const variants: Record<string, Plan> = {
      name: { ...plan, names: { ...plan.names, userPortals: { ...plan.names['userPortals'], [portalId]: 'Renamed' } } },
      reason: {
        ...plan,
        changes: plan.changes.map((c, i) => (i === deleteIndex ? { ...pruned, reason: 'absent' } : c)),
      },
      warnings: { ...plan, warnings: [{ severity: 'warning', code: 'w', message: 'm' }] },
      guarded: { ...plan, safety: guarded(20) },
      'live count': { ...plan, safety: guarded(200) },
      threshold: { ...plan, safety: guarded(20, 0.9) },
    };
    const seen = new Set([GOLDEN]);
    for (const [name, variant] of Object.entries(variants)) {
      const digest = digestPlan(variant);
      expect(seen.has(digest), name).toBe(false);
      seen.add(digest);
    }
    // Below its minimum a guard never makes a plan unsafe: its numbers leave the digest alone.
    expect(digestPlan({ ...plan, safety: guarded(9) })).toBe(GOLDEN);
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
