/**
 * The kinds' calls as data (core/kind.ts) are checked like every other reply: ZpaClient.read checks
 * each page against the call's `item`, ZpaClient.write checks a created object (and a bulk reply)
 * and calls a misshapen one ambiguous, since the write may have landed.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/errors.js';
import type { WriteCall } from '../../src/core/kind.js';
import { clientSettingKind } from '../../src/kinds/client-setting.js';
import { userPortalLinkKind } from '../../src/kinds/user-portal-link.js';
import { apiFor, listOf, type Obj } from '../sim/helpers.js';
import { harness, rejectionOf } from './sim-helpers.js';

const PORTAL = '145283994705985838';
const seed = {
  userPortals: [{ id: PORTAL, name: 'Portal A' }],
  userPortalLinks: [{ name: 'Wiki', link: 'wiki.example.com', portals: ['Portal A'] }],
};
const linkReads = userPortalLinkKind.reads;
// The simulators and clients are closed by sim-helpers after each test.

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await rejectionOf(promise);
  if (!(error instanceof ApiError)) throw error;
  return error;
}

function createCall(name: string): WriteCall {
  return {
    method: 'POST',
    path: '/userPortalLink',
    body: { name, link: `${name}.example.com`, userPortals: [{ id: PORTAL }] },
    scoped: true,
    reply: { expect: 'object', item: 'userPortalLink' },
  };
}

describe("the kinds' reads and writes through ZpaClient", () => {
  it('reads a well-formed page and refuses one whose link name is a number', async () => {
    const h = await harness({ seed });
    const call = linkReads['userPortalLinks'];
    if (!call) throw new Error('the links kind reads userPortalLinks');
    expect((await h.client.read(call)).map((l) => l['name'])).toEqual(['Wiki']);
    h.sim.injectFault({
      method: 'GET',
      path: /\/userPortalLink$/,
      patchReply: [{ op: 'replace', path: '/list/0/name', value: 7 }],
    });
    const error = await apiError(h.client.read(call));
    expect(error.message).toBe(
      'GET /userPortalLink: page 1: reply is not the expected shape: `list[0].name` is a number; expected a string without control characters',
    );
  });

  it('keeps every field of a link read, but of its embedded portals only their ids', async () => {
    const h = await harness({ seed });
    const call = linkReads['userPortalLinks'];
    if (!call) throw new Error('the links kind reads userPortalLinks');
    // The simulator embeds each portal whole, as ZPA does.
    const [wire] = listOf(await (await apiFor(h.sim)).call('GET', '/userPortalLink?page=1'));
    if (!wire) throw new Error('the simulator lists the seeded link');
    expect(Object.keys((wire['userPortals'] as Obj[])[0] ?? {}).length).toBeGreaterThan(1);
    const [read] = await h.client.read(call);
    expect(read).toEqual({ ...wire, userPortals: [{ id: PORTAL }] });
    const id = String(read?.['id']);
    expect(await h.client.readOne(call, id)).toEqual({ ...wire, userPortals: [{ id: PORTAL }] });
  });

  it('reads a client setting of a type it does not know (the kind leaves it alone), not one without a type', async () => {
    const h = await harness({ seed: { clientSettings: [] } });
    const call = clientSettingKind.reads['clientSettings'];
    if (!call) throw new Error('the client-setting kind reads clientSettings');
    h.sim.injectFault({
      method: 'GET',
      path: /\/clientSetting\/all$/,
      rawBody: '[{"id":"7","clientCertificateType":"MYSTERY"}]',
    });
    expect(await h.client.read(call)).toEqual([{ id: '7', clientCertificateType: 'MYSTERY' }]);
    h.sim.injectFault({ method: 'GET', path: /\/clientSetting\/all$/, rawBody: '[{"clientCertificateType":""}]' });
    const error = await apiError(h.client.read(call));
    expect(error.message).toMatch(
      /^GET \/clientSetting\/all: reply is not the expected shape: `\[0\]\.clientCertificateType`/,
    );
  });

  it('returns a created link, and calls a created link without an id an ambiguous failure', async () => {
    const h = await harness({ seed });
    const created = (await h.client.write(createCall('Docs'))) as Record<string, unknown>;
    expect(created['name']).toBe('Docs');
    h.sim.injectFault({ method: 'POST', path: /\/userPortalLink$/, patchReply: [{ op: 'remove', path: '/id' }] });
    const error = await apiError(h.client.write(createCall('Jira')));
    expect(error.message).toBe('POST /userPortalLink: reply is not the expected shape: `id` is missing');
    expect(error.ambiguous).toBe(true);
    // It had landed: the reply was the only thing wrong.
    expect(h.sim.snapshot().userPortalLinks.map((l) => l.name)).toContain('Jira');
  });

  it('checks each link of a bulk reply', async () => {
    const h = await harness({ seed });
    const links = [
      { name: 'A', link: 'a.example.com' },
      { name: 'B', link: 'b.example.com' },
    ];
    const bulk: WriteCall = {
      method: 'POST',
      path: '/userPortalLink/bulk',
      body: { userPortalLinks: links, userPortals: [{ id: PORTAL }] },
      scoped: true,
      reply: { expect: 'objects', field: 'userPortalLinks', item: 'userPortalLink' },
    };
    h.sim.injectFault({
      method: 'POST',
      path: /\/bulk$/,
      patchReply: [{ op: 'replace', path: '/userPortalLinks/1/id', value: 'not-an-id' }],
    });
    const error = await apiError(h.client.write(bulk));
    expect(error.message).toMatch(
      /^POST \/userPortalLink\/bulk: reply is not the expected shape: `userPortalLinks\[1\]\.id`/,
    );
    expect(error.ambiguous).toBe(true);
  });
});
