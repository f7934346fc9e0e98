/**
 * Text from the tenant or a server reaches a terminal only with its control and bidi characters
 * shown as escapes: a description cannot erase the line above it, a name cannot reverse itself,
 * and in Markdown nothing leaves its code span or fence. Against the simulator over HTTP.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { visible } from '../../src/render/visible.js';
import { cli } from '../support/cli.js';
import { removeWorkspaces, workspace } from '../support/workspace.js';

/** Cursor up, erase line, an 8-bit CSI, a bidi override, a line separator: each hides or fakes text. */
const ERASE = '\u001b[1A\u001b[2K';
const CSI8 = '\u009b2K';
const RLO = '\u202e';
const HOSTILE = /[\u001b\u009b\u202e\u2028]/;

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  removeWorkspaces();
  await sim.close();
});
beforeEach(() => {
  sim.seed({
    userPortals: [{ name: 'Engineering' }],
    userPortalLinks: [
      {
        name: 'Grafana',
        link: 'grafana.corp.example.com',
        description: `ok${ERASE}0 to delete`,
        portals: ['Engineering'],
      },
      { name: `Payroll${RLO}lper`, link: `pay.example.com`, linkPath: `/x${CSI8}`, portals: ['Engineering'] },
    ],
  });
  sim.clearFaults();
});

const manifests = () =>
  workspace({
    'zpa.yaml': {
      userPortals: {
        Engineering: { links: [{ name: 'Grafana', link: 'grafana.corp.example.com', description: 'Dashboards' }] },
      },
    },
  });

describe('values from the tenant are made visible', { timeout: 120_000 }, () => {
  it('in the text plan, the JSON plan, show and the Markdown comment', async () => {
    const dir = manifests();
    const plan = await cli(['plan', '.', '--out', 'plan.json'], { cwd: dir, env: sim.env() });
    expect(plan.code).toBe(0);
    expect(plan.stdout).not.toMatch(HOSTILE);
    expect(plan.stdout).toContain('\\u001b[1A\\u001b[2K0 to delete');
    expect(plan.stdout).toContain('delete link "Payroll\\u202elper"');
    for (const format of ['text', 'json', 'markdown']) {
      const show = await cli(['show', join(dir, 'plan.json'), '--format', format], { cwd: dir });
      expect(show.code).toBe(0);
      expect(show.stdout).not.toMatch(HOSTILE);
    }
    const json = await cli(['show', 'plan.json', '--format', 'json'], { cwd: dir });
    // Escaped, still the same JSON value.
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('Payroll\u202elper');
    const markdown = await cli(['show', 'plan.json', '--format', 'markdown'], { cwd: dir });
    expect(markdown.stdout).toContain('**delete** link `Payroll\\u202elper`');
  });

  it('in apply progress, the report and a ZPA error reason', async () => {
    sim.injectFault({
      method: 'DELETE',
      path: /userPortalLink/,
      status: 400,
      body: { id: `bad${ERASE}id`, reason: `no${CSI8}\nApply complete: 0 failed` },
    });
    const result = await cli(['apply', '.', '--auto-approve'], { cwd: manifests(), env: sim.env() });
    expect(result.code).toBe(1);
    const out = result.stdout + result.stderr;
    expect(out).not.toMatch(HOSTILE);
    expect(out).not.toMatch(/^Apply complete/m);
    expect(out).toContain('bad\\u001b[1A\\u001b[2Kid');
  });

  it('in an error from the sign-in', async () => {
    sim.injectFault({ path: /signin/, status: 401, body: { id: 'x', reason: `denied${ERASE}OK` } });
    const result = await cli(['plan', '.'], { cwd: manifests(), env: sim.env() });
    expect(result.code).not.toBe(0);
    expect(result.stderr).not.toMatch(HOSTILE);
  });
});

describe('in Markdown, tenant text stays in its code span or fence', { timeout: 120_000 }, () => {
  it('a backtick in a name and a fence in a description do not end them', async () => {
    sim.seed({
      userPortals: [{ name: 'Engineering' }],
      userPortalLinks: [
        {
          name: 'Grafana',
          link: 'grafana.corp.example.com',
          description: 'ok ```\n**0 to delete**',
          portals: ['Engineering'],
        },
        { name: 'Pay` **kept** `roll', link: 'pay.example.com', portals: ['Engineering'] },
      ],
    });
    const dir = manifests();
    expect((await cli(['plan', '.', '--out', 'plan.json'], { cwd: dir, env: sim.env() })).code).toBe(0);
    const markdown = (await cli(['show', 'plan.json', '--format', 'markdown'], { cwd: dir })).stdout;
    const deleted = markdown.split('\n').find((line) => line.startsWith('- **delete** link '));
    // One code span, opened and closed by the only two backticks on the line.
    expect(deleted).toMatch(/^- \*\*delete\*\* link `Pay[^`]* \*\*kept\*\* [^`]*roll` · /);
    const fence = /```diff\n([\s\S]*?)\n```\n<\/details>/.exec(markdown)?.[1];
    expect(fence).toContain('**0 to delete**');
    expect(fence).not.toContain('```');
  });
});

describe('values from a server are made visible in doctor', { timeout: 120_000 }, () => {
  it.each(['text', 'json'])('in its %s report', async (format) => {
    sim.injectFault({
      method: 'GET',
      path: /\/userPortal$/,
      status: 400,
      body: { id: `bad${ERASE}`, reason: `no${CSI8}${RLO}` },
    });
    const result = await cli(['doctor', '--format', format], { env: sim.env() });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).not.toMatch(HOSTILE);
    // The 8-bit CSI and the bidi override, which JSON.stringify leaves raw, are escaped in both.
    expect(result.stdout).toContain('no\\u009b2K\\u202e');
  });
});

describe('visible', () => {
  it('escapes C0, C1, DEL and bidi controls, and nothing twice', () => {
    expect(visible('a\u001bb\u009bc\u007fd\u202ee\u2066f\nz')).toBe(
      'a\\u001bb\\u009bc\\u007fd\\u202ee\\u2066f\\u000az',
    );
    expect(visible('two\nlines\t', { keepNewlines: true })).toBe('two\nlines\\u0009');
    expect(visible(visible('\u001b'))).toBe('\\u001b');
    expect(visible('Grafana "ok" é 日本')).toBe('Grafana "ok" é 日本');
  });
});
