import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/types.js';
import { planChanges } from '../../src/plan-changes.js';
import { MARKDOWN_BUDGET, renderMarkdown } from '../../src/render/markdown.js';
import { renderPlan } from '../../src/render/plan.js';
import { COLOR, PLAIN, wantsColor } from '../../src/render/style.js';
import { TARGET, at, desired, live, liveLink } from '../support/builders.js';
import { expectGolden } from '../support/golden.js';

const golden = (name: string) => fileURLToPath(new URL(`golden/${name}`, import.meta.url));
const ICON = `data:image/png;base64,${Buffer.alloc(600, 7).toString('base64')}`;

/** A plan with one of everything: creates, updates (fields, multi-line, icon, portals), detach, deletes. */
function samplePlan(): Plan {
  const d = desired({
    portals: ['Engineering', 'Ops'],
    links: [
      {
        name: 'Grafana',
        portals: ['Engineering', 'Ops'],
        protocol: 'https://',
        linkPath: '/d/home',
        description: 'Team dashboards',
        icon: { fileName: 'grafana.png', dataUri: ICON },
      },
      { name: 'Jira', portals: ['Engineering'], description: 'Tickets\nand boards\nfor everyone' },
      { name: 'Wiki', portals: ['Engineering'], enabled: false },
    ],
    clientSettings: [
      { type: 'ZAPP_CLIENT', absent: false, enrollmentCert: { name: 'Client' }, location: at(3) },
      { type: 'APP_PROTECTION', absent: true, location: at(5) },
    ],
  });
  const l = live({
    clientSettings: [
      {
        id: '16239',
        clientCertificateType: 'APP_PROTECTION',
        name: 'test 123',
        enrollmentCertId: '13965',
        enrollmentCertName: 'Client',
      },
    ],
    userPortalLinks: [
      liveLink({
        id: '145283994705985864',
        name: 'Jira',
        portals: ['Engineering'],
        description: 'Tickets\nfor everyone',
      }),
      liveLink({ id: '145283994705985865', name: 'Wiki', portals: ['Engineering', 'Sales'] }),
      liveLink({ id: '145283994705985866', name: 'Old portal', portals: ['Engineering', 'Sales'] }),
      liveLink({ id: '145283994705985867', name: 'Retired', portals: ['Ops'] }),
    ],
  });
  return planChanges(d, l, { target: TARGET, toolVersion: '0.0.0-test' });
}

describe('plan renderings', () => {
  it('renders text like Terraform (golden)', () => {
    expectGolden(renderPlan(samplePlan(), { format: 'text', style: PLAIN }), golden('plan.txt'));
  });

  it('renders Markdown for a pull-request comment (golden)', () => {
    expectGolden(renderPlan(samplePlan(), { format: 'markdown' }), golden('plan.md'));
  });

  it('says so when nothing changes', () => {
    const plan = planChanges(desired({}), live({}), { target: TARGET, toolVersion: 't' });
    expect(renderPlan(plan, { format: 'text', style: PLAIN })).toBe(
      `No changes. The tenant matches the manifests.\nTarget: ${TARGET.host} · customer ${TARGET.customerId} · microtenant 0\nPlan digest: ${plan.digest}\n`,
    );
  });

  it('names the commit the plan was made at, when it is known', () => {
    const plan = {
      ...planChanges(desired({}), live({}), { target: TARGET, toolVersion: 't' }),
      commit: 'ab'.repeat(20),
    };
    expect(renderPlan(plan, { format: 'text', style: PLAIN })).toContain(
      `Target: ${TARGET.host} · customer ${TARGET.customerId} · microtenant 0 · commit ${'ab'.repeat(6)}\n`,
    );
  });

  it('shows an icon as a size and short hash, never as base64', () => {
    const text = renderPlan(samplePlan(), { format: 'text', style: PLAIN });
    expect(text).toMatch(/iconText: <image\/png, 600 B, sha256 [0-9a-f]{8}>/);
    expect(text).not.toContain(ICON.slice(30, 60));
  });

  it('colours only when asked', () => {
    expect(renderPlan(samplePlan(), { format: 'text', style: COLOR })).toContain('\u001b[32m+ create');
    expect(renderPlan(samplePlan(), { format: 'text', style: PLAIN })).not.toContain('\u001b[');
    expect(wantsColor({}, true)).toBe(true);
    expect(wantsColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(wantsColor({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(wantsColor({ FORCE_COLOR: '0' }, false)).toBe(false);
  });

  it('keeps Markdown under the comment budget and says what it left out', () => {
    // 2,000 links: 500 on each of four portals, the most ZPA allows on one.
    const portals = ['Engineering', 'Ops', 'Sales', 'Legacy'];
    const links = Array.from({ length: 2000 }, (_, i) => ({
      name: `link-${String(i).padStart(4, '0')}`,
      portals: [portals[i % 4] ?? 'Ops'],
      description: 'x'.repeat(40),
    }));
    const plan = planChanges(desired({ portals, links }), live({}), {
      target: TARGET,
      toolVersion: 't',
    });
    const markdown = renderMarkdown(plan);
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_BUDGET);
    expect(markdown).toMatch(/_\d+ of 2000 creates and updates are left out of the detail to fit a comment/);
  });

  it('prints JSON that validates against schemas/plan.schema.json and is the plan itself', () => {
    const plan = samplePlan();
    const json = renderPlan(plan, { format: 'json' });
    const schema = JSON.parse(
      readFileSync(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8'),
    ) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const parsed: unknown = JSON.parse(json);
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(plan)));
    expect(validate({ ...plan, formatVersion: 2 })).toBe(false);
  });
});
