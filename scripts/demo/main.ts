/**
 * `npm run demo`: the whole loop against the embedded simulator, as a user would see it:
 * validate, plan, apply, and plan again (which must show no changes).
 */
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run.js';
import { COLOR, PLAIN, wantsColor } from '../../src/render/style.js';
import { PUBLISHED_RATE_LIMITS, startSimulator } from '../../src/sim/index.js';
import { simulatorOnlyEnv } from '../../src/sim/serve.js';
import { demoTenant } from './seed.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const manifests = 'examples/manifests';
const style = wantsColor(process.env, process.stdout.isTTY === true) ? COLOR : PLAIN;

const sim = await startSimulator({ seed: demoTenant(), rateLimits: PUBLISHED_RATE_LIMITS });
// Only the simulator's ZPA_* and ZSCALER_* variables: real credentials in the shell stay unused.
const env = simulatorOnlyEnv(process.env, sim.env());
const io = {
  stdout: (text: string) => void process.stdout.write(text),
  stderr: (text: string) => void process.stderr.write(text),
  env,
  cwd: root,
  stdoutIsTty: process.stdout.isTTY === true,
  stdinIsTty: false,
  readLine: () => Promise.resolve(''),
};

async function step(title: string, argv: string[]): Promise<number> {
  process.stdout.write(`\n${style.bold(`## ${title}`)}\n${style.dim(`$ zpa-gitops ${argv.join(' ')}`)}\n\n`);
  return runCli(argv, io);
}

let exitCode = 1;
try {
  process.stdout.write(`ZPA simulator on ${sim.url} (published rate limits enforced), seeded with a drifted tenant.\n`);
  const steps: [string, string[], number][] = [
    ['1. Validate the manifests (offline)', ['validate', manifests], 0],
    ['2. Plan: what would change', ['plan', manifests, '--detailed-exitcode'], 2],
    ['3. Apply', ['apply', manifests, '--auto-approve'], 0],
    ['4. Plan again: nothing left to do', ['plan', manifests, '--detailed-exitcode'], 0],
  ];
  exitCode = 0;
  for (const [title, argv, expected] of steps) {
    const code = await step(title, argv);
    if (code !== expected) {
      process.stderr.write(`demo: "zpa-gitops ${argv.join(' ')}" exited ${code}, expected ${expected}\n`);
      exitCode = 1;
      break;
    }
  }
  if (exitCode === 0) process.stdout.write(`\n${style.green('Demo complete: the tenant matches the manifests.')}\n`);
} finally {
  await sim.close();
}
process.exitCode = exitCode;
