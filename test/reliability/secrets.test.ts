/** Every command, run with a known client secret: the secret and any token appear nowhere. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeed, startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { removeWorkspaces, workspace } from '../support/workspace.js';

const SECRET = 'Sup3r-Secret-Value-8f2c91';
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: demoSeed(), clientSecret: SECRET });
});
afterAll(async () => {
  removeWorkspaces();
  await sim.close();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === '.git' ? [] : filesUnder(path)) : [path];
  });
}

describe('secrets', () => {
  it('never appear in any output, plan file, report, exported file or error', async () => {
    const dir = workspace({
      'm/portal.yaml': {
        userPortals: { Engineering: { prune: false, links: [{ name: 'New', link: 'new.example.com' }] } },
      },
    });
    const env = { ...sim.env(), ZPA_GITOPS_DEBUG: '1' };
    const runs = [
      await cli(['validate', 'm'], { cwd: dir, env }),
      await cli(['plan', 'm', '--out', 'plan.json'], { cwd: dir, env }),
      await cli(['plan', 'm', '--format', 'markdown'], { cwd: dir, env }),
      await cli(['plan', 'm', '--format', 'json'], { cwd: dir, env }),
      await cli(['show', 'plan.json'], { cwd: dir, env }),
      await cli(['apply', '--plan', 'plan.json', '--format', 'json'], { cwd: dir, env }),
      await cli(['apply', 'm', '--auto-approve'], { cwd: dir, env }),
      await cli(['export', '--out', 'exported'], { cwd: dir, env }),
      await cli(['plan', 'm'], { cwd: dir, env: { ...env, ZPA_CLIENT_SECRET: `${SECRET}-wrong` } }),
      await cli(['plan', 'm'], { cwd: dir, env: { ...env, ZPA_CLIENT_ID: SECRET } }),
      await cli(['plan', 'm'], { cwd: dir, env: { ...env, ZPA_CLOUD: `http://user:${SECRET}@example.com` } }),
      await cli(['sim', '--port', 'x'], { cwd: dir, env }),
      await cli(['doctor', '--format', 'json', '--write-probe', 'Engineering'], { cwd: dir, env }),
      await cli(['doctor'], { cwd: dir, env: { ...env, ZPA_CLIENT_SECRET: `${SECRET}-wrong` } }),
    ];
    expect(runs[1]?.code).toBe(0);
    expect(runs[8]?.code).toBe(1);
    expect(runs[12]?.code).toBe(0);
    expect(runs.some((r) => r.stderr.includes('debug:'))).toBe(true);
    const texts = [
      ...runs.flatMap((r) => [r.stdout, r.stderr]),
      ...filesUnder(dir).map((f) => readFileSync(f, 'latin1')),
    ];
    for (const text of texts) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toMatch(JWT);
    }
  });
});
