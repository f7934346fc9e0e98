/**
 * User portals as a managed kind, through the CLI against the simulator: a portal and its links
 * created in one apply (the links' portal known only after apply), from a saved plan and from a
 * reviewed digest too; a portal on a customer domain; an update; retiring a portal; a failed
 * create; a stale saved plan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { settingsFromEnv, ZpaClient } from '../../src/zpa/index.js';
import { cli } from '../support/cli.js';
import { apiWrites } from '../support/sim.js';
import { removeWorkspaces, workspace, writeFiles } from '../support/workspace.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => removeWorkspaces());
/** A tenant of this seed, with an empty request log. */
function seed(tenant: Parameters<Simulator['seed']>[0]): void {
  sim.seed(tenant);
  sim.clearRequests();
}

const links = [
  { name: 'wiki', link: 'wiki.example.com' },
  { name: 'grafana', link: 'grafana.example.com' },
  { name: 'jira', link: 'jira.example.com' },
];

const engineering = {
  portal: {
    description: 'Engineering applications',
    userNotification: 'Welcome to Engineering',
    userNotificationEnabled: true,
    extLabel: 'eng',
    extDomain: 'corp.example.com',
  },
  links,
};

/** Each write as `METHOD path`, sign-in left out, oldest first. */
const writes = () => apiWrites(sim).map((r) => `${r.method} ${r.path.replace(/^.*\/customers\/[^/]+/, '')}`);
const portal = (name: string) => sim.snapshot().userPortals.find((p) => p.name === name);
const linksOn = (id: string | undefined) =>
  sim
    .snapshot()
    .userPortalLinks.filter((l) => l.userPortalIds.includes(id ?? ''))
    .map((l) => l.name)
    .sort();

