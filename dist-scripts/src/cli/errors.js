import { ApiError, ManifestError, ZpaGitopsError } from '../core/errors.js';
import { formatDiagnostics, githubAnnotations } from '../render/diagnostics.js';
/** The only place errors become messages and exit codes. User errors: one line, no stack. */
export function reportError(error, io) {
    if (error instanceof ManifestError) {
        io.stderr(formatDiagnostics(error.diagnostics));
        if (io.env['GITHUB_ACTIONS'] === 'true')
            io.stdout(githubAnnotations(error.diagnostics));
        io.stderr(`${error.message}. Nothing was sent to the API.\n`);
        return 1;
    }
    if (error instanceof ApiError) {
        io.stderr(`error: ${error.message}\n${hintFor(error)}`);
        return 1;
    }
    if (error instanceof ZpaGitopsError) {
        io.stderr(`error: ${error.message}\n`);
        return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`internal error: ${message}\n`);
    if (io.env['ZPA_GITOPS_DEBUG'] && error instanceof Error && error.stack)
        io.stderr(`${error.stack}\n`);
    else
        io.stderr('This is a bug in zpa-gitops. Set ZPA_GITOPS_DEBUG=1 for details, and please report it.\n');
    return 1;
}
function hintFor(error) {
    if (error.status === 401 || error.status === 403)
        return "hint: check ZPA_CLIENT_ID, ZPA_CLIENT_SECRET, ZPA_CUSTOMER_ID and the API key's role in ZPA.\n";
    if (error.status === 429)
        return 'hint: the API rate limit was exceeded even after waiting; try again in a minute.\n';
    if (error.status === undefined)
        return 'hint: the API could not be reached; check ZPA_CLOUD and the network.\n';
    return '';
}
