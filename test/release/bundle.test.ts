/**
 * The release tree runs on its own: copied into an empty folder (no node_modules there or above it),
 * every command works from it against the simulator the tree itself starts (`sim`), and every module
 * each process loads is a Node built-in or a file of that folder (test/support/record-loads.mjs
 * records them).
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { isBuiltin } from 'node:module';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeForge } from '../support/fake-forges.js';
import { buildRelease, type Release } from '../support/release.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RECORD_LOADS = fileURLToPath(new URL('../support/record-loads.mjs', import.meta.url));
const TOKEN = 'ghs_release0bundle0token0never0printed';

let release: Release;
let folder: string;
let work: string;
let sim: ChildProcessWithoutNullStreams;
let simEnv: Record<string, string>;
let github: FakeForge;

/** Starts the tree's own `sim` and waits for the `export ZPA_...` lines it prints. */
function startTreeSim(): Promise<Record<string, string>> {
  sim = spawn(process.execPath, [join(folder, 'dist/cli/main.js'), 'sim', '--port', '0'], {
    cwd: work,
    env: { PATH: process.env['PATH'], NO_COLOR: '1' },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    sim.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const env = Object.fromEntries(
        [...output.matchAll(/^export (ZPA_[A-Z_]+)=(.*)$/gm)].map((m): [string, string] => [m[1] ?? '', m[2] ?? '']),
      );
      if (Object.keys(env).length === 4) resolve(env);
    });
    sim.on('exit', (code) => reject(new Error(`sim exited (${code}) before it printed its settings: ${output}`)));
  });
}

beforeAll(async () => {
  release = await buildRelease();
  folder = mkdtempSync(join(tmpdir(), 'zpa-gitops-bundle-only-'));
  cpSync(release.tree, folder, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'zpa-gitops-bundle-work-'));
  cpSync(join(ROOT, 'examples/manifests'), join(work, 'zpa'), { recursive: true });
  mkdirSync(join(work, '.git')); // the repository root, for icon paths
  simEnv = await startTreeSim();
  github = await startFakeGitHub(TOKEN);
}, 300_000); // a hang guard: the release build packs two tarballs

afterAll(async () => {
  sim?.kill('SIGINT');
  await github?.close();
  for (const dir of [folder, work]) if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Result {
  code: number;
  stdout: string;
  stderr: string;
  /** Every module the process loaded, as a URL or a path. */
  loads: string[];
}

/** Runs the tree's CLI from the empty folder's copy, recording what it loads. */
async function bundled(args: string[], env: Record<string, string> = {}): Promise<Result> {
  const log = join(work, `loads-${createHash('sha256').update(args.join(' ')).digest('hex').slice(0, 12)}.txt`);
  writeFileSync(log, '');
  const main = join(folder, 'dist/cli/main.js');
  const outcome = await new Promise<Omit<Result, 'loads'>>((resolve) => {
    execFile(
      process.execPath,
      ['--import', pathToFileURL(RECORD_LOADS).href, main, ...args],
      { cwd: work, env: { PATH: process.env['PATH'], NO_COLOR: '1', ZPA_GITOPS_RECORD_LOADS: log, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
  return { ...outcome, loads: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

/** Loads that are neither Node built-ins nor files of the folder the tree was copied to. */
function outside(loads: string[]): string[] {
  const inside = pathToFileURL(folder).href + '/';
  return loads.filter((l) => !isBuiltin(l) && !l.startsWith(inside) && !l.startsWith(folder + '/'));
}

function githubEnv(): Record<string, string> {
  const event = join(work, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 12 } }));
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'owner/repo',
    GITHUB_SHA: 'b'.repeat(40),
    GITHUB_REF: 'refs/pull/12/merge',
    GITHUB_API_URL: github.url,
    GITHUB_TOKEN: TOKEN,
  };
}

describe('the release tree in a folder of its own', () => {
  it('holds exactly what runs, with a package.json that depends on nothing and names the bundle', () => {
    expect(readdirSync(release.tree).sort()).toEqual([
      'LICENSE',
      'README.md',
      'action.yml',
      'dist',
      'package.json',
      'schemas',
    ]);
    expect(readdirSync(join(release.tree, 'dist'))).toEqual(['cli']);
    const pkg = JSON.parse(readFileSync(join(release.tree, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg['bin']).toEqual({ 'zpa-gitops': 'dist/cli/main.js' });
    expect(pkg['version']).toBe(release.version);
    expect(pkg).not.toHaveProperty('dependencies');
    expect(pkg).not.toHaveProperty('devDependencies');
    expect(pkg).not.toHaveProperty('scripts');
    expect(existsSync(join(folder, 'node_modules'))).toBe(false);
  });

  it('writes a SHA-256 for both tarballs that matches them', () => {
    const sums = readFileSync(join(release.out, 'SHA256SUMS'), 'utf8');
    const lines = sums.trim().split('\n');
    expect(lines.map((l) => l.split('  ')[1])).toEqual([
      `zpa-gitops-${release.version}.tgz`,
      `zpa-gitops-bundle-${release.version}.tgz`,
    ]);
    for (const line of lines) {
      const [hash, name] = line.split('  ');
      expect(
        createHash('sha256')
          .update(readFileSync(join(release.out, name!)))
          .digest('hex'),
        name,
      ).toBe(hash);
    }
  });

  it('validate, fmt, plan, comment, apply, plan again: no changes; doctor; export; all from the folder alone', async () => {
    const steps: [string, Result][] = [];
    const step = async (args: string[], env: Record<string, string> = {}): Promise<Result> => {
      const result = await bundled(args, env);
      steps.push([args.join(' '), result]);
      return result;
    };

    expect((await step(['--version'])).stdout.trim()).toBe(release.version);
    const validate = await step(['validate', 'zpa']);
    expect(validate.stdout, validate.stderr).toContain('Valid: 4 manifest files');
    expect((await step(['fmt', 'zpa', '--check'])).code).toBe(0);

    const plan = await step(['plan', 'zpa', '--out', 'plan.json', '--detailed-exitcode'], simEnv);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/Plan: \d+ to create, \d+ to update, \d+ to delete\./);

    const comment = await step(['comment', 'plan.json'], githubEnv());
    expect(comment.code, comment.stderr).toBe(0);
    expect(github.comments.get(12)).toHaveLength(1);

    const apply = await step(['apply', '--plan', 'plan.json'], simEnv);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stdout).toMatch(/Apply complete: \d+ created/);

    const again = await step(['plan', 'zpa', '--detailed-exitcode'], simEnv);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('No changes. The tenant matches the manifests.');

    const doctor = await step(['doctor'], simEnv);
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);

    const exported = await step(['export', '--out', 'exported'], simEnv);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readdirSync(join(work, 'exported'))).toContain('portals');
    expect((await step(['validate', 'exported'])).code).toBe(0);

    for (const [what, result] of steps) {
      expect(result.loads.length, what).toBeGreaterThan(0); // the recorder ran
      expect(outside(result.loads), what).toEqual([]);
      expect(result.stderr, what).not.toContain(TOKEN);
    }
    // `sim` ran from the folder too: the simulator every step above talked to.
    expect(sim.exitCode).toBeNull();
    expect(dirname(sim.spawnargs[1] ?? '')).toBe(join(folder, 'dist/cli'));
  }, 300_000); // a hang guard: a dozen Node processes on a loaded machine
});
