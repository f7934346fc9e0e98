/**
 * The simulator's readings: where the vendor's page and SDKs disagree, it answers either way, set at
 * start, in process, or over HTTP under /__sim/readings.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_READINGS, type Simulator } from '../../src/sim/index.js';
import { BUILT_IN_KINDS } from '../../src/kinds/built-in.js';
import { settingsFromEnv, ZpaClient } from '../../src/zpa/index.js';
import { apiFor, request, startSim } from './helpers.js';

const seed = {
  userPortals: [{ name: 'Portal A' }],
  clientSettings: [
    { clientCertificateType: 'APP_PROTECTION' as const, enrollmentCert: 'Client' },
    { clientCertificateType: 'ZAPP_CLIENT' as const, enrollmentCert: 'Client' },
  ],
};

async function putReadings(sim: Simulator, body: unknown) {
  return request(`${sim.url}/__sim/readings`, { method: 'PUT', body: JSON.stringify(body) });
}

async function bulk(sim: Simulator, version: 'v1' | 'v2') {
  const api = await apiFor(sim);
  const portalId = sim.snapshot().userPortals[0]?.id;
  return api.call(
    'POST',
    '/userPortalLink/bulk',
    { userPortalLinks: [{ name: `via-${version}`, link: `${version}.example.com` }], userPortals: [{ id: portalId }] },
    version,
  );
}

describe('readings', () => {
  it('default: bulk on v1 and v2, client settings as a bare array', async () => {
    const sim = await startSim({ seed });
    expect(sim.readings()).toEqual({
      bulkCreate: 'both',
      clientSettings: 'array',
      clientSettingsAll: 'every-type',
      microtenantReads: 'scoped',
      missingRoute: 'status',
      baCertificates: 'clientless',
      clientSettingScope: 'tenant-wide',
      oneApiGateway: 'quiet',
    });
    expect(DEFAULT_READINGS).toEqual(sim.readings());
    expect((await bulk(sim, 'v1')).status).toBe(201);
    expect((await bulk(sim, 'v2')).status).toBe(201);
    const all = await (await apiFor(sim)).call('GET', '/clientSetting/all');
    expect(Array.isArray(all.json)).toBe(true);
  });

  it('bulk only on v1: v2 answers 404 and creates nothing', async () => {
    const sim = await startSim({ seed, readings: { bulkCreate: 'v1' } });
    const reply = await bulk(sim, 'v2');
    expect(reply.status).toBe(404);
    expect(reply.json).toMatchObject({ id: 'route.not.found' });
    expect((await bulk(sim, 'v1')).status).toBe(201);
    expect(sim.snapshot().userPortalLinks.map((l) => l.name)).toEqual(['via-v1']);
  });

  it('bulk only on v2: v1 answers 405 (the path is a link id there) and creates nothing', async () => {
    const sim = await startSim({ seed });
    sim.setReadings({ bulkCreate: 'v2' });
    const reply = await bulk(sim, 'v1');
    expect(reply.status).toBe(405);
    expect((await bulk(sim, 'v2')).status).toBe(201);
    expect(sim.snapshot().userPortalLinks.map((l) => l.name)).toEqual(['via-v2']);
  });

  it.each([
    ['array', (all: unknown[]) => all],
    ['object', (all: unknown[]) => all[0]],
    ['list', (all: unknown[]) => ({ list: all })],
  ] as const)('client settings as %s, for /clientSetting/all and /clientSetting', async (shape, wrap) => {
    const sim = await startSim({ seed });
    const api = await apiFor(sim);
    const arrayAll = (await api.call('GET', '/clientSetting/all')).json as unknown[];
    const arrayDefault = (await api.call('GET', '/clientSetting')).json as unknown[];
    // Ordered by type, so the one-object reading shows ZAPP_CLIENT, the default type.
    expect(arrayAll.map((s) => (s as { clientCertificateType: string }).clientCertificateType)).toEqual([
      'ZAPP_CLIENT',
      'APP_PROTECTION',
    ]);
    expect(arrayDefault).toHaveLength(1);
    sim.setReadings({ clientSettings: shape });
    expect((await api.call('GET', '/clientSetting/all')).json).toEqual(wrap(arrayAll));
    expect((await api.call('GET', '/clientSetting')).json).toEqual(wrap(arrayDefault));
  });

  it('`/clientSetting/all` without the default: only `/clientSetting` shows ZAPP_CLIENT', async () => {
    const settings = [
      { clientCertificateType: 'ZAPP_CLIENT', enrollmentCert: 'Connector' },
      { clientCertificateType: 'ISOLATION_CLIENT', enrollmentCert: 'Isolation Client' },
    ] as const;
    const sim = await startSim({
      seed: { clientSettings: [...settings] },
      readings: { clientSettingsAll: 'without-default' },
    });
    const api = await apiFor(sim);
    const types = (json: unknown) => (json as { clientCertificateType: string }[]).map((s) => s.clientCertificateType);
    expect(types((await api.call('GET', '/clientSetting/all')).json)).toEqual(['ISOLATION_CLIENT']);
    expect(types((await api.call('GET', '/clientSetting')).json)).toEqual(['ZAPP_CLIENT']);
  });

  it('client settings per microtenant: another microtenant reads none, Default and unscoped reads all', async () => {
    const sim = await startSim({
      seed: { ...seed, microtenants: [{ id: '283011111111111111', name: 'Contractors' }] },
      readings: { clientSettingScope: 'per-microtenant' },
    });
    const api = await apiFor(sim);
    const count = async (query: string) =>
      ((await api.call('GET', `/clientSetting/all${query}`)).json as unknown[]).length;
    expect(await count('?microtenantId=283011111111111111')).toBe(0);
    expect(await count('?microtenantId=0')).toBe(2);
    expect(await count('')).toBe(2);
    sim.setReadings({ clientSettingScope: 'tenant-wide' });
    expect(await count('?microtenantId=283011111111111111')).toBe(2);
  });

  it("the OneAPI gateway's rate-limit headers, on OneAPI paths only", async () => {
    const sim = await startSim({ seed, readings: { oneApiGateway: 'rate-limit-headers' } });
    const headersSeen = async (env: Record<string, string | undefined>) => {
      const seen: Record<string, string>[] = [];
      const client = new ZpaClient({ settings: settingsFromEnv(env), onReply: (reply) => seen.push(reply.headers) });
      await client.read(BUILT_IN_KINDS.readCall('userPortals'));
      await client.read(BUILT_IN_KINDS.readCall('userPortals'));
      client.close();
      return seen;
    };
    const [first, second] = await headersSeen({ ...sim.oneApiEnv() });
    expect(first).toMatchObject({ 'x-ratelimit-limit': '5000, 5000;w=60', 'x-ratelimit-remaining': '4999' });
    expect(second?.['x-ratelimit-remaining']).toBe('4998');
    const legacy = await headersSeen({ ...sim.env() });
    expect(legacy.map((h) => h['x-ratelimit-limit'])).toEqual([undefined, undefined]);
  });

  it('the one-object reading of a tenant without settings is an empty object', async () => {
    const sim = await startSim({ readings: { clientSettings: 'object' } });
    const api = await apiFor(sim);
    expect((await api.call('GET', '/clientSetting/all')).json).toEqual({});
  });

  it('over HTTP: GET and PUT /__sim/readings; a partial PUT keeps the rest; reset keeps them', async () => {
    const sim = await startSim({ seed });
    expect((await request(`${sim.url}/__sim/readings`)).json).toEqual({
      bulkCreate: 'both',
      clientSettings: 'array',
      clientSettingsAll: 'every-type',
      microtenantReads: 'scoped',
      missingRoute: 'status',
      baCertificates: 'clientless',
      clientSettingScope: 'tenant-wide',
      oneApiGateway: 'quiet',
    });
    const put = await putReadings(sim, { bulkCreate: 'v1' });
    expect(put).toMatchObject({
      status: 200,
      json: { bulkCreate: 'v1', clientSettings: 'array', baCertificates: 'clientless' },
    });
    await putReadings(sim, { clientSettings: 'object' });
    expect(sim.readings()).toEqual({
      bulkCreate: 'v1',
      clientSettings: 'object',
      clientSettingsAll: 'every-type',
      microtenantReads: 'scoped',
      missingRoute: 'status',
      baCertificates: 'clientless',
      clientSettingScope: 'tenant-wide',
      oneApiGateway: 'quiet',
    });
    await request(`${sim.url}/__sim/reset`, { method: 'POST' });
    expect(sim.readings()).toEqual({
      bulkCreate: 'v1',
      clientSettings: 'object',
      clientSettingsAll: 'every-type',
      microtenantReads: 'scoped',
      missingRoute: 'status',
      baCertificates: 'clientless',
      clientSettingScope: 'tenant-wide',
      oneApiGateway: 'quiet',
    });
    expect((await bulk(sim, 'v2')).status).toBe(404);
    // Control calls are never in the request log.
    expect(sim.requests.some((r) => r.path.startsWith('/__sim'))).toBe(false);
  });

  it.each([
    [{ bulkCreate: 'v3' }, 'readings.bulkCreate must be one of v1, v2, both'],
    [{ clientSettings: 'map' }, 'readings.clientSettings must be one of array, object, list'],
    [
      { bulk: 'v1' },
      'readings.bulk is not a reading (bulkCreate, clientSettings, clientSettingsAll, microtenantReads, missingRoute, baCertificates, clientSettingScope, oneApiGateway)',
    ],
    ['v1', 'readings must be an object'],
  ])('refuses %j with a 400 naming the field, and changes nothing', async (body, reason) => {
    const sim = await startSim();
    const reply = await putReadings(sim, body);
    expect(reply).toMatchObject({ status: 400, json: { id: 'sim.invalid.input', reason } });
    expect(sim.readings()).toEqual(DEFAULT_READINGS);
    expect(() => sim.setReadings(body as never)).toThrow(reason);
  });

  it('refuses bad readings at start', async () => {
    await expect(startSim({ readings: { bulkCreate: 'v9' as never } })).rejects.toThrow(
      'readings.bulkCreate must be one of v1, v2, both',
    );
  });
});
