/** `--target` through the CLI against the simulator: only the changes inside the targets are planned and written. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { removeWorkspaces, workspace } from '../support/workspace.js';
import { isAuthPath, apiWrites } from '../support/sim.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => removeWorkspaces());

const writes = () => apiWrites(sim);
const reads = () => sim.requests.filter((r) => r.method === 'GET' && !isAuthPath(r.path));
const linkId = (name: string) => sim.snapshot().userPortalLinks.find((l) => l.name === name)?.id ?? 'missing';
const linkOf = (name: string) => sim.snapshot().userPortalLinks.find((l) => l.name === name);

/** Changes due on Eng, on Ops, on a link shared by both, and on a client setting. */
function tenant(): string {
  sim.seed({
    userPortals: [{ name: 'Eng' }, { name: 'Ops' }, { name: 'Sales' }],
    clientSettings: [{ clientCertificateType: 'ZAPP_CLIENT', enrollmentCert: 'Connector' }],
    userPortalLinks: [
      { name: 'grafana', link: 'grafana.example.com', description: 'old', portals: ['Eng', 'Ops', 'Sales'] },
      { name: 'eng-wiki', link: 'wiki.example.com', description: 'old', portals: ['Eng'] },
      { name: 'eng-old', link: 'eng-old.example.com', portals: ['Eng'] },
      { name: 'ops-old', link: 'ops-old.example.com', portals: ['Ops'] },
      { name: 'ops-pager', link: 'pager.example.com', portals: ['Ops'] },
    ],
  });
  return workspace({
    'settings.yaml': { clientSettings: { ZAPP_CLIENT: { enrollmentCert: 'Client' } } },
    // The shared link's fields live in the Eng file; Ops lists it by name only.
    'eng.yaml': {
      userPortals: {
        Eng: {
          links: [
            { name: 'grafana', link: 'grafana.example.com', description: 'new' },
            { name: 'eng-wiki', link: 'wiki.example.com', description: 'new' },
            { name: 'eng-new', link: 'eng-new.example.com' },
          ],
        },
      },
    },
    'ops.yaml': {
      userPortals: {
        Ops: {
          links: [
            { name: 'grafana' },
            { name: 'ops-pager', link: 'pager.example.com' },
            { name: 'ops-new', link: 'ops-new.example.com' },
          ],
        },
      },
    },
  });
}

