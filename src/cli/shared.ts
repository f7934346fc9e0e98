import { appendFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import type { DesiredState, Plan } from '../core/types.js';
import { findPlannedCommit } from '../ci/planned-at.js';
import { hasErrors, loadManifests } from '../manifest/index.js';
import { BUILT_IN_KINDS } from '../kinds/built-in.js';
import { DEFAULT_SAFETY, parseTargets, type SafetyOptions } from '../planner/plan.js';
import { formatDiagnostics } from '../render/diagnostics.js';
import {
  rateLimitsFromEnv,
  settingsFromEnv,
  ZpaClient,
  type ZpaClientOptions,
  type ZpaSettings,
} from '../zpa/index.js';
import { ManifestLoadError } from './errors.js';
import type { CliIo } from './io.js';
import { yamlOption } from './yaml-reader-env.js';

/** Loads manifests; warnings go to stderr, errors stop the command before any API call. */
export async function loadDesired(paths: string[], io: CliIo, allowEmpty = false): Promise<DesiredState> {
  const options = { cwd: io.cwd, allowEmpty, ...yamlOption(io) };
  const { desired, diagnostics } = await loadManifests(paths.length > 0 ? paths : ['.'], options);
  if (!desired || hasErrors(diagnostics)) throw new ManifestLoadError(diagnostics);
  if (diagnostics.length > 0) io.stderr(formatDiagnostics(diagnostics));
  return desired;
}

/** `stopWrites`: an interrupted apply starts no new write (see cli/interrupts.ts). */
export function connect(
  io: CliIo,
  given: Partial<Pick<ZpaClientOptions, 'settings' | 'onReply' | 'stopWrites'>> = {},
): ZpaClient {
  const { settings = settingsFromEnv(io.env), onReply, stopWrites } = given;
  warnOfBothCredentialSets(io, settings);
  return new ZpaClient({
    settings,
    ...(onReply ? { onReply } : {}),
    ...(stopWrites ? { stopWrites } : {}),
    rateLimits: rateLimitsFromEnv(io.env),
    onWait: ({ ms, reason }) => {
      const why = reason === 'retry' ? 'before retrying' : 'for the API rate limit';
      io.stderr(`waiting ${Math.ceil(ms / 1000)} s ${why}\n`);
    },
    ...(io.env['ZPA_GITOPS_DEBUG'] ? { debug: (line: string) => io.stderr(`debug: ${line}\n`) } : {}),
  });
}

/**
 * With both credential sets in the environment (the simulator prints both) one wins without a
 * word, and the other tenant's key is never used: say which sign-in and host this run uses.
 */
function warnOfBothCredentialSets(io: CliIo, settings: ZpaSettings): void {
  const set = (name: string) => (io.env[name] ?? '').trim() !== '';
  if (!set('ZPA_CLIENT_ID') || !set('ZSCALER_CLIENT_ID')) return;
  const mode = signInMode(settings);
  io.stderr(
    `warning: both ZPA_CLIENT_ID (legacy) and ZSCALER_CLIENT_ID (OneAPI) are set; signing in with ${mode} at ${new URL(settings.tokenUrl).host}, API ${new URL(settings.apiBase).host}, customer ${settings.customerId}. Unset the other set to silence this.\n`,
  );
}

/** How a run signs in, for the plan's reader: the mode, its variable and the sign-in host; never a secret. */
export function signInLine(settings: ZpaSettings): string {
  return `Signed in with ${signInMode(settings)} at ${new URL(settings.tokenUrl).host}.`;
}

function signInMode(settings: ZpaSettings): string {
  return settings.mode === 'oneapi' ? 'OneAPI (ZSCALER_CLIENT_ID)' : 'the legacy API key (ZPA_CLIENT_ID)';
}

/** The plan with the commit its manifests were read at, when one is known (src/ci/planned-at.ts). */
export async function withCommit<P extends Plan>(plan: P, io: CliIo): Promise<P> {
  const commit = await findPlannedCommit(io.env, io.cwd);
  return commit === undefined ? plan : { ...plan, commit };
}

/** `--prune-threshold` and `--update-threshold`, in percent. */
export function safetyFrom(prune: string | undefined, update?: string): SafetyOptions {
  const safety = { ...DEFAULT_SAFETY };
  if (prune !== undefined) safety.pruneThreshold = percentage('prune-threshold', prune);
  if (update !== undefined) safety.updateThreshold = percentage('update-threshold', update);
  return safety;
}

function percentage(flag: string, value: string): number {
  const percent = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || percent > 100)
    throw new UsageError(`--${flag} must be a percentage from 0 to 100, not "${value}"`);
  return percent / 100;
}

/**
 * Under GitHub Actions, a plan also goes to the job's step summary. `markdown` is called only
 * there: rendering a large plan a second time is not free.
 */
export async function appendStepSummary(io: CliIo, markdown: () => string): Promise<void> {
  const file = io.env['GITHUB_STEP_SUMMARY'];
  if (io.env['GITHUB_ACTIONS'] !== 'true' || !file) return;
  try {
    await appendFile(file, `${markdown()}\n`);
  } catch (error) {
    // The plan itself is fine and already printed: a summary that cannot be written is no failure.
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    io.stderr(`warning: could not write the step summary to GITHUB_STEP_SUMMARY (${code}); the plan is above\n`);
  }
}

/** `--target` addresses, checked for form before anything is read; undefined when none are given. */
export function targetsFrom(values: readonly string[] | undefined): string[] | undefined {
  return values && values.length > 0 ? parseTargets(values, BUILT_IN_KINDS) : undefined;
}
