/**
 * Malformed API replies over real HTTP: each row rewrites one reply in the simulator and runs
 * `apply --auto-approve` through the CLI. Every row must stop with an error naming the endpoint,
 * the page and the field, exit 1, and send zero writes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import type { SimFault } from '../../src/sim/types.js';
import { cli } from '../support/cli.js';
import { apiWrites, spreadLinks, tenantSeed } from '../support/sim.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  removeWorkspaces();
  await sim.close();
});
beforeEach(() => sim.reset());

const writes = () => apiWrites(sim);
const LINKS = /\/userPortalLink$/;
const PORTALS = /\/userPortal$/;

/** A tenant where a plan would create, update and delete: any belief in a bad reply shows as writes. */
function tenant(): string {
  sim.seed({
    userPortals: [{ name: 'Eng' }, { name: 'Other' }],
    clientSettings: [{ clientCertificateType: 'ZAPP_CLIENT', enrollmentCert: 'Connector' }],
    userPortalLinks: [
      { name: 'keep', link: 'keep.example.com', portals: ['Eng'] },
      { name: 'drifted', link: 'drifted.example.com', description: 'old', portals: ['Eng', 'Other'] },
      { name: 'delete-me', link: 'x.example.com', portals: ['Eng'] },
    ],
  });
  return workspace({
    'settings.yaml': { clientSettings: { ZAPP_CLIENT: { enrollmentCert: 'Client' } } },
    ...portalManifests({
      Eng: [
        { name: 'keep', link: 'keep.example.com' },
        { name: 'drifted', link: 'drifted.example.com', description: 'new' },
        { name: 'new-1', link: 'n1.example.com' },
      ],
    }),
  });
}

interface Row {
  reply: string;
  fault: SimFault;
  error: RegExp;
}

const patch = (path: RegExp, ...ops: NonNullable<SimFault['patchReply']>): SimFault => ({
  method: 'GET',
  path,
  patchReply: ops,
});

