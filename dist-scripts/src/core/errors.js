/** Base class: `userFacing` errors print as one line, never with a stack trace. */
export class ZpaGitopsError extends Error {
    userFacing = true;
    constructor(message) {
        super(message);
        this.name = new.target.name;
    }
}
/** Bad command line: unknown flag, missing argument. */
export class UsageError extends ZpaGitopsError {
}
/** A setting from the environment is missing or malformed. `variable` names it. */
export class ConfigError extends ZpaGitopsError {
    variable;
    constructor(variable, message) {
        super(message);
        this.variable = variable;
    }
}
/** The manifests are invalid, or a name in them does not resolve. All problems at once. */
export class ManifestError extends ZpaGitopsError {
    diagnostics;
    constructor(diagnostics) {
        const errors = diagnostics.filter((d) => d.severity === 'error').length;
        super(`${errors} error${errors === 1 ? '' : 's'} in the manifests`);
        this.diagnostics = diagnostics;
    }
}
/** The ZPA API refused a call or could not be reached. */
export class ApiError extends ZpaGitopsError {
    method;
    path;
    status;
    zpaId;
    reason;
    params;
    ambiguous;
    constructor(details, message) {
        super(message ?? describeApiError(details));
        this.method = details.method;
        this.path = details.path;
        this.status = details.status;
        this.zpaId = details.zpaId;
        this.reason = details.reason;
        this.params = details.params;
        this.ambiguous = details.ambiguous ?? false;
    }
    /** ZPA says "not found" both as 404 and as 400 with `resource.not.found`. */
    get notFound() {
        return this.status === 404 || this.zpaId === 'resource.not.found';
    }
}
/** Sign-in failed or was refused. */
export class AuthError extends ApiError {
}
function describeApiError(d) {
    const status = d.status === undefined ? 'no response' : `HTTP ${d.status}`;
    const zpa = d.zpaId ? ` ${d.zpaId}` : '';
    const reason = d.reason ? `: ${d.reason}` : '';
    return `${d.method} ${d.path} failed (${status}${zpa})${reason}`;
}
/** A saved plan no longer matches the tenant, or was made for another target or format. */
export class StalePlanError extends ZpaGitopsError {
}
/** The plan would prune more than the safety threshold allows. */
export class UnsafePlanError extends ZpaGitopsError {
    reasons;
    constructor(reasons) {
        super(`Plan is unsafe: ${reasons.join('; ')}. Re-run with --allow-unsafe if this is intended.`);
        this.reasons = reasons;
    }
}
