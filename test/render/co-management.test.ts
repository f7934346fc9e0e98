/** Golden text and Markdown for targets, ignore patterns, ignored fields and the update guard. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/types.js';
import { planChanges } from '../../src/plan-changes.js';
import { renderPlan } from '../../src/render/plan.js';
import { PLAIN } from '../../src/render/style.js';
import { TARGET, at, desired, live, liveLink } from '../support/builders.js';
import { expectGolden } from '../support/golden.js';

const golden = (name: string) => fileURLToPath(new URL(`golden/${name}`, import.meta.url));
const options = { target: TARGET, toolVersion: '0.0.0-test' };

function expectGoldens(plan: Plan, name: string): void {
  expectGolden(renderPlan(plan, { format: 'text', style: PLAIN }), golden(`${name}.txt`));
  expectGolden(renderPlan(plan, { format: 'markdown' }), golden(`${name}.md`));
}

/** Changes on Engineering, on Ops, on a link shared by both, and on a client setting. */
function sharedTenant(targets?: string[]): Plan {
  const d = desired({
    portals: ['Engineering', 'Ops'],
    links: [
      { name: 'Grafana', portals: ['Engineering', 'Ops'], description: 'Dashboards' },
      { name: 'Pager', portals: ['Ops'], description: 'On call' },
      { name: 'Jira', portals: ['Engineering'], description: 'Tickets' },
    ],
    clientSettings: [{ type: 'ZAPP_CLIENT', absent: false, enrollmentCert: { name: 'Client' }, location: at(3) }],
  });
  const l = live({
    userPortalLinks: [
      liveLink({ id: '145283994705985864', name: 'Grafana', portals: ['Engineering', 'Ops', 'Sales'] }),
      liveLink({ id: '145283994705985865', name: 'Jira', portals: ['Engineering'] }),
      liveLink({ id: '145283994705985866', name: 'Old runbook', portals: ['Ops'] }),
    ],
  });
  return planChanges(d, l, { ...options, ...(targets ? { targets } : {}) });
}

describe('targeted plans', () => {
  it('say they are partial, and what a shared link also alters (golden)', () => {
    const plan = sharedTenant(['portal:Ops']);
    expect(plan.targets).toEqual(['portal:Ops']);
    expect(plan.changes.map((c) => c.key)).toEqual(['Pager', 'Grafana', 'Old runbook']);
    expectGoldens(plan, 'targeted');
  });

  it('record their targets sorted, and leave a full plan without any', () => {
    expect(sharedTenant(['link:Jira', 'client-settings', 'link:Jira']).targets).toEqual([
      'client-settings',
      'link:Jira',
    ]);
    expect('targets' in sharedTenant()).toBe(false);
  });

  it('refuse a target that matches nothing, with the nearest address', () => {
    // In the library's words; the CLI says `--target link:jira` (test/e2e/targets.test.ts).
    expect(() => sharedTenant(['link:jira'])).toThrow(
      /^target link:jira matches nothing in the manifests or the tenant; did you mean link:Jira\?$/,
    );
  });
});

describe('co-managed links', () => {
  it('count what ignore patterns left alone, and never show an ignored field (golden)', () => {
    const d = desired({
      portals: [
        { name: 'Ops', prune: true, ignore: [{ pattern: 'console-*', location: at(4) }], ignoreChanges: ['enabled'] },
        { name: 'Engineering', prune: true, ignore: [{ pattern: 'tmp-?', location: at(6) }] },
      ],
      links: [{ name: 'Pager', portals: ['Ops'], description: 'Who is on call', ignoreChanges: ['enabled'] }],
    });
    const l = live({
      userPortalLinks: [
        liveLink({ id: '145283994705985870', name: 'Pager', portals: ['Ops'], enabled: false, description: 'On call' }),
        liveLink({ id: '145283994705985871', name: 'console-grafana', portals: ['Ops'] }),
        liveLink({ id: '145283994705985872', name: 'console-kibana', portals: ['Ops', 'Engineering'] }),
        liveLink({ id: '145283994705985873', name: 'stray', portals: ['Ops'] }),
      ],
    });
    const plan = planChanges(d, l, options);
    expect(plan.ignored).toEqual([
      { kind: 'userPortalLink', scope: 'portal:Ops', count: 2 },
      { kind: 'userPortalLink', scope: 'portal:Engineering', count: 0 },
    ]);
    expectGoldens(plan, 'co-managed');
  });
});

describe('the update guard', () => {
  it('names both counts in the reason, and counts a detach as a prune (golden)', () => {
    const names = Array.from({ length: 10 }, (_, i) => `link-${i}`);
    const d = desired({
      portals: ['Ops'],
      links: names.slice(0, 9).map((name, i) => ({ name, portals: ['Ops'], description: i < 4 ? 'new' : 'same' })),
    });
    const l = live({
      userPortalLinks: names.map((name, i) =>
        liveLink({
          id: String(145283994705985880n + BigInt(i)),
          name,
          portals: i === 9 ? ['Ops', 'Sales'] : ['Ops'],
          description: 'same',
        }),
      ),
    });
    const plan = planChanges(d, l, options);
    expect(plan.safety.reasons).toEqual([
      'updating would change 4 of 10 live links on managed portals (40 %, above the 30 % threshold)',
    ]);
    expect(
      planChanges(d, l, { ...options, safety: { pruneThreshold: 0.3, pruneMinimum: 10, updateThreshold: 0.4 } }).safety
        .safe,
    ).toBe(true);
    expectGoldens(plan, 'update-guard');
  });
});
