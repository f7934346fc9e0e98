import { describe, expect, it } from 'vitest';
import { demoSeed, generatedSeed, SimInputError } from '../../src/sim/index.js';
import { serveSimulator } from '../../src/sim/serve.js';
import { listOf, request, startSim } from './helpers.js';

describe('seeds', () => {
  it('demoSeed: three portals, five certificates, a Client Connector setting, links covering the odd cases', async () => {
    const sim = await startSim({ seed: demoSeed() });
    const state = sim.snapshot();
    expect(state.userPortals.map((p) => p.name)).toEqual(['Engineering', 'Ops', 'Sales']);
    expect(state.enrollmentCerts.map((c) => c.name)).toEqual([
      'Root',
      'Client',
      'Connector',
      'Service Edge',
      'Isolation Client',
    ]);
    const client = state.enrollmentCerts.find((c) => c.name === 'Client');
    expect(state.clientSettings).toEqual([
      expect.objectContaining({ clientCertificateType: 'ZAPP_CLIENT', enrollmentCertId: client?.id, name: 'Client' }),
    ]);
    expect(state.userPortalLinks.length).toBeGreaterThanOrEqual(5);
    expect(state.userPortalLinks.length).toBeLessThanOrEqual(8);
    expect(state.userPortalLinks.some((l) => l.userPortalIds.length === 2)).toBe(true);
    expect(state.userPortalLinks.some((l) => l.iconText.startsWith('data:image/'))).toBe(true);
    expect(state.userPortalLinks.some((l) => l.applicationId !== '')).toBe(true);
  });

  it('generatedSeed: portal-i and link-i, link i on portal i % portals, 50,000 links', async () => {
    const seed = generatedSeed({ links: 50_000, portals: 100, prefix: 'big-' });
    const sim = await startSim({ seed });
    const state = sim.snapshot();
    expect(state.userPortalLinks).toHaveLength(50_000);
    const portalName = new Map(state.userPortals.map((p) => [p.id, p.name]));
    const link = state.userPortalLinks[12_345];
    expect(link?.name).toBe('big-link-12345');
    expect(portalName.get(link?.userPortalIds[0] ?? '')).toBe('big-portal-45');
  });

  it('refuses seeds that could not exist: unknown names, a portal over 500 links', async () => {
    const sim = await startSim();
    expect(() => sim.seed({ userPortalLinks: [{ name: 'x', link: 'x', portals: ['Nowhere'] }] })).toThrow(/Nowhere/);
    expect(() => sim.seed({ clientSettings: [{ clientCertificateType: 'NONE', enrollmentCert: 'Missing' }] })).toThrow(
      SimInputError,
    );
    expect(() => generatedSeed({ links: 1234, portals: 2 })).toThrow(/500/);
    expect(sim.snapshot().enrollmentCerts).toHaveLength(5);
  });

  it('keeps seeded ids and generates new ones above them', async () => {
    const sim = await startSim({ seed: { userPortals: [{ id: '145283994705985838', name: 'A' }, { name: 'B' }] } });
    const state = sim.snapshot();
    expect(state.userPortals[0]?.id).toBe('145283994705985838');
    // Certificates and portal B are generated after the seeded id, never on it.
    const generated = [...state.enrollmentCerts.map((c) => c.id), state.userPortals[1]?.id ?? ''];
    expect(generated.every((id) => BigInt(id) > 145283994705985838n)).toBe(true);
    expect(new Set(generated).size).toBe(6);
  });
});

describe('serveSimulator', () => {
  it('starts on the demo tenant and prints the exports and a curl example that work', async () => {
    const { simulator, instructions } = await serveSimulator();
    try {
      for (const [name, value] of Object.entries(simulator.env()))
        expect(instructions).toContain(`export ${name}=${value}\n`);
      for (const [name, value] of Object.entries(simulator.oneApiEnv()))
        expect(instructions).toContain(`export ${name}=${value}\n`);
      // The OneAPI hosts of a real tenant, per cloud: the government clouds have their own.
      expect(instructions).toMatch(
        /^# {3}GOV +legacy https:\/\/config\.zpagov\.net +OneAPI https:\/\/<vanity>\.zidentitygov\.net\/oauth2\/v1\/token -> https:\/\/api\.zscalergov\.net$/m,
      );
      expect(instructions).toMatch(
        /^# {3}GOVUS +legacy https:\/\/config\.zpagov\.us +OneAPI https:\/\/<vanity>\.zidentitygov\.us\/oauth2\/v1\/token -> https:\/\/api\.zscalergov\.us$/m,
      );
      expect(instructions).toContain('# API readings: bulk create on v1 and v2, client settings as an array.');
      expect(instructions).toMatch(/curl -s -X POST http:\/\/127\.0\.0\.1:\d+\/signin/);
      const listLine = instructions.split('\n').find((line) => line.includes('Authorization: Bearer $TOKEN'));
      const listUrl = /'(http[^']+)'/.exec(listLine ?? '')?.[1] ?? '';
      // Follow the example by hand: sign in, then GET the links.
      const env = simulator.env();
      const body = new URLSearchParams({ client_id: env.ZPA_CLIENT_ID, client_secret: env.ZPA_CLIENT_SECRET });
      const token = (
        (await request(`${simulator.url}/signin`, { method: 'POST', body })).json as { access_token: string }
      ).access_token;
      const links = await request(listUrl, { headers: { authorization: `Bearer ${token}` } });
      expect(listOf(links).map((l) => l['name'])).toContain('Grafana');
    } finally {
      await simulator.close();
    }
  });
});