async function expectNoChanges(dir: string): Promise<void> {
  const again = await cli(['plan', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
  expect(again.stdout).toContain('No changes.');
  expect(again.code).toBe(0);
}

describe('a portal created with its links in one apply', () => {
  it('plans the links on a portal known after apply, creates the portal first, then converges', async () => {
    seed({});
    const dir = workspace({ 'portals.yaml': { userPortals: { Engineering: engineering } } });
    const plan = await cli(['plan'], { cwd: dir, env: sim.env() });
    expect(plan.stdout).toContain('+ create user portal "Engineering"');
    expect(plan.stdout).toContain('userPortals: ["Engineering" (known after apply)]');
    expect(plan.stdout).toContain('Plan: 4 to create, 0 to update, 0 to delete.');

    const applied = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(writes()).toEqual(['POST /userPortal', 'POST /userPortalLink/bulk']);
    const created = portal('Engineering');
    expect(created).toMatchObject({ extLabel: 'eng', extDomain: 'corp.example.com', userNotificationEnabled: true });
    expect(created?.domain).toBe('eng-corp-example-com.d.zscalerportal.net');
    expect(linksOn(created?.id)).toEqual(['grafana', 'jira', 'wiki']);
    // Booleans always explicit: the portal POST carries enabled and the notification flag.
    const body = sim.requests.find((r) => r.method === 'POST' && r.path.endsWith('/userPortal'))?.body;
    expect(body).toMatchObject({ enabled: true, userNotificationEnabled: true, managedByZs: true });
    await expectNoChanges(dir);
  });

  it('from a saved plan: the file and its digest hold the reference, apply --plan fills in the id', async () => {
    seed({});
    const dir = workspace({ 'portals.yaml': { userPortals: { Engineering: engineering } } });
    const planned = await cli(['plan', '--out', 'plan.json'], { cwd: dir, env: sim.env() });
    expect(planned.code).toBe(0);
    const file = readFileSync(join(dir, 'plan.json'), 'utf8');
    expect(file).toContain('"$create:userPortal:Engineering"');
    const applied = await cli(['apply', '--plan', 'plan.json'], { cwd: dir, env: sim.env() });
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(writes()).toEqual(['POST /userPortal', 'POST /userPortalLink/bulk']);
    expect(linksOn(portal('Engineering')?.id)).toEqual(['grafana', 'jira', 'wiki']);
    await expectNoChanges(dir);
  });

  it('from a reviewed digest: apply --expect-digest applies exactly that plan', async () => {
    seed({});
    const dir = workspace({ 'portals.yaml': { userPortals: { Engineering: engineering } } });
    const text = await cli(['plan'], { cwd: dir, env: sim.env() });
    const digest = /Plan digest: (sha256:[0-9a-f]{64})/.exec(text.stdout)?.[1] ?? '';
    const applied = await cli(['apply', '--expect-digest', digest], { cwd: dir, env: sim.env() });
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(writes()).toEqual(['POST /userPortal', 'POST /userPortalLink/bulk']);
    await expectNoChanges(dir);
  });
});

describe('a portal on a customer domain', () => {
  it.each(['clientless', 'certificate'] as const)(
    'takes its Browser Access certificate by name (certificates listed under the %s path)',
    async (reading) => {
      seed({ baCertificates: [{ name: 'portal.corp.example.com' }, { name: 'other' }] });
      sim.setReadings({ baCertificates: reading });
      try {
        const dir = workspace({
          'partners.yaml': {
            userPortals: {
              Partners: {
                portal: { domain: 'partners.corp.example.com', certificate: 'portal.corp.example.com' },
                links: [{ name: 'crm', link: 'crm.example.com' }],
              },
            },
          },
        });
        const applied = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
        expect(applied.code, applied.stdout + applied.stderr).toBe(0);
        const cert = sim.snapshot().baCertificates?.find((c) => c.name === 'portal.corp.example.com');
        expect(portal('Partners')).toMatchObject({ domain: 'partners.corp.example.com', certificateId: cert?.id });
        expect(linksOn(portal('Partners')?.id)).toEqual(['crm']);
        await expectNoChanges(dir);
      } finally {
        sim.setReadings({ baCertificates: 'clientless' });
      }
    },
  );

  it('an unknown certificate name is a located error with the names known, before any write', async () => {
    seed({ baCertificates: [{ name: 'portal.corp.example.com' }] });
    const dir = workspace({
      'partners.yaml': {
        userPortals: { Partners: { portal: { domain: 'p.corp.example.com', certificate: 'portal.corp.example.co' } } },
      },
    });
    const result = await cli(['plan'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /partners\.yaml:\d+:\d+.*no Browser Access certificate is named "portal\.corp\.example\.co"/,
    );
    expect(writes()).toEqual([]);
  });
});

describe('a managed portal changes', () => {
  it('an update of one field is one PUT, the derived domain never shows as drift', async () => {
    seed({ userPortals: [{ name: 'Engineering', description: 'old' }] });
    const live = portal('Engineering');
    const fields = {
      description: 'new',
      userNotificationEnabled: true,
      extLabel: live?.extLabel,
      extDomain: live?.extDomain,
    };
    const dir = workspace({ 'p.yaml': { userPortals: { Engineering: { portal: fields } } } });
    const plan = await cli(['plan'], { cwd: dir, env: sim.env() });
    expect(plan.stdout).toContain('~ update user portal "Engineering"');
    expect(plan.stdout).toContain('description: "old" → "new"');
    expect(plan.stdout).not.toContain('domain:');
    const applied = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(writes()).toEqual([`PUT /userPortal/${live?.id}`]);
    expect(portal('Engineering')).toMatchObject({ description: 'new', domain: live?.domain });
    await expectNoChanges(dir);
  });

  it('retiring a portal: links only on it are deleted, shared ones keep their other portals, then the portal goes', async () => {
    seed({
      userPortals: [{ name: 'Old' }, { name: 'Other' }],
      userPortalLinks: [
        { name: 'only-old', link: 'a.example.com', portals: ['Old'] },
        { name: 'shared', link: 'b.example.com', portals: ['Old', 'Other'] },
        { name: 'elsewhere', link: 'c.example.com', portals: ['Other'] },
      ],
    });
    const [old, other] = [portal('Old'), portal('Other')];
    const ids = new Map(sim.snapshot().userPortalLinks.map((l) => [l.name, l.id]));
    const dir = workspace({ 'p.yaml': { userPortals: { Old: 'absent' } } });
    const markdown = await cli(['plan', '--format', 'markdown'], { cwd: dir, env: sim.env() });
    const destructive = markdown.stdout.split('#### Destructive changes')[1] ?? '';
    expect(destructive.indexOf('**delete** user portal `Old`')).toBeGreaterThan(-1);
    expect(destructive.indexOf('**delete** user portal `Old`')).toBeLessThan(destructive.indexOf('`only-old`'));

    const applied = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    const done = writes();
    expect(done.slice(0, 2).sort()).toEqual(
      [`DELETE /userPortalLink/${ids.get('only-old')}`, `PUT /userPortalLink/${ids.get('shared')}`].sort(),
    );
    expect(done[2]).toBe(`DELETE /userPortal/${old?.id}`);
    expect(portal('Old')).toBeUndefined();
    expect(linksOn(other?.id)).toEqual(['elsewhere', 'shared']);
    await expectNoChanges(dir);
  });

  it('the simulator refuses to delete a portal that still holds links', async () => {
    seed({
      userPortals: [{ name: 'Busy' }],
      userPortalLinks: [{ name: 'l', link: 'l.example.com', portals: ['Busy'] }],
    });
    const client = new ZpaClient({ settings: settingsFromEnv({ ...sim.env() }) });
    try {
      const path = `/userPortal/${portal('Busy')?.id}`;
      await expect(
        client.write({ method: 'DELETE', path, scoped: true, reply: { expect: 'nothing' } }),
      ).rejects.toThrow(/still holds 1 link/);
      expect(portal('Busy')).toBeDefined();
    } finally {
      client.close();
    }
  });
});

describe('when the portal create fails', () => {
  it('its links are not attempted, the report says why, and a re-run converges', async () => {
    seed({});
    sim.injectFault({
      method: 'POST',
      path: /\/userPortal$/,
      status: 400,
      body: { id: 'invalid.input', reason: 'refused' },
    });
    const dir = workspace({ 'portals.yaml': { userPortals: { Engineering: engineering } } });
    const failed = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(failed.code).not.toBe(0);
    expect(writes()).toEqual(['POST /userPortal']);
    expect(failed.stdout).toContain('failed: create user portal "Engineering"');
    expect(failed.stdout).toContain('not attempted: create link "wiki" (user portal "Engineering" was not created)');
    expect(sim.snapshot().userPortalLinks).toEqual([]);

    const again = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(linksOn(portal('Engineering')?.id)).toEqual(['grafana', 'jira', 'wiki']);
    await expectNoChanges(dir);
  });
});

describe('a stale saved plan', () => {
  it('whose portal was created by hand meanwhile is refused with exit 3 and no write', async () => {
    seed({});
    const dir = workspace({ 'portals.yaml': { userPortals: { Engineering: engineering } } });
    expect((await cli(['plan', '--out', 'plan.json'], { cwd: dir, env: sim.env() })).code).toBe(0);
    const client = new ZpaClient({ settings: settingsFromEnv({ ...sim.env() }) });
    try {
      const body = {
        name: 'Engineering',
        enabled: true,
        extLabel: 'eng',
        extDomain: 'corp.example.com',
        managedByZs: true,
      };
      await client.write({ method: 'POST', path: '/userPortal', body, scoped: true, reply: { expect: 'nothing' } });
    } finally {
      client.close();
    }
    const before = writes().length;
    const applied = await cli(['apply', '--plan', 'plan.json'], { cwd: dir, env: sim.env() });
    expect(applied.code).toBe(3);
    expect(applied.stderr).toContain('user portal "Engineering" now exists');
    expect(writes().length).toBe(before);
  });
});

describe('targets and guards', () => {
  it('--target portal:NAME takes the portal and its links, and nothing else', async () => {
    seed({ userPortals: [{ name: 'Ops' }] });
    const dir = workspace({
      'portals.yaml': {
        userPortals: { Engineering: engineering, Ops: { links: [{ name: 'ops', link: 'o.example.com' }] } },
      },
    });
    const plan = await cli(['plan', '--target', 'portal:Engineering'], { cwd: dir, env: sim.env() });
    expect(plan.stdout).toContain('+ create user portal "Engineering"');
    expect(plan.stdout).toContain('+ create link "wiki"');
    expect(plan.stdout).not.toContain('create link "ops"');
    expect(plan.stdout).toContain('Plan: 4 to create, 0 to update, 0 to delete.');
  });

  it('the update guard counts portal changes', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `p${i}`);
    seed({ userPortals: names.map((name) => ({ name })) });
    const portals = Object.fromEntries(
      names.map((name, i) => {
        const live = portal(name);
        const description = i < 4 ? 'changed' : '';
        return [
          name,
          {
            portal: {
              description,
              userNotificationEnabled: true,
              extLabel: live?.extLabel,
              extDomain: live?.extDomain,
            },
          },
        ];
      }),
    );
    const dir = workspace({ 'p.yaml': { userPortals: portals } });
    const plan = await cli(['plan'], { cwd: dir, env: sim.env() });
    expect(plan.stdout).toContain('Unsafe plan: updating would change 4 of 10 live user portals the manifests list');
    const refused = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(refused.code).not.toBe(0);
    expect(writes()).toEqual([]);
  });
});

describe('export', () => {
  it('writes the portal block for both domain modes; fmt --check and plan then find nothing to change', async () => {
    seed({
      baCertificates: [{ name: 'partners.corp.example.com' }],
      userPortals: [
        { name: 'Engineering', description: 'Engineering applications' },
        {
          name: 'Partners',
          enabled: false,
          domain: 'partners.corp.example.com',
          certificate: 'partners.corp.example.com',
        },
      ],
      userPortalLinks: [
        { name: 'wiki', link: 'wiki.example.com', portals: ['Engineering'] },
        { name: 'crm', link: 'crm.example.com', portals: ['Partners', 'Engineering'] },
      ],
    });
    const dir = workspace();
    const exported = await cli(['export', '--out', '.'], { cwd: dir, env: sim.env() });
    expect(exported.code, exported.stderr).toBe(0);
    const engineeringFile = readFileSync(join(dir, 'portals/engineering.yaml'), 'utf8');
    expect(engineeringFile).toContain(
      [
        '  Engineering:',
        '    portal:',
        '      description: Engineering applications',
        '      userNotificationEnabled: true',
        '      extLabel: engineering',
        '      extDomain: example.com',
      ].join('\n'),
    );
    const partnersFile = readFileSync(join(dir, 'portals/partners.yaml'), 'utf8');
    expect(partnersFile).toContain(
      [
        '    portal:',
        '      enabled: false',
        '      userNotificationEnabled: true',
        '      domain: partners.corp.example.com',
        '      certificate: partners.corp.example.com',
      ].join('\n'),
    );
    const fmt = await cli(['fmt', '--check', '.'], { cwd: dir, env: sim.env() });
    expect(fmt.code, fmt.stdout + fmt.stderr).toBe(0);
    await expectNoChanges(dir);
  });
});

describe('validate and fmt know the portal block', () => {
  it('a block with both domain modes, or a misspelt field, is a located error with no API call', async () => {
    seed({});
    const dir = workspace({
      'both.yaml': [
        'apiVersion: zpa-gitops/v1',
        'userPortals:',
        '  Engineering:',
        '    portal:',
        '      extLabel: eng',
        '      extDomain: corp.example.com',
        '      domain: eng.corp.example.com',
        '      certificate: eng',
        '',
      ].join('\n'),
      'typo.yaml': [
        'apiVersion: zpa-gitops/v1',
        'userPortals:',
        '  Ops:',
        '    portal:',
        '      extLable: ops',
        '',
      ].join('\n'),
    });
    const result = await cli(['validate', '.'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/both\.yaml:4:5.*not both/);
    expect(result.stderr).toMatch(/typo\.yaml:5:7.*did you mean "?extLabel"?/);
    expect(sim.requests).toEqual([]);
  });

  it('fmt puts the block first and its fields in the schema order', async () => {
    const dir = workspace({
      'p.yaml': [
        'apiVersion: zpa-gitops/v1',
        'userPortals:',
        '  Engineering:',
        '    links:',
        '      - name: wiki',
        '        link: wiki.example.com',
        '    portal:',
        '      extDomain: corp.example.com',
        '      extLabel: eng',
        '      enabled: false',
        '',
      ].join('\n'),
    });
    const result = await cli(['fmt', '.'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'p.yaml'), 'utf8')).toContain(
      [
        '  Engineering:',
        '    portal:',
        '      enabled: false',
        '      extLabel: eng',
        '      extDomain: corp.example.com',
        '    links:',
      ].join('\n'),
    );
  });
});

describe('ignoreChanges on a managed portal', () => {
  it('keeps the live value of a portal field it lists, and still compares the others', async () => {
    seed({ userPortals: [{ name: 'Engineering' }] });
    const live = portal('Engineering');
    expect(live?.userNotificationEnabled).toBe(true);
    const block = { extLabel: live?.extLabel, extDomain: live?.extDomain };
    const dir = workspace({
      'p.yaml': { userPortals: { Engineering: { portal: block, ignoreChanges: ['userNotificationEnabled'] } } },
    });
    await expectNoChanges(dir);
    writeFiles(dir, {
      'p.yaml': {
        userPortals: {
          Engineering: { portal: { ...block, description: 'x' }, ignoreChanges: ['userNotificationEnabled'] },
        },
      },
    });
    const plan = await cli(['plan'], { cwd: dir, env: sim.env() });
    expect(plan.stdout).toContain('description: "" → "x"');
    expect(plan.stdout).not.toContain('userNotificationEnabled');
  });
});
