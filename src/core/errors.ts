/**
 * The few errors a user can meet. Each carries what the user needs to act; only `cli/` turns them
 * into messages and exit codes. Messages never contain a secret or a token.
 */
import type { Diagnostic } from './types.js';

/** Base class: `userFacing` errors print as one line, never with a stack trace. */
export class ZpaGitopsError extends Error {
  readonly userFacing = true;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command line: unknown flag, missing argument. */
export class UsageError extends ZpaGitopsError {}

/** What is wrong with one target address. */
export type TargetProblem =
  | { problem: 'not-an-address'; suggestion?: string; usage: string }
  | { problem: 'takes-no-name' | 'needs-a-name'; type: string }
  | { problem: 'matches-nothing'; suggestion?: string };

/**
 * A target the planner cannot use. Its message says "target"; `worded(flag)` says it as a command
 * line spells targets (the CLI's `--target`), so the planner names no flag.
 */
export class TargetError extends UsageError {
  constructor(
    readonly address: string,
    readonly detail: TargetProblem,
  ) {
    super(describeTarget(address, detail, undefined));
  }

  worded(flag: string): string {
    return describeTarget(this.address, this.detail, flag);
  }
}

function describeTarget(address: string, detail: TargetProblem, flag: string | undefined): string {
  const noun = flag ?? 'target';
  const given = (text: string): string => (flag === undefined ? text : `${flag} ${text}`);
  switch (detail.problem) {
    case 'not-an-address': {
      const hint = detail.suggestion === undefined ? '' : `did you mean ${detail.suggestion}? `;
      return `${noun} ${JSON.stringify(address)} is not an address: ${hint}use ${detail.usage}`;
    }
    case 'takes-no-name':
      return `${noun} ${detail.type} takes no name, got ${JSON.stringify(address)}`;
    case 'needs-a-name':
      return `${noun} ${detail.type} needs a name: ${given(`${detail.type}:NAME`)}`;
    case 'matches-nothing': {
      const hint = detail.suggestion === undefined ? '' : `; did you mean ${detail.suggestion}?`;
      return `${noun} ${address} matches nothing in the manifests or the tenant${hint}`;
    }
  }
}

/** A setting from the environment is missing or malformed. `variable` names it. */
export class ConfigError extends ZpaGitopsError {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

/** The manifests are invalid, or a name in them does not resolve. All problems at once. */
export class ManifestError extends ZpaGitopsError {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(countErrors(diagnostics));
  }
}

/** `2 errors in the manifests`, `1 problem in the tenant`, or both: where the fix is to be made. */
function countErrors(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const tenant = errors.filter((d) => d.origin === 'tenant').length;
  const manifests = errors.length - tenant;
  const parts = [
    ...(manifests > 0 || tenant === 0 ? [`${manifests} error${manifests === 1 ? '' : 's'} in the manifests`] : []),
    ...(tenant > 0
      ? [
          `${tenant} ${tenant === 1 ? 'problem in the tenant (fix it in ZPA)' : 'problems in the tenant (fix them in ZPA)'}`,
        ]
      : []),
  ];
  return parts.join(' and ');
}

export interface ApiErrorDetails {
  method: string;
  /** Path and query, never the host's credentials or a token. */
  path: string;
  /** HTTP status; undefined when no response arrived (network error, timeout). */
  status?: number;
  /** The ZPA error id, e.g. `resource.not.found`. */
  zpaId?: string;
  reason?: string;
  params?: unknown[];
  /**
   * True when a write may or may not have been applied (timeout or reset after sending).
   * The caller settles it by reading before anything is retried.
   */
  ambiguous?: boolean;
}

/** The `reason` of the ApiError for a write never sent because apply was interrupted. */
export const NOT_SENT_REASON = 'interrupted before sending';

/** The ZPA API refused a call or could not be reached. */
export class ApiError extends ZpaGitopsError {
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;
  readonly zpaId: string | undefined;
  readonly reason: string | undefined;
  readonly params: unknown[] | undefined;
  readonly ambiguous: boolean;

  constructor(details: ApiErrorDetails, message?: string) {
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
  get notFound(): boolean {
    return this.status === 404 || this.zpaId === 'resource.not.found';
  }
}

/**
 * Two reads of the tenant that cannot both be true (a link on a portal the portal list does not
 * hold): nothing is planned from them, so the run stops before its first write. Exit 1.
 */
export class LiveReadsDisagreeError extends ZpaGitopsError {}

/** Sign-in failed or was refused. */
export class AuthError extends ApiError {}

function describeApiError(d: ApiErrorDetails): string {
  const status = d.status === undefined ? 'no response' : `HTTP ${d.status}`;
  const zpa = d.zpaId ? ` ${d.zpaId}` : '';
  const reason = d.reason ? `: ${d.reason}` : '';
  return `${d.method} ${d.path} failed (${status}${zpa})${reason}`;
}

/**
 * "Plan again and review": a saved plan no longer matches the tenant, was made for another target or
 * format, or was edited by hand. The CLI exits 3 for these, distinct from 1 for errors.
 */
export class StalePlanError extends ZpaGitopsError {}

/** `apply --expect-digest`: the plan made now is not the one that was reviewed. */
export class PlanChangedError extends StalePlanError {
  constructor(
    readonly reviewed: string,
    readonly now: string,
  ) {
    super(`The plan changed since it was reviewed (reviewed ${reviewed}, now ${now}). Nothing was changed.`);
  }
}

/**
 * A digest that ZPA_GITOPS_PLAN_KEY does not verify: unkeyed where a key is set, or keyed with
 * another key. Whoever wrote it could not sign, so it is not taken for a reviewed plan. Exit 1.
 */
export class UnverifiedDigestError extends ZpaGitopsError {}

/** The plan would prune more than the safety threshold allows. */
export class UnsafePlanError extends ZpaGitopsError {
  constructor(readonly reasons: string[]) {
    super(`Plan is unsafe: ${reasons.join('; ')}. Re-run with --allow-unsafe if this is intended.`);
  }
}

/**
 * `apply --allow-unsafe-by-label`: the reviewed plan is unsafe and no person approved exactly this
 * digest with the request's label. Its own exit code (4), so a CI job can say what to do.
 */
export class UnapprovedUnsafePlanError extends UnsafePlanError {
  constructor(
    reasons: string[],
    readonly why: string,
    readonly howTo: string,
  ) {
    super(reasons);
    this.message = `Plan is unsafe: ${reasons.join('; ')}, and not approved: ${why}. ${howTo} Nothing was changed.`;
  }
}
