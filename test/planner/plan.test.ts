import { describe, expect, it } from 'vitest';
import { ManifestError } from '../../src/core/errors.js';
import type { Change, DesiredState, LiveState } from '../../src/core/types.js';
import { fingerprint } from '../../src/canonical/equality.js';
import { planChanges } from '../../src/plan-changes.js';
import { CERTS, PORTAL_IDS, TARGET, at, desired, live, liveLink } from '../support/builders.js';

const plan = (d: DesiredState, l: LiveState) => planChanges(d, l, { target: TARGET, toolVersion: 'test' });
const summary = (changes: Change[]) =>
  changes.map((c) => `${c.action} ${c.key}${'reason' in c && c.reason ? ` (${c.reason})` : ''}`);
const ids = (...names: string[]) => names.map((n) => PORTAL_IDS[n]).sort();
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

interface Row {
  rule: string;
  desired: DesiredState;
  live: LiveState;
  expect: string[];
  fields?: string[];
}

const rows: Row[] = [
  {
    rule: 'a listed link that is missing is created',
    desired: desired({ portals: ['Engineering'], links: [{ name: 'Grafana', portals: ['Engineering'] }] }),
    live: live({}),
    expect: ['create Grafana'],
  },
  {
    rule: 'an identical link is a no-op',
    desired: desired({
      portals: ['Engineering'],
      links: [{ name: 'Grafana', portals: ['Engineering'], description: 'dash' }],
    }),
    live: live({ userPortalLinks: [liveLink({ name: 'Grafana', portals: ['Engineering'], description: 'dash' })] }),
    expect: ['no-op Grafana'],
  },
  {
    rule: 'a changed field is an update of that field only',
    desired: desired({
      portals: ['Engineering'],
      links: [{ name: 'Grafana', portals: ['Engineering'], description: 'new' }],
    }),
    live: live({ userPortalLinks: [liveLink({ name: 'Grafana', portals: ['Engineering'], description: 'old' })] }),
    expect: ['update Grafana'],
    fields: ['description'],
  },
  {
    rule: 'absent, "" and null optional strings are equal',
    desired: desired({ portals: ['Engineering'], links: [{ name: 'Grafana', portals: ['Engineering'] }] }),
    live: live({
      userPortalLinks: [
        liveLink({ name: 'Grafana', portals: ['Engineering'], extra: { description: null, linkPath: '' } }),
      ],
    }),
    expect: ['no-op Grafana'],
  },
  {
    rule: 'HTML entities in live names and descriptions are unescaped',
    desired: desired({
      portals: ['Engineering'],
      links: [{ name: 'R&D <wiki>', link: 'wiki.example.com', portals: ['Engineering'], description: 'Q&A' }],
    }),
    live: live({
      userPortalLinks: [
        liveLink({
          name: 'R&amp;D &lt;wiki&gt;',
          link: 'wiki.example.com',
          portals: ['Engineering'],
          description: 'Q&amp;A',
        }),
      ],
    }),
    expect: ['no-op R&D <wiki>'],
  },
  {
    rule: 'enabled defaults to true',
    desired: desired({ portals: ['Engineering'], links: [{ name: 'Grafana', portals: ['Engineering'] }] }),
    live: live({
      userPortalLinks: [liveLink({ name: 'Grafana', portals: ['Engineering'], extra: { enabled: undefined } })],
    }),
    expect: ['no-op Grafana'],
  },
  {
    rule: 'enabled: false differs from the default',
    desired: desired({
      portals: ['Engineering'],
      links: [{ name: 'Grafana', portals: ['Engineering'], enabled: false }],
    }),
    live: live({ userPortalLinks: [liveLink({ name: 'Grafana', portals: ['Engineering'] })] }),
    expect: ['update Grafana'],
    fields: ['enabled'],
  },
  {
    rule: 'an icon compares by content, not by its base64 layout',
    desired: desired({
      portals: ['Engineering'],
      links: [
        {
          name: 'Grafana',
          portals: ['Engineering'],
          icon: { fileName: 'g.png', dataUri: `data:image/png;base64,${PNG}` },
        },
      ],
    }),
    live: live({
      userPortalLinks: [
        liveLink({
          name: 'Grafana',
          portals: ['Engineering'],
          extra: { iconText: `data:image/PNG;base64,${PNG.slice(0, 40)}\n${PNG.slice(40)}`, logoFileName: 'g.png' },
        }),
      ],
    }),
    expect: ['no-op Grafana'],
  },
  {
    rule: 'the same image under another file name (or none in ZPA) is no change: the file name goes with the image',
    desired: desired({
      portals: ['Engineering'],
      links: [
        {
          name: 'Grafana',
          portals: ['Engineering'],
          icon: { fileName: 'grafana.png', dataUri: `data:image/png;base64,${PNG}` },
        },
      ],
    }),
    live: live({
      userPortalLinks: [
        liveLink({ name: 'Grafana', portals: ['Engineering'], extra: { iconText: `data:image/png;base64,${PNG}` } }),
      ],
    }),
    expect: ['no-op Grafana'],
  },
  {
    rule: 'a new image is an update that sends its file name too',
    desired: desired({
      portals: ['Engineering'],
      links: [
        {
          name: 'Grafana',
          portals: ['Engineering'],
          icon: {
            fileName: 'new.gif',
            dataUri: 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
          },
        },
      ],
    }),
    live: live({
      userPortalLinks: [
        liveLink({
          name: 'Grafana',
          portals: ['Engineering'],
          extra: { iconText: `data:image/png;base64,${PNG}`, logoFileName: 'old.png' },
        }),
      ],
    }),
    expect: ['update Grafana'],
    fields: ['iconText', 'logoFileName'],
  },
  {
    rule: 'portals compare as a set',
    desired: desired({
      portals: ['Engineering', 'Ops'],
      links: [{ name: 'Grafana', portals: ['Ops', 'Engineering'] }],
    }),
    live: live({ userPortalLinks: [liveLink({ name: 'Grafana', portals: ['Engineering', 'Ops'] })] }),
    expect: ['no-op Grafana'],
  },
  {
    rule: 'a link whose only difference is its portals is an update, not delete and create',
    desired: desired({
      portals: ['Engineering', 'Ops'],
      links: [{ name: 'Grafana', portals: ['Engineering', 'Ops'] }],
    }),
    live: live({ userPortalLinks: [liveLink({ name: 'Grafana', portals: ['Engineering'] })] }),
    expect: ['update Grafana'],
    fields: ['userPortals'],
  },
  {
    rule: 'a link listed on two portals is one create on both',
    desired: desired({
      portals: ['Engineering', 'Ops'],
      links: [{ name: 'Grafana', portals: ['Engineering', 'Ops'] }],
    }),
    live: live({}),
    expect: ['create Grafana'],
  },
  {
    rule: 'an unlisted link on a pruned portal and an unmanaged one is detached, not deleted',
    desired: desired({ portals: ['Engineering'], links: [] }),
    live: live({ userPortalLinks: [liveLink({ name: 'Old', portals: ['Engineering', 'Sales'] })] }),
    expect: ['update Old (detach)'],
    fields: ['userPortals'],
  },
  {
    rule: 'an unlisted link whose last portal is pruned is deleted',
    desired: desired({ portals: ['Engineering'], links: [] }),
    live: live({ userPortalLinks: [liveLink({ name: 'Old', portals: ['Engineering'] })] }),
    expect: ['delete Old (prune)'],
  },
  {
    rule: 'prune: false keeps unlisted links',
    desired: desired({ portals: [{ name: 'Engineering', prune: false }], links: [] }),
    live: live({ userPortalLinks: [liveLink({ name: 'Old', portals: ['Engineering'] })] }),
    expect: [],
  },
  {
    rule: 'links on portals no manifest lists are never touched',
    desired: desired({ portals: ['Engineering'], links: [] }),
    live: live({ userPortalLinks: [liveLink({ name: 'Theirs', portals: ['Sales'] })] }),
    expect: [],
  },
  {
    rule: "unmanaged portals are preserved in a listed link's portal set",
    desired: desired({ portals: ['Engineering'], links: [{ name: 'Grafana', portals: ['Engineering'] }] }),
    live: live({ userPortalLinks: [liveLink({ name: 'Grafana', portals: ['Engineering', 'Sales'] })] }),
    expect: ['no-op Grafana'],
  },
  {
    rule: 'a listed link is taken off a pruned managed portal that does not list it',
    desired: desired({ portals: ['Engineering', 'Ops'], links: [{ name: 'Grafana', portals: ['Engineering'] }] }),
    live: live({ userPortalLinks: [liveLink({ name: 'Grafana', portals: ['Engineering', 'Ops'] })] }),
    expect: ['update Grafana'],
    fields: ['userPortals'],
  },
  {
    rule: 'a listed link stays on a prune: false portal that does not list it',
    desired: desired({
      portals: ['Engineering', { name: 'Ops', prune: false }],
      links: [{ name: 'Grafana', portals: ['Engineering'] }],
    }),
    live: live({ userPortalLinks: [liveLink({ name: 'Grafana', portals: ['Engineering', 'Ops'] })] }),
    expect: ['no-op Grafana'],
  },
  {
    rule: 'protocol left out keeps the live value',
    desired: desired({ portals: ['Engineering'], links: [{ name: 'Grafana', portals: ['Engineering'] }] }),
    live: live({ userPortalLinks: [liveLink({ name: 'Grafana', portals: ['Engineering'], protocol: 'https://' })] }),
    expect: ['no-op Grafana'],
  },
  {
    rule: 'server-owned and unmanaged fields never show as changes',
    desired: desired({ portals: ['Engineering'], links: [{ name: 'Grafana', portals: ['Engineering'] }] }),
    live: live({
      userPortalLinks: [
        liveLink({
          name: 'Grafana',
          portals: ['Engineering'],
          extra: { modifiedTime: '1', applicationId: '145283994705999999', microtenantName: 'Default' },
        }),
      ],
    }),
    expect: ['no-op Grafana'],
  },
  {
    rule: 'a renamed link is a create and a delete',
    desired: desired({ portals: ['Engineering'], links: [{ name: 'Grafana 2', portals: ['Engineering'] }] }),
    live: live({ userPortalLinks: [liveLink({ name: 'Grafana', portals: ['Engineering'] })] }),
    expect: ['create Grafana 2', 'delete Grafana (prune)'],
  },
  {
    rule: 'a missing client setting is created',
    desired: desired({
      clientSettings: [{ type: 'ZAPP_CLIENT', absent: false, enrollmentCert: { name: 'Client' }, location: at(3) }],
    }),
    live: live({}),
    expect: ['create ZAPP_CLIENT'],
  },
  {
    rule: 'a client setting with another certificate is updated',
    desired: desired({
      clientSettings: [{ type: 'ZAPP_CLIENT', absent: false, enrollmentCert: { id: '26781' }, location: at(3) }],
    }),
    live: live({
      clientSettings: [
        {
          id: '6025',
          clientCertificateType: 'ZAPP_CLIENT',
          name: 'Client',
          enrollmentCertId: '13965',
          enrollmentCertName: 'Client',
        },
      ],
    }),
    expect: ['update ZAPP_CLIENT'],
    fields: ['enrollmentCertId', 'enrollmentCertName', 'name'],
  },
  {
    rule: 'a client setting read with signingCertId is understood',
    desired: desired({
      clientSettings: [{ type: 'APP_PROTECTION', absent: false, enrollmentCert: { name: 'Client' }, location: at(3) }],
    }),
    live: live({
      clientSettings: [
        {
          id: '150207',
          clientCertificateType: 'APP_PROTECTION',
          name: 'Client',
          signingCertId: '13965',
          signingCertName: 'Client',
        },
      ],
    }),
    expect: ['no-op APP_PROTECTION'],
  },
  {
    rule: 'absent deletes an existing client setting',
    desired: desired({ clientSettings: [{ type: 'APP_PROTECTION', absent: true, location: at(3) }] }),
    live: live({
      clientSettings: [{ id: '16239', clientCertificateType: 'APP_PROTECTION', name: 'x', enrollmentCertId: '13965' }],
    }),
    expect: ['delete APP_PROTECTION (absent)'],
  },
  {
    rule: 'absent on a missing client setting is nothing to do',
    desired: desired({ clientSettings: [{ type: 'APP_PROTECTION', absent: true, location: at(3) }] }),
    live: live({}),
    expect: [],
  },
  {
    rule: 'unlisted client certificate types are left alone',
    desired: desired({ clientSettings: [] }),
    live: live({
      clientSettings: [{ id: '13370', clientCertificateType: 'ISOLATION_CLIENT', enrollmentCertId: '26781' }],
    }),
    expect: [],
  },
  {
    rule: 'changes are ordered by kind, action, then key',
    desired: desired({
      portals: ['Engineering'],
      links: [
        { name: 'b', portals: ['Engineering'] },
        { name: 'a', portals: ['Engineering'] },
        { name: 'c', portals: ['Engineering'], description: 'x' },
      ],
      clientSettings: [{ type: 'ZAPP_CLIENT', absent: false, enrollmentCert: { name: 'Client' }, location: at(3) }],
    }),
    live: live({
      userPortalLinks: [
        liveLink({ name: 'c', portals: ['Engineering'] }),
        liveLink({ name: 'z', portals: ['Engineering'] }),
      ],
    }),
    expect: ['create ZAPP_CLIENT', 'create a', 'create b', 'update c', 'delete z (prune)'],
  },
];

