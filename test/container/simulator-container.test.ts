/**
 * The simulator in a container image built here FROM scratch, driven through the built CLI as a
 * user drives it: create, drift and a stale saved plan. Needs a container engine (see
 * .ci/scripts/with-docker.sh); without one the suite is skipped with the reason, except under
 * CI=true, where a missing engine is a failure.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StartedTestContainer } from 'testcontainers';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildSimulatorImage, removeSimulatorImage, startSimulatorContainer } from './image.js';
import { freePort, missingEngine, runBuiltCli, SimControl, writesIn } from './support.js';

const noEngine = await missingEngine();
if (noEngine !== undefined) {
  if (process.env['CI'] === 'true') throw new Error(`CI=true but no container engine can be used: ${noEngine}`);
  console.warn(
    `Skipping the container suite: no container engine (${noEngine}). Run it with: bash .ci/scripts/with-docker.sh`,
  );
}

interface ManifestLink {
  name: string;
  link: string;
  description?: string;
}

/**
 * The demo tenant's Engineering portal holds Grafana, GitLab and Jenkins. `prune: false` leaves
 * them alone, so each scenario changes only the links it declares.
 */
function writeManifests(dir: string, links: ManifestLink[]): void {
  mkdirSync(join(dir, 'portals'), { recursive: true });
  const manifest = { apiVersion: 'zpa-gitops/v1', userPortals: { Engineering: { prune: false, links } } };
  writeFileSync(join(dir, 'portals', 'engineering.yaml'), stringify(manifest));
}

const STATUS: ManifestLink = { name: 'Status page', link: 'status.corp.example.com', description: 'Service status' };
const DOCS: ManifestLink = { name: 'Docs', link: 'docs.corp.example.com', description: 'Product documentation' };

describe.skipIf(noEngine !== undefined)('the simulator image, driven by the built CLI', () => {
  let container: StartedTestContainer | undefined;
  let control: SimControl;
  let simEnv: Record<string, string>;
  let dir: string;
  const logs: string[] = [];
  const cli = (...args: string[]) => runBuiltCli(args, dir, simEnv);

  beforeAll(async () => {
    const built = Date.now();
    const image = await buildSimulatorImage();
    const started = Date.now();
    const port = await freePort();
    container = await startSimulatorContainer(image, port, (text) => logs.push(text)).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${reason}\nsimulator container output:\n${logs.join('') || '(none)'}`, { cause: error });
    });
    console.log(
      `container suite: image built in ${((started - built) / 1000).toFixed(1)} s, simulator up in ${((Date.now() - started) / 1000).toFixed(1)} s on 127.0.0.1:${port}`,
    );
    control = new SimControl(`http://127.0.0.1:${port}`);
    simEnv = await control.env();
  });

  afterAll(async () => {
    await container?.stop();
    await removeSimulatorImage();
  });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zpa-gitops-container-'));
    await control.reset();
    await control.clearRequests();
  });

  afterEach((context) => {
    rmSync(dir, { recursive: true, force: true });
    if (context.task.result?.state === 'fail') console.error(`simulator container output:\n${logs.join('')}`);
  });

  it('serves the demo tenant to the CLI with the variables it prints', async () => {
    expect(simEnv['ZPA_CLOUD']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(simEnv['ZPA_CUSTOMER_ID']).toMatch(/^\d+$/);
    await expect.poll(() => logs.join('')).toContain('export ZPA_CLIENT_ID=');
    const names = (await control.state()).userPortals.map((portal) => portal.name).sort();
    expect(names).toEqual(['Engineering', 'Ops', 'Sales']);
  });

  it('creates links that do not exist, then plans nothing', async () => {
    writeManifests(dir, [STATUS, DOCS]);
    const before = await cli('plan', '--detailed-exitcode');
    expect(before.stdout).toContain('Plan: 2 to create, 0 to update, 0 to delete.');
    expect(before.code).toBe(2);

    const applied = await cli('apply', '--auto-approve');
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toMatch(/Apply complete: 2 created, 0 updated, 0 deleted/);
    expect(applied.code).toBe(0);

    const again = await cli('plan', '--detailed-exitcode');
    expect(again.stdout).toContain('No changes.');
    expect(again.code).toBe(0);

    const state = await control.state();
    const engineering = state.userPortals.find((portal) => portal.name === 'Engineering');
    const created = state.userPortalLinks.filter((link) => link.name === 'Docs' || link.name === 'Status page');
    expect(created.map((link) => [link.name, link.link, link.description, link.userPortalIds])).toEqual(
      expect.arrayContaining([
        ['Docs', 'docs.corp.example.com', 'Product documentation', [engineering?.id]],
        ['Status page', 'status.corp.example.com', 'Service status', [engineering?.id]],
      ]),
    );
    expect(created).toHaveLength(2);
    // prune: false left the demo links where they were.
    expect(state.userPortalLinks.map((link) => link.name)).toEqual(
      expect.arrayContaining(['Grafana', 'GitLab', 'Jenkins']),
    );
  });

  it('finds a link edited behind its back, shows the update, and puts it back', async () => {
    writeManifests(dir, [DOCS]);
    expect((await cli('apply', '--auto-approve')).code).toBe(0);
    await control.editLink('Docs', { description: 'edited in the console' });

    const drifted = await cli('plan', '--detailed-exitcode');
    expect(drifted.stdout).toContain('~ update link "Docs"');
    expect(drifted.stdout).toContain('description: "edited in the console" → "Product documentation"');
    expect(drifted.stdout).toContain('Plan: 0 to create, 1 to update, 0 to delete.');
    expect(drifted.code).toBe(2);

    await control.clearRequests();
    const applied = await cli('apply', '--auto-approve');
    expect(applied.code).toBe(0);
    expect(writesIn(await control.requests()).map((entry) => entry.method)).toEqual(['PUT']);
    expect((await control.state()).userPortalLinks.find((link) => link.name === 'Docs')?.description).toBe(
      'Product documentation',
    );

    const again = await cli('plan', '--detailed-exitcode');
    expect(again.stdout).toContain('No changes.');
    expect(again.code).toBe(0);
  });

  it('refuses a saved plan once the object it would change has changed, writing nothing', async () => {
    writeManifests(dir, [DOCS]);
    expect((await cli('apply', '--auto-approve')).code).toBe(0);
    writeManifests(dir, [{ ...DOCS, description: 'Docs for every product' }]);
    const planned = await cli('plan', '--out', 'plan.json');
    expect(planned.stdout).toContain('Plan: 0 to create, 1 to update, 0 to delete.');
    expect(planned.code).toBe(0);

    await control.clearRequests();
    await control.editLink('Docs', { link: 'docs-v2.corp.example.com' });
    const stale = await cli('apply', '--plan', 'plan.json');
    expect(stale.stderr).toContain('Saved plan is stale: link "Docs" changed. Run plan again.');
    expect(stale.code).toBe(3);

    const requests = await control.requests();
    // The stale check reads back only the link the plan updates: one GET by id.
    expect(requests.some((entry) => entry.method === 'GET' && /\/userPortalLink\/[^/?]+$/.test(entry.path))).toBe(true);
    expect(writesIn(requests)).toEqual([]);
    const docs = (await control.state()).userPortalLinks.find((link) => link.name === 'Docs');
    expect(docs).toMatchObject({ link: 'docs-v2.corp.example.com', description: 'Product documentation' });
  });
});
