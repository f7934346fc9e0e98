import { appendFile } from 'node:fs/promises';
import { ManifestError, UsageError } from '../core/errors.js';
import { hasErrors, loadManifests } from '../manifest/index.js';
import { DEFAULT_SAFETY } from '../planner/plan.js';
import { formatDiagnostics } from '../render/diagnostics.js';
import { COLOR, PLAIN, wantsColor } from '../render/style.js';
import { settingsFromEnv, ZpaClient } from '../zpa/index.js';
export function styleFor(io) {
    return wantsColor(io.env, io.stdoutIsTty) ? COLOR : PLAIN;
}
/** Loads manifests; warnings go to stderr, errors stop the command before any API call. */
export async function loadDesired(paths, io) {
    const { desired, diagnostics } = await loadManifests(paths.length > 0 ? paths : ['.'], { cwd: io.cwd });
    if (hasErrors(diagnostics))
        throw new ManifestError(diagnostics);
    if (diagnostics.length > 0)
        io.stderr(formatDiagnostics(diagnostics));
    return desired;
}
export function connect(io) {
    const settings = settingsFromEnv(io.env);
    return new ZpaClient({
        settings,
        onWait: ({ ms, reason }) => {
            const why = reason === 'retry' ? 'before retrying' : 'for the API rate limit';
            io.stderr(`waiting ${Math.ceil(ms / 1000)} s ${why}\n`);
        },
        ...(io.env['ZPA_GITOPS_DEBUG'] ? { debug: (line) => io.stderr(`debug: ${line}\n`) } : {}),
    });
}
export function safetyFrom(value) {
    if (value === undefined)
        return DEFAULT_SAFETY;
    const percent = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value) || percent > 100)
        throw new UsageError(`--prune-threshold must be a percentage from 0 to 100, not "${value}"`);
    return { ...DEFAULT_SAFETY, pruneThreshold: percent / 100 };
}
/** Under GitHub Actions, a plan also goes to the job's step summary. */
export async function appendStepSummary(io, markdown) {
    const file = io.env['GITHUB_STEP_SUMMARY'];
    if (io.env['GITHUB_ACTIONS'] === 'true' && file)
        await appendFile(file, `${markdown}\n`);
}