describe('planChanges', () => {
  it.each(rows)('$rule', (row) => {
    const result = plan(row.desired, row.live);
    expect(
      summary(result.changes.filter((c) => c.action !== 'no-op' || row.expect.some((e) => e.startsWith('no-op')))),
    ).toEqual(row.expect);
    if (row.fields) {
      const update = result.changes.find((c) => c.action === 'update');
      expect(update?.action === 'update' ? update.fieldChanges.map((f) => f.field) : []).toEqual(row.fields);
    }
  });

  it('creates a shared link with both portal ids, and keeps pruned portals out of a detach', () => {
    const shared = plan(
      desired({ portals: ['Engineering', 'Ops'], links: [{ name: 'Grafana', portals: ['Engineering', 'Ops'] }] }),
      live({}),
    );
    expect(shared.changes[0]?.action === 'create' && shared.changes[0].after['userPortals']).toEqual(
      ids('Engineering', 'Ops'),
    );
    const detach = plan(
      desired({ portals: ['Engineering'] }),
      live({ userPortalLinks: [liveLink({ name: 'Old', portals: ['Engineering', 'Sales'] })] }),
    );
    expect(detach.changes[0]?.action === 'update' && detach.changes[0].after['userPortals']).toEqual(ids('Sales'));
  });

  it('reports live duplicates of a listed link instead of guessing', () => {
    const d = desired({ portals: ['Engineering'], links: [{ name: 'Grafana', portals: ['Engineering'] }] });
    const l = live({
      userPortalLinks: [
        liveLink({ name: 'Grafana', portals: ['Engineering'] }),
        liveLink({ name: 'Grafana', portals: ['Ops'] }),
      ],
    });
    expect(() => plan(d, l)).toThrow(ManifestError);
    try {
      plan(d, l);
    } catch (error) {
      expect((error as ManifestError).diagnostics[0]).toMatchObject({ code: 'live-duplicate-link', location: at(10) });
    }
  });

  it('locates unknown portal and certificate names in the manifest, with a hint', () => {
    const d = desired({
      portals: ['engineering'],
      clientSettings: [{ type: 'ZAPP_CLIENT', absent: false, enrollmentCert: { name: 'Nope' }, location: at(7) }],
    });
    try {
      plan(d, live({}));
      expect.unreachable();
    } catch (error) {
      const found = (error as ManifestError).diagnostics.map((x) => [x.code, x.location?.line, x.hint?.slice(0, 30)]);
      expect(found).toEqual([
        ['unknown-user-portal', 2, 'did you mean "Engineering"? Na'],
        ['unknown-enrollment-certificate', 7, 'create it in ZPA first, or che'],
      ]);
    }
  });

  it('refuses a name that matches several portals', () => {
    const l = live({
      userPortals: [
        { id: '1', name: 'Twin' },
        { id: '2', name: 'Twin' },
      ],
    });
    expect(() => plan(desired({ portals: ['Twin'] }), l)).toThrow(ManifestError);
    try {
      plan(desired({ portals: ['Twin'] }), l);
    } catch (error) {
      expect((error as ManifestError).diagnostics[0]?.message).toBe('2 user portals are named "Twin" (ids 1, 2)');
    }
  });

  it('defaults a client setting name to its certificate name', () => {
    const result = plan(
      desired({
        clientSettings: [{ type: 'ISOLATION_CLIENT', absent: false, enrollmentCert: { id: '26781' }, location: at(3) }],
      }),
      live({}),
    );
    expect(result.changes[0]).toMatchObject({
      action: 'create',
      after: { name: 'Isolation Client', enrollmentCertId: '26781', enrollmentCertName: 'Isolation Client' },
    });
    expect(CERTS.length).toBe(5);
  });
});

