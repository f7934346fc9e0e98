/**
 * Runs CI recipes as a runner would: each `run:` step (or GitLab script) in bash, in order, with the
 * job's environment. What a runner provides and this harness does not:
 * - `uses: actions/checkout` and `actions/setup-node` are skipped (the workspace is the checkout;
 *   Node is the one running the tests); `actions/upload-artifact` only checks its file exists.
 * - The install is the built local CLI on PATH (GitLab's download, checksum and `npm install -g` are
 *   replaced by it: the one substitution). The action runs as written at this checkout, which holds
 *   the built bundle (dist/cli/main.js), so it takes its bundle path; every other step runs as written.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/main.js');

export interface StepResult {
  step: string;
  code: number;
  output: string;
}

export interface JobResult {
  code: number;
  steps: StepResult[];
  /** Everything the steps wrote to their job summaries. */
  summary: string;
  output: string;
}

/** The built CLI as `zpa-gitops` on PATH, standing in for the install step. */
export function installShim(): string {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm test does)`);
  const bin = mkdtempSync(join(tmpdir(), 'zpa-gitops-bin-'));
  writeFileSync(join(bin, 'zpa-gitops'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(bin, 'zpa-gitops'), 0o755);
  return bin;
}

/** Replaces `${{ expr }}` from `context`; an expression the test did not provide fails loudly. */
export function substitute(text: string, context: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    const value = context[expr];
    if (value === undefined) throw new Error(`the harness has no value for \${{ ${expr} }}`);
    return value;
  });
}

export function runBash(script: string, env: Record<string, string>, cwd: string): Promise<StepResult> {
  const dir = mkdtempSync(join(tmpdir(), 'zpa-gitops-step-'));
  const file = join(dir, 'step.sh');
  writeFileSync(file, script);
  return new Promise((resolve, reject) => {
    // GitHub's `shell: bash` and its default for `run:`: bash --noprofile --norc -eo pipefail {0}
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], { cwd, env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ step: script.split('\n')[0] ?? '', code: code ?? 1, output }));
  });
}

type Env = Record<string, string>;
interface Step {
  id?: string;
  if?: string;
  name?: string;
  uses?: string;
  run?: string;
  env?: Env;
  with?: Record<string, string>;
}
interface Job {
  if?: string;
  env?: Env;
  steps: Step[];
}

export interface GithubRun {
  cwd: string;
  /** What the runner sets: GITHUB_*, RUNNER_TEMP, PATH (with the shim). */
  runner: Env;
  /** `secrets.X`, `vars.X`, `github.token`, `inputs.x`, `matrix.x`. */
  context: Record<string, string>;
}

export function readWorkflow(path: string): { env?: Env; jobs: Record<string, Job> } {
  return parse(readFileSync(join(ROOT, path), 'utf8')) as { env?: Env; jobs: Record<string, Job> };
}

export async function runGithubJob(path: string, jobName: string, run: GithubRun): Promise<JobResult> {
  const workflow = readWorkflow(path);
  const job = workflow.jobs[jobName];
  if (!job) throw new Error(`${path} has no job ${jobName}`);
  const env = { ...run.runner, ...expand(workflow.env, run.context), ...expand(job.env, run.context) };
  return runSteps(job.steps, env, run, `${path} ${jobName}`);
}

async function runSteps(steps: Step[], env: Env, run: GithubRun, where: string): Promise<JobResult> {
  const result: JobResult = { code: 0, steps: [], summary: '', output: '' };
  const scratch = mkdtempSync(join(tmpdir(), 'zpa-gitops-runner-'));
  for (const [index, step] of steps.entries()) {
    const uses = step.uses?.replace(/@.*/, '');
    if (uses === 'actions/checkout' || uses === 'actions/setup-node') continue;
    if (uses === 'actions/upload-artifact') {
      const file = substitute(step.with?.['path'] ?? '', run.context);
      if (!existsSync(join(run.cwd, file))) throw new Error(`${where}: artifact ${file} was not written`);
      continue;
    }
    if (uses === 'zpa-gitops/zpa-gitops') {
      const inner = await runAction({ ...env, ...expand(step.env, run.context) }, run);
      result.steps.push(...inner.steps);
      result.summary += inner.summary;
      result.output += inner.output;
      if (inner.code !== 0) return { ...result, code: inner.code };
      continue;
    }
    if (step.uses !== undefined) throw new Error(`${where}: the harness does not know ${step.uses}`);
    if (step.run === undefined) throw new Error(`${where}: step ${index} has neither uses nor run`);
    const summary = join(scratch, `summary-${index}.md`);
    writeFileSync(summary, '');
    const stepEnv = {
      ...env,
      ...expand(step.env, run.context),
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: join(scratch, `output-${index}`),
    };
    const outcome = await runBash(substitute(step.run, run.context), stepEnv, run.cwd);
    result.steps.push(outcome);
    result.output += outcome.output;
    result.summary += readFileSync(summary, 'utf8');
    if (outcome.code !== 0) return { ...result, code: outcome.code };
  }
  return result;
}

/** The composite action at the repository root, its inputs at their defaults, run as a runner runs it. */
async function runAction(env: Env, run: GithubRun): Promise<JobResult> {
  const result = await runCompositeAction({ actionPath: ROOT, env, cwd: run.cwd });
  return { code: result.code, steps: result.steps, summary: '', output: result.output };
}

export interface CompositeRun {
  /** GITHUB_ACTION_PATH: the action's checkout at the ref a workflow names. */
  actionPath: string;
  /** The runner's environment: PATH, HOME, RUNNER_TEMP, ... */
  env: Env;
  cwd: string;
  /** Inputs given with `with:`; the others take their defaults. */
  inputs?: Record<string, string>;
}

export interface CompositeResult {
  code: number;
  steps: StepResult[];
  output: string;
  /** Each step's GITHUB_OUTPUT values, by step id. */
  outputs: Record<string, Record<string, string>>;
  /** The `uses:` steps whose `if` held (the runner would have run them; this one cannot). */
  used: string[];
  /** Folders the steps added to PATH through GITHUB_PATH, first added first. */
  path: string[];
}

/**
 * Runs a composite action's steps as the runner does: `if:` conditions on earlier steps' outputs,
 * each `run:` in bash with GITHUB_ACTION_PATH, GITHUB_OUTPUT and GITHUB_PATH set, and GITHUB_PATH's
 * folders put on PATH for the steps after the one that wrote them. `uses:` steps are recorded, not run.
 */
export async function runCompositeAction(run: CompositeRun): Promise<CompositeResult> {
  const action = parse(readFileSync(join(run.actionPath, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    runs: { using: string; steps: Step[] };
  };
  if (action.runs.using !== 'composite') throw new Error('action.yml is not a composite action');
  const context: Record<string, string> = Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [`inputs.${name}`, run.inputs?.[name] ?? input.default ?? '']),
  );
  const temp = run.env['RUNNER_TEMP'] ?? mkdtempSync(join(tmpdir(), 'zpa-gitops-runner-temp-'));
  mkdirSync(temp, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'zpa-gitops-action-'));
  const githubPath = join(scratch, 'path');
  writeFileSync(githubPath, '');
  const result: CompositeResult = { code: 0, steps: [], output: '', outputs: {}, used: [], path: [] };
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.if !== undefined && !holds(step.if, context)) continue;
    if (step.uses !== undefined) {
      result.used.push(step.uses);
      continue;
    }
    if (step.run === undefined) throw new Error(`action.yml: step ${index} has neither uses nor run`);
    const output = join(scratch, `output-${index}`);
    writeFileSync(output, '');
    const env = {
      ...run.env,
      ...expand(step.env, context),
      PATH: [...[...result.path].reverse(), run.env['PATH'] ?? ''].join(':'),
      RUNNER_TEMP: temp,
      GITHUB_ACTION_PATH: run.actionPath,
      GITHUB_OUTPUT: output,
      GITHUB_PATH: githubPath,
    };
    const outcome = await runBash(substitute(step.run, context), env, run.cwd);
    result.steps.push(outcome);
    result.output += outcome.output;
    result.path = readFileSync(githubPath, 'utf8').split('\n').filter(Boolean);
    const values = Object.fromEntries(
      readFileSync(output, 'utf8')
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    if (step.id !== undefined) {
      result.outputs[step.id] = values;
      for (const [key, value] of Object.entries(values)) context[`steps.${step.id}.outputs.${key}`] = value;
    }
    if (outcome.code !== 0) return { ...result, code: outcome.code };
  }
  return result;
}

/** The one form of `if:` the action uses: `steps.ID.outputs.NAME == 'value'` (or `!=`). */
function holds(condition: string, context: Record<string, string>): boolean {
  const match = /^(steps\.[\w-]+\.outputs\.[\w-]+) (==|!=) '([^']*)'$/.exec(condition.trim());
  if (!match) throw new Error(`the harness cannot evaluate if: ${condition}`);
  const equal = (context[match[1]!] ?? '') === match[3];
  return match[2] === '==' ? equal : !equal;
}

function expand(env: Env | undefined, context: Record<string, string>): Env {
  return Object.fromEntries(Object.entries(env ?? {}).map(([k, v]) => [k, substitute(String(v), context)]));
}

// ---------------------------------------------------------------------------------------------
// GitLab: a job's `before_script` and `script` lines, in one bash, as the runner runs them.

interface GitlabJob {
  script: string[];
  rules?: { if?: string; when?: string }[];
  resource_group?: string;
}

export function readGitlab(): {
  variables: Env;
  default: { before_script: string[] };
  jobs: Record<string, GitlabJob>;
} {
  const data = parse(readFileSync(join(ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8')) as Record<string, unknown>;
  const jobs = Object.fromEntries(
    Object.entries(data).filter(([, v]) => typeof v === 'object' && v !== null && 'script' in v),
  ) as Record<string, GitlabJob>;
  return {
    variables: data['variables'] as Env,
    default: data['default'] as { before_script: string[] },
    jobs,
  };
}

/** Runs one GitLab job; the three install lines of before_script are the shim's (asserted to be them). */
export async function runGitlabJob(name: string, runner: Env, cwd: string): Promise<JobResult> {
  const ci = readGitlab();
  const job = ci.jobs[name];
  if (!job) throw new Error(`gitlab-ci.yml has no job ${name}`);
  const [download, verify, install, ...before] = ci.default.before_script;
  if (!download?.startsWith('curl ') || !verify?.includes('sha256sum -c') || !install?.startsWith('npm install -g'))
    throw new Error('gitlab-ci.yml: the first three before_script lines are no longer the install');
  const outcome = await runBash([...before, ...job.script].join('\n'), { ...ci.variables, ...runner }, cwd);
  return { code: outcome.code, steps: [outcome], summary: '', output: outcome.output };
}
