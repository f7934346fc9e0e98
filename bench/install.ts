/**
 * What a CI job pays before its first plan: action.yml's steps, run as a runner runs them
 * (test/support/recipe-runner.ts), on the release tree a tag carries and on a source checkout (a
 * branch), in the same run. The source path uses this machine's warm npm cache, so a runner with a
 * cold one pays more: the ratio is a lower bound of what the release tree saves.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCompositeAction, type CompositeRun } from '../test/support/recipe-runner.js';
import { median, type Row } from './util.js';

const TRUST = ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR'];
const SECTION = 'Action install (action.yml as a runner runs it, wall time)';

/** One run of the action on `actionPath`, from a fresh runner temp folder and npm prefix. */
async function timedInstall(actionPath: string, scratch: string): Promise<number> {
  const runner = mkdtempSync(join(scratch, 'runner-'));
  const prefix = join(runner, 'prefix');
  const env: CompositeRun['env'] = {
    PATH: [join(prefix, 'bin'), dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: process.env['HOME'] ?? runner,
    RUNNER_TEMP: join(runner, 'temp'),
    GITHUB_ACTIONS: 'true',
    // A runner's own trust store; here, this machine's (npm reaches the registry through it).
    ...Object.fromEntries(TRUST.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : []))),
    // `npm install -g` of the source path lands here, not in this machine's global folder.
    npm_config_prefix: prefix,
  };
  const started = performance.now();
  const result = await runCompositeAction({ actionPath, env, cwd: runner });
  const ms = performance.now() - started;
  if (result.code !== 0) throw new Error(`action.yml on ${actionPath} failed:\n${result.output}`);
  return ms;
}

/** A branch checkout: the files git tracks, nothing built, no node_modules. */
function sourceCheckout(root: string, scratch: string): string {
  const checkout = join(scratch, 'checkout');
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(checkout, file)), { recursive: true });
    cpSync(join(root, file), join(checkout, file));
  }
  return checkout;
}

export async function benchInstall(root: string, bundleRuns = 5): Promise<Row[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'zpa-gitops-bench-install-'));
  const out = join(scratch, 'release');
  execFileSync(process.execPath, [join(root, 'scripts/release.mjs'), '--out', out], { cwd: root, stdio: 'ignore' });
  try {
    const bundle: number[] = [];
    for (let i = 0; i < bundleRuns; i++) bundle.push(await timedInstall(join(out, 'bundle'), scratch));
    const source = await timedInstall(sourceCheckout(root, scratch), scratch);
    const bundleMs = median(bundle);
    return [
      {
        section: SECTION,
        name: 'from source (a branch: npm ci, build, pack, npm install -g; warm npm cache): 1 run',
        figure: Math.round(source),
        unit: 'ms',
        bound: null,
        ratio: null,
        goal: '—',
        meets: null,
      },
      {
        section: SECTION,
        name: `from a release tree (a tag: the bundle on PATH): median of ${bundleRuns}`,
        figure: Math.round(bundleMs),
        unit: 'ms',
        bound: 5000,
        baseline: Math.round(source),
        ratio: bundleMs / source,
        goal: '< 5 s and ≤ 0.1× from source',
        meets: bundleMs < 5000 && bundleMs * 10 <= source,
        note: `${(source / bundleMs).toFixed(0)}× faster than from source`,
      },
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
