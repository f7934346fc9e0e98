/**
 * The one table from outcomes and error classes to exit codes (README, "Exit codes"). Commands
 * return an outcome; `reportError` maps an error through the same table.
 */
import {
  ApiError,
  AuthError,
  ConfigError,
  ManifestError,
  StalePlanError,
  UnsafePlanError,
  UsageError,
  ZpaGitopsError,
} from '../core/errors.js';

export type Outcome =
  /** Done, or nothing to do. */
  | 'ok'
  /** `plan --detailed-exitcode` found changes to make. */
  | 'changes-present'
  /** `validate` found errors in the manifests. */
  | 'manifests-invalid'
  /** `apply` left changes failed or not attempted, or the tenant does not match the plan afterwards. */
  | 'apply-incomplete'
  /** `apply` was not confirmed with `yes`. */
  | 'apply-cancelled'
  /** `fmt --check` found files not in the canonical style. */
  | 'format-differs'
  /** `doctor` found a check that failed. */
  | 'checks-failed'
  /** No command given (the help is printed). */
  | 'no-command';

const OUTCOME_EXIT_CODES: Record<Outcome, number> = {
  ok: 0,
  'changes-present': 2,
  'manifests-invalid': 1,
  'apply-incomplete': 1,
  'apply-cancelled': 1,
  'format-differs': 1,
  'checks-failed': 1,
  'no-command': 1,
};

/** Most specific first: AuthError is an ApiError. Anything else (a bug) exits 1 too. */
const ERROR_EXIT_CODES: ReadonlyArray<readonly [abstract new (...args: never[]) => Error, number]> = [
  [UsageError, 1],
  [ConfigError, 1],
  [ManifestError, 1],
  [AuthError, 1],
  [ApiError, 1],
  // Plan again and review (stale, other target or format, edited, digest-less, or not the reviewed digest).
  [StalePlanError, 3],
  [UnsafePlanError, 1],
  [ZpaGitopsError, 1],
];

const INTERNAL_ERROR_EXIT_CODE = 1;

export function exitCode(outcome: Outcome): number {
  return OUTCOME_EXIT_CODES[outcome];
}

export function exitCodeForError(error: unknown): number {
  const row = ERROR_EXIT_CODES.find(([type]) => error instanceof type);
  return row ? row[1] : INTERNAL_ERROR_EXIT_CODE;
}
