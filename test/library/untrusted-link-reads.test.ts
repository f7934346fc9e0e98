/**
 * The library refuses what the CLI refuses: a link read without its portals, and a link on a
 * portal id the portal list does not hold, stop `planTenant` with no plan at all, so no apply
 * function is ever given one, and nothing reaches the API but the reads.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, LiveReadsDisagreeError, planTenant } from '../../src/index.js';
import type { SimFault } from '../../src/sim/types.js';
import { desired } from '../support/builders.js';
import { apiWrites, shareSimAndClient } from '../support/sim.js';

const shared = shareSimAndClient();

/** "Shared" sits on the managed Eng and the unmanaged Other: a PUT with only Eng would take it off Other. */
function seed() {
  shared.sim.reset();
  shared.sim.seed({
    userPortals: [{ name: 'Eng' }, { name: 'Other' }],
    userPortalLinks: [{ name: 'Shared', link: 'shared.example.com', description: 'old', portals: ['Eng', 'Other'] }],
  });
  shared.sim.clearRequests();
}

const wanted = () =>
  desired({ portals: ['Eng'], links: [{ name: 'Shared', link: 'shared.example.com', portals: ['Eng'] }] });

const linkReads = (...patchReply: NonNullable<SimFault['patchReply']>): SimFault => ({
  method: 'GET',
  path: /\/userPortalLink$/,
  patchReply,
});

describe('planTenant on link reads that cannot be trusted', () => {
  beforeEach(seed);

  it.each([
    [
      'without `userPortals`',
      linkReads({ op: 'remove', path: '/list/0/userPortals' }),
      /`list\[0\]\.userPortals` is missing/,
    ],
    [
      'with `userPortals: []`',
      linkReads({ op: 'replace', path: '/list/0/userPortals', value: [] }),
      /`list\[0\]\.userPortals` is an array; expected .*at least one/,
    ],
  ])('refuses a link read %s: no plan, no write', async (_label, fault, message) => {
    shared.sim.injectFault(fault);
    const error = await planTenant(wanted(), shared.client).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(/^GET \/userPortalLink: page 1: reply is not the expected shape: /);
    expect((error as ApiError).message).toMatch(message);
    expect(shared.sim.requests.some((r) => r.fault !== undefined)).toBe(true);
    expect(apiWrites(shared.sim)).toEqual([]);
  });

  it('refuses a link on a portal the portal list does not hold, naming the link and the id', async () => {
    const other = shared.sim.snapshot().userPortals.find((p) => p.name === 'Other')?.id ?? '';
    const sharedId = shared.sim.snapshot().userPortalLinks[0]?.id ?? '';
    shared.sim.injectFault({
      method: 'GET',
      path: /\/userPortal$/,
      patchReply: [
        { op: 'test', path: '/list/1/name', value: 'Other' },
        { op: 'remove', path: '/list/1' },
        { op: 'replace', path: '/totalCount', value: '1' },
      ],
    });
    const error = await planTenant(wanted(), shared.client).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LiveReadsDisagreeError);
    expect((error as Error).message).toContain(
      `link named "Shared" (id ${sharedId}) is on user portal id ${other}, which GET /userPortal did not return`,
    );
    expect(apiWrites(shared.sim)).toEqual([]);
  });

  it('plans the same tenant when the reads are whole (the refusals above are the faults, not the seed)', async () => {
    const { plan } = await planTenant(wanted(), shared.client);
    const change = plan.changes.find((c) => c.key === 'Shared');
    expect(change?.action).toBe('update');
    expect(change?.action === 'update' ? change.after['userPortals'] : undefined).toHaveLength(2);
  });
});
