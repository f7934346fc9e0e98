import { describe, expect, it } from 'vitest';
import { TargetError } from '../../src/core/errors.js';
import { BUILT_IN_KINDS as KINDS } from '../../src/kinds/built-in.js';
import { parseTargets } from '../../src/planner/targets.js';
import { planChanges } from '../../src/plan-changes.js';
import { TARGET, desired, live, liveLink } from '../support/builders.js';

describe('parseTargets', () => {
  it('sorts and drops repeats', () => {
    expect(parseTargets(['portal:Ops', 'client-settings', 'portal:Ops', 'link:a:b'], KINDS)).toEqual([
      'client-settings',
      'link:a:b',
      'portal:Ops',
    ]);
  });

  // How the CLI words each refusal, and the library's own words (it names no flag).
  const bad: [address: string, cli: string, library: string][] = [
    [
      'portals:Ops',
      '--target "portals:Ops" is not an address: did you mean portal:NAME?',
      'target "portals:Ops" is not an address: did you mean portal:NAME?',
    ],
    [
      'client-setting',
      '--target client-setting needs a name: --target client-setting:NAME',
      'target client-setting needs a name: client-setting:NAME',
    ],
    ['portal:', '--target portal needs a name: --target portal:NAME', 'target portal needs a name: portal:NAME'],
    [
      'client-settings:ZAPP_CLIENT',
      '--target client-settings takes no name, got "client-settings:ZAPP_CLIENT"',
      'target client-settings takes no name, got "client-settings:ZAPP_CLIENT"',
    ],
    [
      'Ops',
      '--target "Ops" is not an address: use client-setting:NAME, client-settings, portal:NAME, link:NAME',
      'target "Ops" is not an address: use client-setting:NAME, client-settings, portal:NAME, link:NAME',
    ],
  ];
  it.each(bad)('refuses %j', (address, cli, library) => {
    const error = refusal(() => parseTargets([address], KINDS));
    expect(error.worded('--target')).toContain(cli);
    expect(error.message).toContain(library);
    expect(error.message).not.toContain('--');
  });
});

function refusal(run: () => unknown): TargetError {
  try {
    run();
  } catch (error) {
    if (error instanceof TargetError) return error;
    throw error;
  }
  throw new Error('expected a TargetError');
}

describe('targeted planning', () => {
  const d = desired({
    portals: ['Engineering', 'Ops'],
    links: [
      { name: 'Shared', portals: ['Ops'], description: 'new' },
      { name: 'EngOnly', portals: ['Engineering'], description: 'new' },
    ],
  });
  const l = live({
    userPortalLinks: [
      liveLink({ name: 'Shared', portals: ['Ops', 'Engineering'] }),
      liveLink({ name: 'EngOnly', portals: ['Engineering'] }),
      // Unlisted on Engineering, still on Ops: a detach from Engineering only.
      liveLink({ name: 'Leaving', portals: ['Engineering', 'Sales'] }),
    ],
  });
  const plan = (targets: string[]) =>
    planChanges(d, l, { target: TARGET, toolVersion: 't', targets }).changes.map((c) => `${c.action} ${c.key}`);

  it('keeps a field change on a portal the link sits on, and a detach only for the portal it leaves', () => {
    expect(plan(['portal:Ops'])).toEqual(['update Shared']);
    expect(plan(['portal:Engineering'])).toEqual(['update EngOnly', 'update Leaving', 'update Shared']);
    expect(plan(['portal:Sales'])).toEqual([]);
    expect(plan(['link:Leaving', 'link:EngOnly'])).toEqual(['update EngOnly', 'update Leaving']);
  });

  it('counts the update guard on the targeted changes only', () => {
    const many = desired({
      portals: ['Ops'],
      links: Array.from({ length: 10 }, (_, i) => ({ name: `l${i}`, portals: ['Ops'], description: i < 4 ? 'x' : '' })),
    });
    const manyLive = live({
      userPortalLinks: Array.from({ length: 10 }, (_, i) => liveLink({ name: `l${i}`, portals: ['Ops'] })),
    });
    const options = { target: TARGET, toolVersion: 't' };
    expect(planChanges(many, manyLive, options).safety.safe).toBe(false);
    expect(planChanges(many, manyLive, { ...options, targets: ['link:l0'] }).safety.safe).toBe(true);
  });
});
