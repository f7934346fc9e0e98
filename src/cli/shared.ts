import { appendFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import type { DesiredState } from '../core/types.js';
import { hasErrors, loadManifests } from '../manifest/index.js';
import { DEFAULT_SAFETY, type SafetyOptions } from '../planner/plan.js';
import { formatDiagnostics } from '../render/diagnostics.js';
import { COLOR, PLAIN, wantsColor, type Style } from '../render/style.js';
import { rateLimitsFromEnv, settingsFromEnv, ZpaClient, type ZpaClientOptions } from '../zpa/index.js';
import { ManifestLoadError } from './errors.js';
import type { CliIo } from './io.js';

export function styleFor(io: CliIo): Style {
  return wantsColor(io.env, io.stdoutIsTty) ? COLOR : PLAIN;
}

/** Loads manifests; warnings go to stderr, errors stop the command before any API call. */
export async function loadDesired(paths: string[], io: CliIo): Promise<DesiredState> {
  const { desired, diagnostics } = await loadManifests(paths.length > 0 ? paths : ['.'], { cwd: io.cwd });
  if (hasErrors(diagnostics)) throw new ManifestLoadError(diagnostics);
  if (diagnostics.length > 0) io.stderr(formatDiagnostics(diagnostics));
  return desired;
}

export function connect(io: CliIo, given: Partial<Pick<ZpaClientOptions, 'settings' | 'onReply'>> = {}): ZpaClient {
  const { settings = settingsFromEnv(io.env), onReply } = given;
  return new ZpaClient({
    settings,
    ...(onReply ? { onReply } : {}),
    rateLimits: rateLimitsFromEnv(io.env),
    onWait: ({ ms, reason }) => {
      const why = reason === 'retry' ? 'before retrying' : 'for the API rate limit';
      io.stderr(`waiting ${Math.ceil(ms / 1000)} s ${why}\n`);
    },
    ...(io.env['ZPA_GITOPS_DEBUG'] ? { debug: (line: string) => io.stderr(`debug: ${line}\n`) } : {}),
  });
}

export function safetyFrom(value: string | undefined): SafetyOptions {
  if (value === undefined) return DEFAULT_SAFETY;
  const percent = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || percent > 100)
    throw new UsageError(`--prune-threshold must be a percentage from 0 to 100, not "${value}"`);
  return { ...DEFAULT_SAFETY, pruneThreshold: percent / 100 };
}

/** Under GitHub Actions, a plan also goes to the job's step summary. */
export async function appendStepSummary(io: CliIo, markdown: string): Promise<void> {
  const file = io.env['GITHUB_STEP_SUMMARY'];
  if (io.env['GITHUB_ACTIONS'] === 'true' && file) await appendFile(file, `${markdown}\n`);
}
