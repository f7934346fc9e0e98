/** The pull-request comment never hides a delete: destructive changes come first, visible, and survive truncation. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/types.js';
import { planChanges } from '../../src/plan-changes.js';
import { digestFromMarkdown, MARKDOWN_BUDGET, renderMarkdown } from '../../src/render/markdown.js';
import { TARGET, at, desired, live, liveLink } from '../support/builders.js';
import { expectGolden } from '../support/golden.js';

const golden = (name: string) => fileURLToPath(new URL(`golden/${name}`, import.meta.url));

/** `creates` new links on Engineering, then Sales past ZPA's 500 per portal (long descriptions), and `deletes` pruned links on Ops. */
function bigPlan(creates: number, deletes: number, nameLength = 12): Plan {
  const links = Array.from({ length: creates }, (_, i) => ({
    name: `new-${String(i).padStart(4, '0')}`,
    portals: [i < 500 ? 'Engineering' : 'Sales'],
    description: `Application number ${i}, reached through ZPA by everyone in engineering`,
  }));
  const doomed = Array.from({ length: deletes }, (_, i) =>
    liveLink({
      id: String(145283994705990000n + BigInt(i)),
      name: `gone-${String(i).padStart(4, '0')}-${'x'.repeat(nameLength)}`,
      portals: ['Ops'],
    }),
  );
  return planChanges(desired({ portals: ['Engineering', 'Ops', 'Sales'], links }), live({ userPortalLinks: doomed }), {
    target: TARGET,
    toolVersion: '0.0.0-test',
    safety: { pruneThreshold: 1, pruneMinimum: 10 },
  });
}

describe('Markdown plan comment', () => {
  it('600 creates and 6 deletes: under the cap, every delete listed before any detail, creates cut and counted', () => {
    const plan = bigPlan(600, 6);
    const markdown = renderMarkdown(plan);
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_BUDGET);
    expect(markdown.length).toBeLessThan(65_536);
    const deletes = markdown.match(/^- \*\*delete\*\* link `gone-\d{4}-x+` · on Ops · pruned: /gm) ?? [];
    expect(deletes).toHaveLength(6);
    expect(markdown.indexOf('#### Destructive changes (6)')).toBeLessThan(markdown.indexOf('<details'));
    expect(markdown).toMatch(
      /_\d+ of 600 creates and updates are left out of the detail to fit a comment \(every destructive change is listed above\)\. See them all in the job summary/,
    );
    expect(markdown).toContain('| 600 | 0 | 6 | 0 |');
    expect(digestFromMarkdown(markdown)).toBe(plan.digest);
    expectGolden(markdown, golden('plan-600-creates-6-deletes.md'));
  });

  it('deletes alone over the cap: as many as fit, then how many were left out', () => {
    const plan = bigPlan(3, 1200, 60);
    const markdown = renderMarkdown(plan);
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_BUDGET);
    const shown = (markdown.match(/^- \*\*delete\*\* /gm) ?? []).length;
    expect(shown).toBeGreaterThan(100);
    expect(shown).toBeLessThan(1200);
    expect(markdown).toContain(
      `**${1200 - shown} of 1200 destructive changes are left out: the plan is too large for a comment.`,
    );
    expect(markdown).toContain('_3 of 3 creates and updates are left out');
    expectGolden(
      markdown.replace(/(^- \*\*delete\*\*.*\n)+/m, '<the delete lines>\n'),
      golden('plan-deletes-over-cap.md'),
    );
  });

  it('says plainly when nothing is destructive, and shows small plans expanded with file:line', () => {
    const plan = planChanges(
      desired({ portals: ['Engineering'], links: [{ name: 'Wiki', portals: ['Engineering'] }] }),
      live({}),
      { target: TARGET, toolVersion: 't' },
    );
    const markdown = renderMarkdown(plan);
    expect(markdown).toContain('No destructive changes: nothing is deleted or detached.');
    expect(markdown).toContain('<details open>');
    expect(markdown).toContain('+ create link "Wiki"   # manifests/main.yaml:10');
  });

  it('lists a detach with the portal it leaves and where the link is declared, and an absent setting with its line', () => {
    const plan = planChanges(
      desired({
        portals: ['Engineering', 'Sales'],
        links: [{ name: 'Wiki', portals: ['Engineering'] }],
        clientSettings: [{ type: 'APP_PROTECTION', absent: true, location: at(5, 'settings.yaml') }],
      }),
      live({
        userPortalLinks: [liveLink({ id: '145283994705985865', name: 'Wiki', portals: ['Engineering', 'Sales'] })],
        clientSettings: [
          { id: '16239', clientCertificateType: 'APP_PROTECTION', name: 'x', enrollmentCertId: '13965' },
        ],
      }),
      { target: TARGET, toolVersion: 't' },
    );
    const markdown = renderMarkdown(plan);
    expect(markdown).toContain(
      '- **detach** link `Wiki` from Sales · stays on Engineering · declared at manifests/main.yaml:10 without Sales; Sales prunes links the manifests do not list there',
    );
    expect(markdown).toContain('- **delete** client setting `APP_PROTECTION` · declared absent at settings.yaml:5');
  });
});
