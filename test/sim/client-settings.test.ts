import { describe, expect, it } from 'vitest';
import { apiFor, startSim, type Obj } from './helpers.js';
import { stringMatching } from '../support/matchers.js';

const seed = {
  clientSettings: [
    { clientCertificateType: 'ZAPP_CLIENT' as const, enrollmentCert: 'Client' },
    { clientCertificateType: 'ISOLATION_CLIENT' as const, enrollmentCert: 'Isolation Client' },
  ],
};

type Certs = Record<string, string>;

async function setUp() {
  const sim = await startSim({ seed });
  const certs: Certs = Object.fromEntries(sim.snapshot().enrollmentCerts.map((c) => [c.name, c.id]));
  return { sim, api: await apiFor(sim), certs };
}

describe('client settings', () => {
  it('GET /clientSetting shows only the default; /clientSetting/all every one, as bare arrays', async () => {
    const { api, certs } = await setUp();
    const only = (await api.call('GET', '/clientSetting')).json as Obj[];
    expect(only).toEqual([
      expect.objectContaining({
        clientCertificateType: 'ZAPP_CLIENT',
        enrollmentCertId: certs['Client'],
        enrollmentCertName: 'Client',
        name: 'Client',
      }),
    ]);
    const all = (await api.call('GET', '/clientSetting/all')).json as Obj[];
    expect(all.map((s) => s['clientCertificateType'])).toEqual(['ZAPP_CLIENT', 'ISOLATION_CLIENT']);
    expect(all[0]).toMatchObject({
      id: stringMatching(/^\d+$/),
      signingCertExpiryInEpochSec: stringMatching(/^\d+$/),
    });
  });

  it('POST upserts by type: 204, a new type is created, an existing one updated in place', async () => {
    const { sim, api, certs } = await setUp();
    const before = sim.snapshot().clientSettings.find((s) => s.clientCertificateType === 'ZAPP_CLIENT');
    const update = await api.call('POST', '/clientSetting', {
      clientCertificateType: 'ZAPP_CLIENT',
      enrollmentCertId: certs['Connector'],
      enrollmentCertName: 'Connector',
      name: 'Connector',
    });
    expect(update.status).toBe(204);
    expect(update.text).toBe('');
    // The page's example spells the certificate `signingCertId`: accepted as an alias.
    const create = await api.call('POST', '/clientSetting', {
      clientCertificateType: 'APP_PROTECTION',
      signingCertId: certs['Root'],
      enrollmentCertName: 'Root',
      name: 'AppProtection',
    });
    expect(create.status).toBe(204);
    const all = (await api.call('GET', '/clientSetting/all')).json as Obj[];
    const byType = Object.fromEntries(all.map((s) => [String(s['clientCertificateType']), s]));
    expect(byType['ZAPP_CLIENT']).toMatchObject({
      id: before?.id,
      enrollmentCertId: certs['Connector'],
      name: 'Connector',
    });
    expect(byType['APP_PROTECTION']).toMatchObject({
      enrollmentCertId: certs['Root'],
      enrollmentCertName: 'Root',
      name: 'AppProtection',
    });
  });

  it.each([
    [
      'an unknown type',
      () => ({ clientCertificateType: 'BROWSER', enrollmentCertName: 'Client', name: 'x' }),
      'invalid.input',
    ],
    [
      'no certificate',
      () => ({ clientCertificateType: 'NONE', enrollmentCertName: 'Client', name: 'x' }),
      'invalid.input',
    ],
    [
      'an unknown certificate',
      () => ({
        clientCertificateType: 'NONE',
        enrollmentCertId: '145283994705999999',
        enrollmentCertName: 'x',
        name: 'x',
      }),
      'resource.not.found',
    ],
    [
      'no name',
      (certs: Certs) => ({
        clientCertificateType: 'NONE',
        enrollmentCertId: certs['Client'],
        enrollmentCertName: 'Client',
      }),
      'invalid.input',
    ],
  ])('refuses a setting with %s', async (_label, body, errorId) => {
    const { sim, api, certs } = await setUp();
    const reply = await api.call('POST', '/clientSetting', body(certs));
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ id: errorId });
    expect(sim.snapshot().clientSettings).toHaveLength(2);
  });

  it('DELETE ?type= removes that type; again is 400 resource.not.found; no type means ZAPP_CLIENT', async () => {
    const { sim, api } = await setUp();
    expect((await api.call('DELETE', '/clientSetting?type=ISOLATION_CLIENT')).status).toBe(204);
    const again = await api.call('DELETE', '/clientSetting?type=ISOLATION_CLIENT');
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ id: 'resource.not.found' });
    expect(sim.snapshot().clientSettings.map((s) => s.clientCertificateType)).toEqual(['ZAPP_CLIENT']);
    expect((await api.call('DELETE', '/clientSetting')).status).toBe(204);
    expect(sim.snapshot().clientSettings).toEqual([]);
    expect((await api.call('GET', '/clientSetting')).json).toEqual([]);
  });
});

describe('look-ups', () => {
  it('lists the five built-in certificates (v2, paged) and the microtenant summary', async () => {
    const { api } = await setUp();
    const certs = (await api.call('GET', '/enrollmentCert?page=1&pagesize=500', undefined, 'v2')).json as {
      totalCount: string;
      list: Obj[];
    };
    expect(certs.totalCount).toBe('5');
    expect(certs.list.map((c) => c['name'])).toEqual([
      'Root',
      'Client',
      'Connector',
      'Service Edge',
      'Isolation Client',
    ]);
    expect(certs.list[0]).toMatchObject({ allowSigning: true, validToInEpochSec: stringMatching(/^\d+$/) });
    expect((await api.call('GET', '/microtenants/summary')).json).toEqual([
      { id: '0', name: 'Default', enabled: true },
    ]);
  });
});