describe('plan and apply --target', () => {
  it('portal:Ops plans and applies only Ops changes, the shared link saying where else it shows', async () => {
    const dir = tenant();
    const ids = { grafana: linkId('grafana'), opsOld: linkId('ops-old') };
    sim.clearRequests();
    const plan = await cli(['plan', '--target', 'portal:Ops'], { cwd: dir, env: sim.env() });
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/^Partial plan \(--target portal:Ops\): changes outside the targets are not planned/);
    expect(plan.stdout).toContain('~ update link "grafana" (also on portals Eng, Sales)');
    expect(plan.stdout).toContain('+ create link "ops-new"');
    expect(plan.stdout).toContain('- delete link "ops-old"');
    expect(plan.stdout).not.toMatch(/eng-wiki|eng-new|eng-old|client setting/);
    expect(plan.stdout).toContain('Plan: 1 to create, 1 to update, 1 to delete.');
    // Every manifest and every collection was still read.
    expect(
      reads()
        .map((r) => r.path)
        .join(' '),
    ).toMatch(/clientSetting.*|userPortalLink/);
    expect(writes()).toEqual([]);

    sim.clearRequests();
    const apply = await cli(['apply', '--target', 'portal:Ops', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(apply.code).toBe(0);
    const written = writes().map((r) => `${r.method} ${r.path.replace(/^.*\/customers\/\d+/, '')}`);
    expect(written.sort()).toEqual(
      [`DELETE /userPortalLink/${ids.opsOld}`, 'POST /userPortalLink', `PUT /userPortalLink/${ids.grafana}`].sort(),
    );
    const post = writes().find((r) => r.method === 'POST');
    expect(post?.body).toMatchObject({ name: 'ops-new' });
    // The shared link keeps every portal it sat on; Eng's own changes are still due.
    expect(linkOf('grafana')?.userPortalIds).toHaveLength(3);
    expect(linkOf('eng-old')).toBeDefined();
    const rest = await cli(['plan'], { cwd: dir, env: sim.env() });
    expect(rest.stdout).toContain('Plan: 1 to create, 2 to update, 1 to delete.');
    expect(rest.stdout).not.toContain('Partial plan');
  });

  it('link:NAME plans that link only, and client-settings only the client settings', async () => {
    const dir = tenant();
    const link = await cli(['plan', '--target', 'link:eng-wiki'], { cwd: dir, env: sim.env() });
    expect(link.code).toBe(0);
    expect(link.stdout).toContain('~ update link "eng-wiki"');
    expect(link.stdout).toContain('Plan: 0 to create, 1 to update, 0 to delete.');

    sim.clearRequests();
    const settings = await cli(['apply', '--target', 'client-settings', '--auto-approve'], {
      cwd: dir,
      env: sim.env(),
    });
    expect(settings.code).toBe(0);
    expect(settings.stdout).toContain('~ update client setting "ZAPP_CLIENT"');
    expect(writes().map((r) => `${r.method} ${r.path.replace(/^.*\/customers\/\d+/, '')}`)).toEqual([
      'POST /clientSetting',
    ]);
    expect(sim.snapshot().clientSettings[0]?.enrollmentCertName).toBe('Client');
  });

  it('portal:Ops with link:CRM notes only the other portals a kept change alters', async () => {
    sim.seed({
      userPortals: [{ name: 'Ops' }, { name: 'Sales' }],
      userPortalLinks: [
        { name: 'Pager', link: 'pager.example.com', description: 'old', portals: ['Ops'] },
        { name: 'CRM', link: 'crm.example.com', description: 'old', portals: ['Sales'] },
        { name: 'Wiki', link: 'wiki.example.com', description: 'old', portals: ['Ops', 'Sales'] },
      ],
    });
    const dir = workspace({
      'ops.yaml': {
        userPortals: {
          Ops: {
            links: [
              { name: 'Pager', link: 'pager.example.com', description: 'new' },
              { name: 'Wiki', link: 'wiki.example.com', description: 'new' },
            ],
          },
        },
      },
      'sales.yaml': {
        userPortals: {
          Sales: { links: [{ name: 'CRM', link: 'crm.example.com', description: 'new' }, { name: 'Wiki' }] },
        },
      },
    });
    const plan = await cli(['plan', '--target', 'portal:Ops', '--target', 'link:CRM'], { cwd: dir, env: sim.env() });
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    const titles = plan.stdout.split('\n').filter((line) => /^\s*[~+-] /.test(line));
    expect(titles).toEqual([
      expect.stringMatching(/^\s*~ update link "CRM"$/),
      expect.stringMatching(/^\s*~ update link "Pager"$/),
      expect.stringMatching(/^\s*~ update link "Wiki" \(also on portals Sales\)$/),
    ]);
  });

  it('a saved targeted plan records its targets, and apply --plan writes only inside them', async () => {
    const dir = tenant();
    const plan = await cli(['plan', '--target', 'portal:Ops', '--target', 'link:eng-wiki', '--out', 'p.json'], {
      cwd: dir,
      env: sim.env(),
    });
    expect(plan.code).toBe(0);
    const saved = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8')) as { targets?: string[] };
    expect(saved.targets).toEqual(['link:eng-wiki', 'portal:Ops']);
    const json = await cli(['plan', '--target', 'portal:Ops', '--target', 'link:eng-wiki', '--format', 'json'], {
      cwd: dir,
      env: sim.env(),
    });
    expect((JSON.parse(json.stdout) as { targets?: string[] }).targets).toEqual(saved.targets);

    const refused = await cli(['apply', '--plan', 'p.json', '--target', 'portal:Eng'], { cwd: dir, env: sim.env() });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('apply --plan takes no --target');

    sim.clearRequests();
    const apply = await cli(['apply', '--plan', 'p.json'], { cwd: dir, env: sim.env() });
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/^Partial plan \(--target link:eng-wiki --target portal:Ops\)/);
    expect(writes()).toHaveLength(4);
    expect(writes().some((r) => r.path.endsWith(`/${linkId('eng-wiki')}`))).toBe(true);
    expect(writes().some((r) => r.path.includes('clientSetting'))).toBe(false);
    expect(linkOf('eng-old')).toBeDefined();
  });

  it('a target that matches nothing is an error with a did-you-mean, and nothing is written', async () => {
    const dir = tenant();
    sim.clearRequests();
    const typo = await cli(['apply', '--target', 'portal:Opps', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(typo.code).toBe(1);
    expect(typo.stderr).toBe(
      'error: --target portal:Opps matches nothing in the manifests or the tenant; did you mean portal:Ops?\n',
    );
    expect(writes()).toEqual([]);

    sim.clearRequests();
    const form = await cli(['plan', '--target', 'portals:Ops'], { cwd: dir, env: sim.env() });
    expect(form.code).toBe(1);
    expect(form.stderr).toContain('error: --target "portals:Ops" is not an address: did you mean portal:NAME?');
    // A malformed address stops before any API call.
    expect(sim.requests).toEqual([]);
  });
});