describe('safety', () => {
  const tenLinks = Array.from({ length: 10 }, (_, i) => liveLink({ name: `link-${i}`, portals: ['Engineering'] }));
  const keep = (n: number) =>
    desired({
      portals: ['Engineering'],
      links: tenLinks.slice(0, n).map((l) => ({ name: String(l['name']), portals: ['Engineering'] })),
    });

  it('marks a plan unsafe when pruning removes more than 30 % of the live links on managed portals', () => {
    const result = plan(keep(6), live({ userPortalLinks: tenLinks }));
    expect(result.safety).toEqual({
      safe: false,
      reasons: ['pruning would remove 4 of 10 live links on managed portals (40 %, above the 30 % threshold)'],
      // What a saved plan's verdict is worked out from again at apply.
      basis: {
        thresholds: { prune: 0.3, update: 0.3, minimum: 10 },
        managed: expect.arrayContaining([
          { kind: 'clientSetting', counted: 'live client settings the manifests list', live: 0 },
          { kind: 'userPortalLink', counted: 'live links on managed portals', live: 10 },
        ]) as unknown,
      },
    });
  });

  it('allows exactly the threshold', () => {
    expect(plan(keep(7), live({ userPortalLinks: tenLinks })).safety.safe).toBe(true);
  });

  it('does not apply below ten live links', () => {
    expect(plan(keep(0), live({ userPortalLinks: tenLinks.slice(0, 9) })).safety.safe).toBe(true);
  });

  it('honours a configured threshold', () => {
    const result = planChanges(keep(6), live({ userPortalLinks: tenLinks }), {
      target: TARGET,
      toolVersion: 'test',
      safety: { pruneThreshold: 0.5, pruneMinimum: 10 },
    });
    expect(result.safety.safe).toBe(true);
  });

  it('does not count an explicit absent as pruning', () => {
    const d = desired({
      clientSettings: (['ZAPP_CLIENT', 'ISOLATION_CLIENT', 'APP_PROTECTION', 'NONE'] as const).map((type) => ({
        type,
        absent: true,
        location: at(3),
      })),
    });
    const l = live({
      clientSettings: ['ZAPP_CLIENT', 'ISOLATION_CLIENT', 'APP_PROTECTION', 'NONE'].map((t, i) => ({
        id: String(i + 1),
        clientCertificateType: t,
        enrollmentCertId: '13965',
      })),
    });
    const result = plan(d, l);
    expect(result.counts.delete).toBe(4);
    expect(result.safety.safe).toBe(true);
  });

  it("gives a no-op the fingerprint of its live object, in the field's place, when it is read", () => {
    const result = plan(
      desired({ portals: ['Engineering'], links: [{ name: 'Grafana', portals: ['Engineering'], description: 'd' }] }),
      live({ userPortalLinks: [liveLink({ name: 'Grafana', portals: ['Engineering'], description: 'd' })] }),
    );
    const [noOp] = result.changes;
    if (noOp?.action !== 'no-op') throw new Error('expected a no-op');
    expect(noOp.fingerprint).toBe(fingerprint(noOp.before));
    expect(noOp.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    // Saved plans keep their bytes: the fingerprint follows `before` as it always did.
    expect(Object.keys(JSON.parse(JSON.stringify(noOp)) as object)).toEqual([
      'kind',
      'key',
      'declaredAt',
      'action',
      'id',
      'before',
      'fingerprint',
    ]);
  });
});
