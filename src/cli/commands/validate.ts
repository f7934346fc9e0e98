import { API_VERSION, hasErrors, loadManifests } from '../../manifest/index.js';
import { formatDiagnostics, githubAnnotations } from '../../render/diagnostics.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { exitCode } from '../exit-codes.js';
import { yamlOption } from '../yaml-reader-env.js';

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, { 'allow-empty': { type: 'boolean' } });
  const { desired, diagnostics, skipped } = await loadManifests(positionals.length > 0 ? positionals : ['.'], {
    cwd: io.cwd,
    allowEmpty: values['allow-empty'] ?? false,
    ...yamlOption(io),
  });
  if (diagnostics.length > 0) io.stderr(formatDiagnostics(diagnostics));
  if (io.env['GITHUB_ACTIONS'] === 'true' && diagnostics.length > 0) io.stdout(githubAnnotations(diagnostics));
  if (!desired || hasErrors(diagnostics)) return exitCode('manifests-invalid');
  const links = desired.links.length;
  io.stdout(
    `Valid: ${desired.files.length} manifest file${desired.files.length === 1 ? '' : 's'}, ${desired.clientSettings.length} client settings, ${desired.portals.length} portals, ${links} links.\n`,
  );
  // Said, not hidden: a manifest that lost its apiVersion line would otherwise vanish in silence.
  if (skipped.length > 0)
    io.stdout(
      `Skipped ${skipped.length} YAML file${skipped.length === 1 ? '' : 's'} without apiVersion: ${API_VERSION} (not manifests).\n`,
    );
  return exitCode('ok');
}