const rows: Row[] = [
  {
    reply: 'link page without `list` while totalCount says 3',
    fault: patch(LINKS, { op: 'remove', path: '/list' }),
    error: /GET \/userPortalLink: page 1: reply has no objects \(`list` is missing or empty\) but `totalCount` says 3/,
  },
  {
    reply: 'link page with `list: null` while totalCount says 3',
    fault: patch(LINKS, { op: 'replace', path: '/list', value: null }),
    error: /GET \/userPortalLink: page 1: reply has no objects \(`list` is null\) but `totalCount` says 3/,
  },
  {
    reply: 'totalCount higher than the objects on the last page',
    fault: patch(LINKS, { op: 'replace', path: '/totalCount', value: '4' }),
    error: /GET \/userPortalLink: read 3 objects on 1 page\(s\) \(`totalPages` 1\) but `totalCount` says 4/,
  },
  {
    reply: 'link id as a JSON number above 2^53',
    fault: { method: 'GET', path: LINKS, rawBody: '' },
    error: /GET \/userPortalLink: page 1: reply is not the expected shape: `list\[0\]\.id` is a number beyond 2\^53/,
  },
  {
    reply: 'link id not a digit string',
    fault: patch(LINKS, { op: 'replace', path: '/list/0/id', value: '12ab' }),
    error: /page 1: reply is not the expected shape: `list\[0\]\.id` is a string; expected an id: a digit string/,
  },
  {
    reply: 'link without an id',
    fault: patch(LINKS, { op: 'remove', path: '/list/1/id' }),
    error: /GET \/userPortalLink: page 1: reply is not the expected shape: `list\[1\]\.id` is missing/,
  },
  {
    reply: 'link name not a string',
    fault: patch(LINKS, { op: 'replace', path: '/list/0/name', value: 42 }),
    error: /`list\[0\]\.name` is a number; expected a string without control characters/,
  },
  {
    reply: 'link name with a control character',
    fault: patch(LINKS, { op: 'replace', path: '/list/2/name', value: 'dele\u0007te-me' }),
    error: /`list\[2\]\.name` is a string; expected a string without control characters/,
  },
  {
    reply: '`link` not a string',
    fault: patch(LINKS, { op: 'replace', path: '/list/0/link', value: { host: 'keep.example.com' } }),
    error: /`list\[0\]\.link` is an object; expected a string/,
  },
  {
    reply: '`userPortals` not an array',
    fault: patch(LINKS, { op: 'replace', path: '/list/1/userPortals', value: 'Eng' }),
    error: /`list\[1\]\.userPortals` is a string; expected an array of portal objects with ids/,
  },
  {
    // A link always sits on a portal: read as "on no portal", a PUT would take it off the unmanaged one.
    reply: 'link without `userPortals`',
    fault: patch(LINKS, { op: 'remove', path: '/list/1/userPortals' }),
    error: /GET \/userPortalLink: page 1: reply is not the expected shape: `list\[1\]\.userPortals` is missing/,
  },
  {
    reply: 'link with an empty `userPortals`',
    fault: patch(LINKS, { op: 'replace', path: '/list/1/userPortals', value: [] }),
    error:
      /`list\[1\]\.userPortals` is an array; expected an array of portal objects with ids, at least one \(a link always sits on a portal\)/,
  },
  {
    reply: 'link with `userPortals: null`',
    fault: patch(LINKS, { op: 'replace', path: '/list/1/userPortals', value: null }),
    error: /`list\[1\]\.userPortals` is null; expected an array of portal objects with ids, at least one/,
  },
  {
    reply: '`userPortals` item without an id',
    fault: patch(LINKS, { op: 'remove', path: '/list/1/userPortals/0/id' }),
    error: /`list\[1\]\.userPortals\[0\]\.id` is missing/,
  },
  {
    reply: '`userPortals` item not an object',
    fault: patch(LINKS, { op: 'replace', path: '/list/1/userPortals/0', value: '145283994705985838' }),
    error: /`list\[1\]\.userPortals\[0\]` is a string; expected an object/,
  },
  {
    reply: '`enabled` not a boolean',
    fault: patch(LINKS, { op: 'replace', path: '/list/0/enabled', value: 'false' }),
    error: /`list\[0\]\.enabled` is a string; expected true or false/,
  },
  {
    reply: 'portal without an id',
    fault: patch(PORTALS, { op: 'remove', path: '/list/0/id' }),
    error: /GET \/userPortal: page 1: reply is not the expected shape: `list\[0\]\.id` is missing/,
  },
  {
    reply: 'portal name with a control character',
    fault: patch(PORTALS, { op: 'replace', path: '/list/0/name', value: 'E\nng' }),
    error: /GET \/userPortal: page 1: .*`list\[0\]\.name` is a string; expected a string without control characters/,
  },
  {
    // An unknown type is left unmanaged with a warning (test/e2e/fidelity-reads.test.ts); an empty one is malformed.
    reply: 'client setting of an empty type',
    fault: patch(/\/clientSetting\/all$/, { op: 'replace', path: '/0/clientCertificateType', value: '' }),
    error: /GET \/clientSetting\/all: reply is not the expected shape: `\[0\]\.clientCertificateType`/,
  },
  {
    reply: 'client setting type not a string',
    fault: patch(/\/clientSetting\/all$/, { op: 'replace', path: '/0/clientCertificateType', value: 1 }),
    error: /GET \/clientSetting\/all: .*`\[0\]\.clientCertificateType` is a number/,
  },
  {
    reply: 'an HTML page instead of JSON',
    fault: { method: 'GET', path: LINKS, rawBody: '<html><body>Service Unavailable</body></html>' },
    error: /GET \/userPortalLink: reply is not valid JSON/,
  },
  {
    reply: 'truncated JSON',
    fault: { method: 'GET', path: LINKS, malformedJson: true },
    error: /GET \/userPortalLink: reply is not valid JSON/,
  },
];

describe('a malformed reply stops apply before any write', () => {
  it.each(rows)('$reply', async ({ fault, error }) => {
    const dir = tenant();
    if (fault.rawBody === '') fault = { ...fault, rawBody: bigIdPage() };
    sim.clearRequests();
    sim.injectFault(fault);
    const before = sim.snapshot();
    const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.stderr).toMatch(error);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(1);
    expect(
      sim.requests.some((r) => r.fault !== undefined),
      'the fault was applied',
    ).toBe(true);
    expect(writes()).toEqual([]);
    expect(sim.snapshot()).toEqual(before);
  });
});

