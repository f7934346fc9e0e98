import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/core/types.js';
import {
  displayName,
  parsePlannedRef,
  plannedRef,
  refsOfChange,
  withRealIds,
} from '../../src/canonical/planned-refs.js';

const ref = plannedRef('userPortal', 'Eng: west');

describe('planned references', () => {
  it('name a kind and a key, colons in the key included, and never parse from a real id', () => {
    expect(parsePlannedRef(ref)).toEqual({ kind: 'userPortal', key: 'Eng: west' });
    expect(parsePlannedRef('145283994705999001')).toBeUndefined();
    expect(displayName(ref, { '1': 'Ops' })).toBe('Eng: west');
    expect(displayName('1', { '1': 'Ops' })).toBe('Ops');
  });

  it('are replaced by real ids, and a set of ids is sorted again once they are in', () => {
    const change: Change = {
      kind: 'userPortalLink',
      key: 'wiki',
      action: 'update',
      id: '7',
      before: { userPortals: ['900'] },
      after: { userPortals: ['900', ref] },
      fieldChanges: [{ field: 'userPortals', before: ['900'], after: ['900', ref] }],
      fingerprint: '0123456789abcdef',
    };
    expect(refsOfChange(change)).toEqual([ref]);
    const real = withRealIds(change, new Map([[ref, '12']]));
    expect(real).toMatchObject({ after: { userPortals: ['12', '900'] } });
    expect(real?.action === 'update' && real.fieldChanges[0]?.after).toEqual(['12', '900']);
    expect(withRealIds(change, new Map()), 'its portal was not created').toBeUndefined();
    const plain: Change = { kind: 'userPortalLink', key: 'x', action: 'create', after: { userPortals: ['1'] } };
    expect(withRealIds(plain, new Map())).toBe(plain);
  });
});
