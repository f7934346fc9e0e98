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
  UnapprovedUnsafePlanError,
  UnsafePlanError,
  UsageError,
  ZpaGitopsError,
} from '../core/errors.js';
import { assertNever } from '../core/assert-never.js';
import { InterruptedBeforeWritesError, type InterruptSignal } from './io.js';

export type Outcome =
  /** Done, or nothing to do. */
  | 'ok'
  /** `plan --detailed-exitcode` found changes to make. */
  | 'changes-present'
  /** `validate` found errors in the manifests. */
  | 'manifests-invalid'
  /** `apply` left changes failed or not attempted, or the tenant does not match the plan afterwards. */
  | 'apply-incomplete'
  /** `apply` was not confirmed with `yes` (or the prompt met end of input, Ctrl-D). */
  | 'apply-cancelled'
  /** Ctrl-C at `apply`'s confirmation prompt: cancelled, and reported as the shell reports SIGINT. */
  | 'apply-cancelled-by-interrupt'
  /** `apply` stopped by SIGINT (Ctrl-C): no new write started; 128 + 2, as shells report it. */
  | 'interrupted-by-sigint'
  /** `apply` stopped by SIGTERM (a CI runner's cancel): 128 + 15. */
  | 'interrupted-by-sigterm'
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
  'apply-cancelled-by-interrupt': 130,
  'interrupted-by-sigint': 130,
  'interrupted-by-sigterm': 143,
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
  // The reviewed plan is unsafe and the request's label did not approve it: the job says what to do.
  [UnapprovedUnsafePlanError, 4],
  [UnsafePlanError, 1],
  [ZpaGitopsError, 1],
];

const INTERNAL_ERROR_EXIT_CODE = 1;

export function exitCode(outcome: Outcome): number {
  return OUTCOME_EXIT_CODES[outcome];
}

/** The outcome of an apply a signal stopped. */
export function interruptedOutcome(signal: InterruptSignal): Outcome {
  switch (signal) {
    case 'SIGINT':
      return 'interrupted-by-sigint';
    case 'SIGTERM':
      return 'interrupted-by-sigterm';
    default:
      return assertNever(signal, 'interrupt signal');
  }
}

/** Whether a run ended by a signal: its output written, it exits without waiting for pending timers. */
export function isInterruptExitCode(code: number): boolean {
  return code === exitCode('interrupted-by-sigint') || code === exitCode('interrupted-by-sigterm');
}

export function exitCodeForError(error: unknown): number {
  // Interrupted while reading and planning: reported as the signal is, 130 or 143.
  if (error instanceof InterruptedBeforeWritesError) return exitCode(interruptedOutcome(error.signal));
  const row = ERROR_EXIT_CODES.find(([type]) => error instanceof type);
  return row ? row[1] : INTERNAL_ERROR_EXIT_CODE;
}
