import { describe, expect, it } from 'vitest';
import type { ResourceKind } from '../../src/core/kind.js';
import { buildKindSet } from '../../src/core/kind-set.js';
import { BUILT_IN_KINDS, withKinds } from '../../src/kinds/built-in.js';

/** A kind with only what the set looks at; the rest is never called here. */
function kind(name: string, extra: Partial<ResourceKind> = {}): ResourceKind {
  const base = BUILT_IN_KINDS.kind('clientSetting');
  return { ...base, name, collection: `${name}s`, reads: {}, addressTypes: {}, ...extra };
}

describe('buildKindSet', () => {
  it('refuses two kinds that claim one collection', () => {
    expect(() => withKinds(kind('other', { collection: 'userPortalLinks' }))).toThrow(
      'kinds userPortalLink and other both claim the collection userPortalLinks',
    );
  });

  it('refuses two kinds that claim one address type', () => {
    expect(() => withKinds(kind('other', { addressTypes: { link: { plural: 'links' } } }))).toThrow(
      'kinds userPortalLink and other both claim the address type link',
    );
  });

  it('refuses a second kind of the same name', () => {
    expect(() => buildKindSet([kind('a'), kind('a', { collection: 'elsewhere' })])).toThrow('two kinds are named a');
  });

  it('puts each kind after the kinds it depends on, and refuses a cycle or a missing one', () => {
    const set = buildKindSet([kind('a', { dependsOn: ['b'] }), kind('b')]);
    expect(set.kinds.map((k) => k.name)).toEqual(['b', 'a']);
    expect(() => buildKindSet([kind('a', { dependsOn: ['b'] }), kind('b', { dependsOn: ['a'] })])).toThrow(
      'kinds depend on each other in a cycle: a -> b -> a',
    );
    expect(() => buildKindSet([kind('a', { dependsOn: ['c'] })])).toThrow(
      'kind a depends on c, which is not in the set',
    );
  });

  it('is a value: extending it makes a new set and leaves the old one as it was', () => {
    const before = BUILT_IN_KINDS.kinds.map((k) => k.name);
    const extended = withKinds(kind('toy'));
    expect(extended.has('toy')).toBe(true);
    expect(BUILT_IN_KINDS.has('toy')).toBe(false);
    expect(BUILT_IN_KINDS.kinds.map((k) => k.name)).toEqual(before);
    expect(Object.isFrozen(BUILT_IN_KINDS.kinds)).toBe(true);
    expect(() => BUILT_IN_KINDS.kind('toy')).toThrow('unknown kind toy');
  });
});
