/**
 * The reviewed digest is read only from a comment that shows it: a visible digest line that is not
 * the marker's is refused, and a plan whose destructive changes span several comments is read only
 * when every part carries the digest.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { cli } from '../support/cli.js';
import { GITHUB_BOT, startFakeGitHub, type FakeForge } from '../support/fake-forges.js';
import { portalManifests, removeWorkspaces, workspace } from '../support/workspace.js';

const TOKEN = 'ghs_parts0token0that0must0never0be0printed';
const SHA = 'b1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

let sim: Simulator;
let github: FakeForge;
beforeAll(async () => {
  sim = await startSimulator();
  github = await startFakeGitHub(TOKEN);
});
afterAll(async () => {
  await Promise.all([sim.close(), github.close()]);
});
afterEach(() => {
  removeWorkspaces();
  github.comments.clear();
  github.calls.length = 0;
});

function env(dir: string, event: 'pull_request' | 'push'): Record<string, string> {
  writeFileSync(join(dir, 'event.json'), JSON.stringify(event === 'push' ? {} : { pull_request: { number: 7 } }));
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_TOKEN: TOKEN,
    GITHUB_API_URL: github.url,
    GITHUB_REPOSITORY: 'owner/repo',
    GITHUB_SHA: SHA,
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
  };
}

/** `count` live links with long names, 500 to a portal; the manifests keep only the first `kept`. */
async function planDeleting(count: number, kept: number): Promise<{ dir: string; digest: string }> {
  const names = Array.from({ length: count }, (_, i) => `${'a-very-long-link-name-for-a-review-'.repeat(3)}${i}`);
  const portal = (i: number) => `Eng${Math.floor(i / 500)}`;
  const portals = [...new Set(names.map((_, i) => portal(i)))];
  sim.seed({
    userPortals: portals.map((name) => ({ name })),
    userPortalLinks: names.map((name, i) => ({ name, link: `l${i}.example.com`, portals: [portal(i)] })),
  });
  const links = Object.fromEntries(
    portals.map((p) => [
      p,
      names.flatMap((name, i) => (i < kept && portal(i) === p ? [{ name, link: `l${i}.example.com` }] : [])),
    ]),
  );
  const dir = workspace(portalManifests(links));
  const result = await cli(['plan', '--out', 'plan.json', '--format', 'json'], { cwd: dir, env: sim.env() });
  expect(result.code, result.stderr).toBe(0);
  return { dir, digest: (JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as { digest: string }).digest };
}

const mine = () => (github.comments.get(7) ?? []).filter((c) => c.author === GITHUB_BOT);

describe('destructive changes over several comments', () => {
  it('2,000 long-named deletes: every one is shown across numbered parts, each carrying the digest', async () => {
    const { dir, digest } = await planDeleting(2000, 1);
    const posted = await cli(['comment', 'plan.json'], { cwd: dir, env: env(dir, 'pull_request') });
    expect(posted.stderr).toBe('');
    const parts = mine();
    expect(parts.length).toBeGreaterThan(2);
    expect(posted.stdout).toBe(
      `Posted the plan comment on GitHub pull request #7 (over ${parts.length} comments: the destructive changes do not fit in one) (plan digest ${digest}).\n`,
    );
    const deletes = parts.flatMap((c) => c.body.match(/^- \*\*delete\*\* /gm) ?? []);
    expect(deletes).toHaveLength(1999);
    parts.forEach((c, i) => {
      expect(c.body.length).toBeLessThanOrEqual(65_536);
      expect(c.body).toContain(`<!-- zpa-gitops:plan digest=${digest} part=${i + 1}/${parts.length} -->`);
      expect(c.body).toContain(`Plan digest: \`${digest}\``);
    });
    expect(parts[0]?.body).toContain(`continue in the next ${parts.length - 1} comments`);
    expect(parts[0]?.body).not.toContain('are left out');

    github.byCommit.set(SHA, [{ number: 7, merged: true, mergeCommit: SHA }]);
    const reviewed = await cli(['reviewed-digest'], { cwd: dir, env: env(dir, 'push') });
    expect(reviewed.stdout).toBe(`${digest}\n`);

    // One part no longer carrying the digest: not every destructive change was shown with it.
    const second = parts[1];
    if (second) second.body = second.body.replace(/<!-- zpa-gitops:plan digest=\S+ part=2\/\d+ -->\n?/, '');
    const refused = await cli(['reviewed-digest'], { cwd: dir, env: env(dir, 'push') });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`spans ${parts.length} parts, but part 2 does not carry its digest ${digest}`);
  }, 120_000);

  it('a plan that shrinks back to one comment empties the parts it no longer uses', async () => {
    const big = await planDeleting(2000, 1);
    expect((await cli(['comment', 'plan.json'], { cwd: big.dir, env: env(big.dir, 'pull_request') })).code).toBe(0);
    const before = mine().length;
    const small = await planDeleting(20, 18);
    const again = await cli(['comment', 'plan.json'], { cwd: small.dir, env: env(small.dir, 'pull_request') });
    expect(again.stdout).toMatch(/^Updated the plan comment on GitHub pull request #7 \(plan digest/);
    const after = mine();
    expect(after).toHaveLength(before);
    expect(after[0]?.body).toContain(`<!-- zpa-gitops:plan digest=${small.digest} -->`);
    for (const part of after.slice(1)) {
      expect(part.body).not.toContain('zpa-gitops:plan digest');
      expect(part.body).toContain('No longer used: the plan now fits in one comment.');
    }
    github.byCommit.set(SHA, [{ number: 7, merged: true, mergeCommit: SHA }]);
    expect((await cli(['reviewed-digest'], { cwd: small.dir, env: env(small.dir, 'push') })).stdout).toBe(
      `${small.digest}\n`,
    );
  }, 120_000);
});

describe("the visible digest is the marker's", () => {
  it('refuses a bot comment showing one digest while its marker holds another', async () => {
    const { dir, digest } = await planDeleting(3, 3);
    expect((await cli(['comment', 'plan.json'], { cwd: dir, env: env(dir, 'pull_request') })).code).toBe(0);
    const [sticky] = mine();
    const shown = `sha256:${'e'.repeat(64)}`;
    if (sticky) sticky.body = sticky.body.replace(`Plan digest: \`${digest}\``, `Plan digest: \`${shown}\``);
    github.byCommit.set(SHA, [{ number: 7, merged: true, mergeCommit: SHA }]);
    const result = await cli(['reviewed-digest'], { cwd: dir, env: env(dir, 'push') });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `error: pull request #7's plan comment shows digest ${shown} but its hidden marker holds ${digest}: refusing a comment whose visible digest is not its marker's\n`,
    );
  });
});
