/**
 * The Terraform spellings a user types from habit, against the simulator: each one does what the
 * documented double-dash form does. They are rewritten in src/cli (args.ts), so the runs are
 * in-process (the same code path as the binary, test/support/cli.ts); one runs the built CLI, to
 * show a single-dash spelling survives a real process's argv.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { builtCli } from '../support/built-cli.js';
import { cli } from '../support/cli.js';
import { removeWorkspaces, workspace, writeFiles } from '../support/workspace.js';
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
const ESC = '\u001b[';

/** Two new links: a plan with changes. */
function manifests(): string {
  const dir = workspace();
  writeFiles(dir, {
    'portals/engineering.yaml': {
      userPortals: { Engineering: { links: [{ name: 'Grafana', link: 'grafana.corp.example.com' }] } },
    },
    'portals/ops.yaml': { userPortals: { Ops: { links: [{ name: 'Pager', link: '10.20.0.15' }] } } },
  });
  return dir;
}

// The built-CLI case starts Node; on a loaded 2-core machine that alone can take seconds.
describe('Terraform spellings', { timeout: 120_000 }, () => {
  it.each([['-out=plan.json'], ['-out', 'plan.json'], ['--out=plan.json'], ['--out', 'plan.json']])(
    'plan %s saves the plan',
    async (...flag) => {
      const dir = manifests();
      const result = await cli(['plan', '.', ...flag], { cwd: dir, env: sim.env() });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Saved the plan to plan.json');
      expect(JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'))).toMatchObject({ formatVersion: 1 });
    },
  );

  it('-detailed-exitcode exits 2 with changes', async () => {
    const result = await cli(['plan', manifests(), '-detailed-exitcode'], { env: sim.env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(2);
  });

  it('-json is --format json', async () => {
    const result = await cli(['plan', manifests(), '-json'], { env: sim.env() });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ formatVersion: 1, counts: { create: 2 } });
  });

  it.each([['-no-color'], ['--no-color']])('%s wins over FORCE_COLOR', async (flag) => {
    const dir = manifests();
    const coloured = await cli(['plan', dir], { env: { ...sim.env(), FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain(ESC);
    const plain = await cli(['plan', dir, flag], { env: { ...sim.env(), FORCE_COLOR: '1' } });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('+ create link "Grafana"');
    expect(plain.stdout).not.toContain(ESC);
  });

  it('every command takes --no-color', async () => {
    // An unknown flag after it shows that --no-color itself was accepted by each command's parser.
    const commands = ['validate', 'plan', 'show', 'apply', 'export', 'fmt', 'sim'];
    const results = await Promise.all(commands.map((c) => cli([c, '--no-color', '--zz-not-a-flag'])));
    for (const [index, result] of results.entries()) {
      expect(result.code, commands[index]).toBe(1);
      expect(result.stderr, commands[index]).toMatch(/^error: Unknown option '--zz-not-a-flag'/);
    }
  });

  it('-auto-approve and -parallelism=N apply without asking', async () => {
    const dir = manifests();
    const result = await builtCli(['apply', '.', '-auto-approve', '-parallelism=1'], { cwd: dir, env: sim.env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(writes().map((w) => w.method)).toEqual(['POST', 'POST']);
  });

  it('-target=… reaches parseArgs as --target, not as -t -a -r …', async () => {
    const result = await cli(['plan', manifests(), '-target=portal:Ops'], { env: sim.env() });
    expect(result.stderr).not.toMatch(/'-t'/);
    // An unknown option is named as the user meant it.
    if (result.code === 1) expect(result.stderr).toContain("Unknown option '--target'");
  });

  it('apply PLANFILE applies a saved plan, as terraform apply PLANFILE', async () => {
    const dir = manifests();
    expect((await cli(['plan', '.', '-out=plan.json'], { cwd: dir, env: sim.env() })).code).toBe(0);
    sim.clearRequests();
    const result = await cli(['apply', 'plan.json'], { cwd: dir, env: sim.env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Apply complete: 2 created');
    expect(writes()).toHaveLength(2);
    // A manifest named the same way is still a manifest.
    const again = await cli(['apply', 'portals/ops.yaml', '--auto-approve'], { cwd: dir, env: sim.env() });
    expect(again.stdout).toContain('No changes.');
  });

  it('--input=false never prompts: without --auto-approve it refuses, with it it applies', async () => {
    const dir = manifests();
    const refused = await cli(['apply', '.', '--input=false'], { cwd: dir, env: sim.env() });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'error: apply needs confirmation, and --input=false forbids asking: pass --auto-approve (nothing was changed)\n',
    );
    expect(writes()).toEqual([]);
    // On a terminal too: the answer "yes" is never asked for.
    const onTerminal = await cli(['apply', '.', '-input=false'], {
      cwd: dir,
      env: sim.env(),
      tty: true,
      answer: 'yes',
    });
    expect(onTerminal.code).toBe(1);
    expect(onTerminal.stdout).not.toContain('Do you want to apply');
    expect(writes()).toEqual([]);
    const applied = await cli(['apply', '.', '-input=false', '-auto-approve'], { cwd: dir, env: sim.env() });
    expect(applied.code).toBe(0);
    expect(writes()).toHaveLength(2);
  });
});

describe('help and mistakes', { timeout: 120_000 }, () => {
  it('help plan, plan -h, plan -help and plan --help print the same text', async () => {
    const results = await Promise.all(
      [
        ['help', 'plan'],
        ['plan', '-h'],
        ['plan', '-help'],
        ['plan', '--help'],
      ].map((args) => cli(args)),
    );
    for (const result of results) {
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(results[0]?.stdout);
    }
    expect(results[0]?.stdout).toMatch(/^Usage: zpa-gitops plan/);
  });

  it('an unknown flag gets a did-you-mean from the command’s own flags', async () => {
    const result = await cli(['plan', '--detailed-exit-code']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "error: Unknown option '--detailed-exit-code'; did you mean --detailed-exitcode? (see: zpa-gitops plan --help)\n",
    );
    const apply = await cli(['apply', '-auto-aprove']);
    expect(apply.stderr).toContain('did you mean --auto-approve?');
  });

  it('help for an unknown command is the unknown-command error', async () => {
    const result = await cli(['help', 'plna']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown command "plna" (did you mean "plan"?)');
  });
});
