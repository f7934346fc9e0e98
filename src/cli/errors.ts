import { ApiError, AuthError, ManifestError, TargetError, ZpaGitopsError } from '../core/errors.js';
import { formatDiagnostics, githubAnnotations } from '../render/diagnostics.js';
import { exitCodeForError } from './exit-codes.js';
import { visible } from '../render/visible.js';
import { InterruptedBeforeWritesError, type CliIo } from './io.js';

/** Manifests that failed to load: no API call was made at all. */
export class ManifestLoadError extends ManifestError {}

/** The only place errors become messages; their exit codes come from exit-codes.ts. User errors: one line, no stack. */
export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof ManifestError) {
    io.stderr(formatDiagnostics(error.diagnostics));
    if (io.env['GITHUB_ACTIONS'] === 'true') io.stdout(githubAnnotations(error.diagnostics));
    // After the reads (a name that does not resolve) something was sent, but nothing was written.
    const outcome = error instanceof ManifestLoadError ? 'Nothing was sent to the API.' : 'Nothing was changed.';
    io.stderr(`${visible(error.message)}. ${outcome}\n`);
    return exitCodeForError(error);
  }
  if (error instanceof InterruptedBeforeWritesError) {
    io.stderr(`\n${error.message}\n`);
    return exitCodeForError(error);
  }
  if (error instanceof ApiError) {
    io.stderr(`error: ${visible(error.message)}\n${hintFor(error)}`);
    return exitCodeForError(error);
  }
  if (error instanceof TargetError) {
    io.stderr(`error: ${visible(error.worded('--target'))}\n`);
    return exitCodeForError(error);
  }
  if (error instanceof ZpaGitopsError) {
    io.stderr(`error: ${visible(error.message, { keepNewlines: true })}\n`);
    return exitCodeForError(error);
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`internal error: ${visible(message, { keepNewlines: true })}\n`);
  if (io.env['ZPA_GITOPS_DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  else io.stderr('This is a bug in zpa-gitops. Set ZPA_GITOPS_DEBUG=1 for details, and please report it.\n');
  return exitCodeForError(error);
}

function hintFor(error: ApiError): string {
  // A sign-in error already says which variables to check: a hint would repeat it.
  if (error instanceof AuthError) return '';
  if (error.status === 401 || error.status === 403)
    return "hint: check ZPA_CLIENT_ID, ZPA_CLIENT_SECRET, ZPA_CUSTOMER_ID and the API key's role in ZPA.\n";
  if (error.status === 429) return 'hint: the API rate limit was exceeded even after waiting; try again in a minute.\n';
  if (error.status === undefined) return 'hint: the API could not be reached; check ZPA_CLOUD and the network.\n';
  return '';
}
