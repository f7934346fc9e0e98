/** Every shape a client-setting reply may take (the page's array, the Go SDK's object, an envelope). */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/errors.js';
import { readClientSettingList, readUpsertedClientSetting } from '../../src/zpa/index.js';

const zapp = { id: '1', clientCertificateType: 'ZAPP_CLIENT', enrollmentCertId: '145283994705985001' };
const iso = { id: '2', clientCertificateType: 'ISOLATION_CLIENT', enrollmentCertId: '145283994705985002' };
const all = { method: 'GET', path: '/clientSetting/all', status: 200 };

function failure(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('readClientSettingList', () => {
  it.each([
    ['an array (the page)', [zapp, iso], [zapp, iso]],
    ['an empty array', [], []],
    ['one object (zscaler-sdk-go)', zapp, [zapp]],
    ['an empty object (no setting, one-object reading)', {}, []],
    ['a {list} envelope', { list: [zapp, iso] }, [zapp, iso]],
    ['a {list} envelope with counts', { totalPages: '1', list: [iso] }, [iso]],
    ['a {list: null} envelope', { list: null }, []],
  ])('accepts %s', (_, body, settings) => {
    expect(readClientSettingList(body, all)).toEqual(settings);
  });

  it.each([
    ['null', null, 'got null'],
    ['an empty body', undefined, 'got an empty body'],
    ['a string', 'ZAPP_CLIENT', 'got a string'],
    ['an unknown object', { settings: [zapp] }, 'got an object with `settings`'],
    ['an array holding a non-object', [zapp, 'x'], 'item 1 of reply is a string'],
    ['an envelope whose list is no array', { list: zapp }, '`list` is an object'],
  ])('refuses %s with the endpoint named', (_, body, detail) => {
    const error = failure(() => readClientSettingList(body, all));
    expect(error.message).toMatch(/^GET \/clientSetting\/all: reply is not the expected shape/);
    expect(error.message).toContain(detail);
    expect(error.ambiguous).toBe(false);
  });
});

describe('readUpsertedClientSetting', () => {
  const post = { method: 'POST', path: '/clientSetting', status: 200, ambiguous: true };
  it.each([
    ['no body (204)', undefined, undefined],
    ['one object', iso, iso],
    ['an array (the page)', [iso], iso],
    ['an array holding several: the one of the type sent', [zapp, iso], iso],
    ['an envelope', { list: [iso] }, iso],
    ['an empty array', [], undefined],
  ])('accepts %s', (_, body, setting) => {
    expect(readUpsertedClientSetting(body, post, 'ISOLATION_CLIENT')).toEqual(setting);
  });

  it('refuses anything else as an ambiguous error: the upsert may have landed', () => {
    const error = failure(() => readUpsertedClientSetting(42, post, 'ISOLATION_CLIENT'));
    expect(error.message).toMatch(/^POST \/clientSetting: reply is not the expected shape .*got a number\)$/);
    expect(error.ambiguous).toBe(true);
  });
});
