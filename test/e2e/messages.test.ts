/**
 * Each corrected message, as the CLI prints it: true, one line, naming what to fix. In-process
 * (test/support/cli.ts, the code path of the binary); `sim --port 0` runs the built CLI, since its
 * point is a real process listening.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoSeed, startSimulator, type Simulator } from '../../src/sim/index.js';
import { MAIN } from '../support/built-cli.js';
import { cli } from '../support/cli.js';
import { removeWorkspaces, workspace } from '../support/workspace.js';
import { apiWrites } from '../support/sim.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  removeWorkspaces();
  await sim.close();
});
beforeEach(() => {
  sim.seed({ userPortals: [{ name: 'Engineering' }, { name: 'Ops' }] });
  sim.clearRequests();
});

const writes = () => apiWrites(sim);
const lines = (text: string) => text.split('\n').filter((line) => line !== '');
const onePortal = (portal: string) => ({
  'zpa.yaml': { userPortals: { [portal]: { links: [{ name: 'Grafana', link: 'grafana.corp.example.com' }] } } },
});

describe('messages that are true', { timeout: 120_000 }, () => {
  it('an unknown portal, found after the reads, ends with "Nothing was changed."', async () => {
    const result = await cli(['plan', '.'], { cwd: workspace(onePortal('Nope')), env: sim.env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^zpa\.yaml:3:3 error no user portal is named "Nope"/);
    expect(result.stderr).toMatch(/\n1 error in the manifests\. Nothing was changed\.\n$/);
    expect(sim.requests.some((r) => r.method === 'GET')).toBe(true);
    expect(writes()).toEqual([]);
  });

  it('duplicate live links end with "Nothing was changed." too', async () => {
    sim.seed({
      userPortals: [{ name: 'Engineering' }],
      userPortalLinks: [
        { name: 'Grafana', link: 'a.example.com', portals: ['Engineering'] },
        { name: 'Grafana', link: 'b.example.com', portals: ['Engineering'] },
      ],
    });
    const result = await cli(['apply', '.', '--auto-approve'], {
      cwd: workspace(onePortal('Engineering')),
      env: sim.env(),
    });
    expect(result.code).toBe(1);
    const [first, second] = sim.snapshot().userPortalLinks.map((l) => l.id);
    const portal = sim.snapshot().userPortals.find((p) => p.name === 'Engineering')?.id;
    expect(portal).toBeDefined();
    // A problem in the tenant: it names the name, both ids and their portal, and is not the manifests'.
    expect(result.stderr).toContain(
      `2 live links are named "Grafana" (id ${first} on portal "Engineering", id ${second} on portal "Engineering")`,
    );
    expect(result.stderr).toMatch(/\n1 problem in the tenant \(fix it in ZPA\)\. Nothing was changed\.\n$/);
    expect(result.stderr).not.toContain('in the manifests');
    expect(writes()).toEqual([]);
  });

  it('an invalid manifest still says nothing was sent, and nothing was', async () => {
    const dir = workspace({ 'zpa.yaml': 'apiVersion: zpa-gitops/v1\nuserPortals: 3\n' });
    const result = await cli(['plan', '.'], { cwd: dir, env: sim.env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/1 error in the manifests\. Nothing was sent to the API\.\n$/);
    expect(sim.requests).toEqual([]);
  });

  // `--target portal:` is the spelling now; `--portal` would add its one-line deprecation notice.
  it('export --target portal:Nope: one line ending "Nothing was changed.", no file written', async () => {
    const dir = workspace();
    const result = await cli(['export', '--target', 'portal:Nope', '--out', 'zpa'], {
      cwd: dir,
      env: sim.env(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: no user portal is named "Nope". Nothing was changed.\n');
    expect(existsSync(join(dir, 'zpa'))).toBe(false);
  });

  it('a refused sign-in is one line', async () => {
    const result = await cli(['plan', '.'], {
      cwd: workspace(onePortal('Ops')),
      env: { ...sim.env(), ZPA_CLIENT_SECRET: 'wrong-secret' },
    });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^error: Sign-in refused \(HTTP 401.*\): check ZPA_CLIENT_ID and ZPA_CLIENT_SECRET\n$/,
    );
    expect(result.stderr).not.toContain('wrong-secret');
  });

  it('https:// to the plain-HTTP simulator says so, in one line', async () => {
    const env = { ...sim.env(), ZPA_CLOUD: sim.url.replace('http://', 'https://') };
    const result = await cli(['plan', '.'], { cwd: workspace(onePortal('Ops')), env });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain(`answered in plain HTTP, not TLS; use ${sim.url} in ZPA_CLOUD`);
    expect(result.stderr).not.toContain('no response');
  });

  it('names every missing ZPA variable at once', async () => {
    const result = await cli(['plan', '.'], { cwd: workspace(onePortal('Ops')), env: {} });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: ZPA_CLIENT_ID, ZPA_CLIENT_SECRET and ZPA_CUSTOMER_ID are not set\n');
    const one = await cli(['plan', '.'], {
      cwd: workspace(onePortal('Ops')),
      env: { ...sim.env(), ZPA_CUSTOMER_ID: '' },
    });
    expect(one.stderr).toBe('error: ZPA_CUSTOMER_ID is not set\n');
  });

  it('Exported N files lists all N, icons included; one file is "1 file"', async () => {
    sim.seed(demoSeed());
    const dir = workspace();
    const all = await cli(['export', '--out', 'zpa'], { cwd: dir, env: sim.env() });
    expect(all.code).toBe(0);
    const [, count, listed] = /^Exported (\d+) files to zpa: (.*)\n$/.exec(all.stdout) ?? [];
    const written = readdirSync(join(dir, 'zpa'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(join(dir, 'zpa').length + 1))
      .sort();
    expect(listed?.split(', ')).toEqual(written);
    expect(Number(count)).toBe(written.length);
    expect(written.some((file) => file.startsWith('icons/'))).toBe(true);
    const one = await cli(['export', '--portal', 'Sales', '--out', 'one'], { cwd: dir, env: sim.env() });
    expect(one.stdout).toBe('Exported 1 file to one: portals/sales.yaml\n');
  });

  it('sim --port 0 listens on a free port and prints it', async () => {
    const child = spawn(process.execPath, [MAIN, 'sim', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`sim exited with ${code}`)));
      });
      const port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+) /.exec(first)?.[1]);
      expect(port).toBeGreaterThan(0);
      const reply = await fetch(`http://127.0.0.1:${port}/signin`, { method: 'POST' });
      expect(reply.status).toBeGreaterThanOrEqual(400); // it answers: no credentials were sent
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  });
});