/** The live link page as text, the first link's id sent as a bare number that JSON.parse rounds. */
function bigIdPage(): string {
  const links = sim.snapshot().userPortalLinks;
  const list = links.map((l, i) => {
    const id = i === 0 ? '145283994705985838' : JSON.stringify(l.id);
    const portals = JSON.stringify(l.userPortalIds.map((portal) => ({ id: portal })));
    return `{"id":${id},"name":${JSON.stringify(l.name)},"link":${JSON.stringify(l.link)},"enabled":true,"userPortals":${portals}}`;
  });
  return `{"totalPages":"1","totalCount":"${links.length}","list":[${list.join(',')}]}`;
}

describe('paging that does not add up', () => {
  it('refuses `totalPages` lower than `totalCount` implies (the links of the unread page would be created again)', async () => {
    const { seed, manifests } = spreadLinks(501, 2);
    sim.seed(tenantSeed(2, seed));
    const dir = workspace(portalManifests(manifests));
    sim.clearRequests();
    sim.injectFault(patch(LINKS, { op: 'replace', path: '/totalPages', value: '1' }));
    const result = await cli(['apply', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(result.stderr).toMatch(
      /GET \/userPortalLink: read 500 objects on 1 page\(s\) \(`totalPages` 1\) but `totalCount` says 501; refusing/,
    );
    expect(result.code).toBe(1);
    expect(writes()).toEqual([]);
    // Without the fault the same manifests are already in place: nothing was due at all.
    const clean = await cli(['plan', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
    expect(clean.stdout).toContain('No changes.');
  });

  it('reads `totalCount: "0"` beside a non-empty list as "no count given", as the vendor example shows', async () => {
    const dir = tenant();
    sim.injectFault(patch(LINKS, { op: 'replace', path: '/totalCount', value: '0' }));
    const result = await cli(['plan', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Plan: 1 to create, 2 to update, 1 to delete.');
    expect(result.code).toBe(2);
  });

  it('accepts ids sent as safe JSON integers', async () => {
    sim.seed({
      userPortals: [{ name: 'Eng' }],
      userPortalLinks: [{ name: 'keep', link: 'k.example.com', portals: ['Eng'] }],
    });
    const dir = workspace(portalManifests({ Eng: [{ name: 'keep', link: 'k.example.com' }] }));
    const link = sim.snapshot().userPortalLinks[0];
    sim.injectFault({
      method: 'GET',
      path: LINKS,
      rawBody: `{"totalPages":"1","totalCount":"1","list":[{"id":1234,"name":"keep","link":"k.example.com","enabled":true,"userPortals":[{"id":${JSON.stringify(link?.userPortalIds[0])}}]}]}`,
    });
    const result = await cli(['plan', '--detailed-exitcode'], { cwd: dir, env: sim.env() });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('No changes.');
  });
});

describe('a link on a portal the portal list does not hold (the two reads disagree)', () => {
  const hide = (): SimFault => ({
    method: 'GET',
    path: PORTALS,
    patchReply: [
      { op: 'test', path: '/list/1/name', value: 'Other' },
      { op: 'remove', path: '/list/1' },
      { op: 'replace', path: '/totalCount', value: '1' },
    ],
  });

  it.each([['apply', '--auto-approve'], ['plan']])(
    '%s stops before any write, naming the link and the portal id, exit 1',
    async (...command) => {
      const dir = tenant();
      const hidden = sim.snapshot().userPortals.find((p) => p.name === 'Other')?.id ?? '';
      const drifted = sim.snapshot().userPortalLinks.find((l) => l.name === 'drifted')?.id ?? '';
      sim.clearRequests();
      sim.injectFault(hide());
      const before = sim.snapshot();
      const result = await cli(command, { cwd: dir, env: sim.env() });
      expect(result.stderr).toBe(
        `error: the tenant's reads disagree: link named "drifted" (id ${drifted}) is on user portal id ${hidden}, which GET /userPortal did not return; nothing was planned from them and nothing was changed (plan again; if it persists, doctor shows what the API key can read)\n`,
      );
      expect(result.code).toBe(1);
      expect(sim.requests.some((r) => r.fault !== undefined)).toBe(true);
      expect(writes()).toEqual([]);
      expect(sim.snapshot()).toEqual(before);
    },
  );
});
