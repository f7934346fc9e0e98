/** The one table from outcomes and error classes to exit codes, as the README documents it. */
import { describe, expect, it } from 'vitest';
import { exitCode, exitCodeForError, interruptedOutcome } from '../../src/cli/exit-codes.js';
import {
  ApiError,
  AuthError,
  ConfigError,
  ManifestError,
  PlanChangedError,
  StalePlanError,
  UnsafePlanError,
  UsageError,
} from '../../src/core/errors.js';

describe('exit codes', () => {
  it.each([
    ['ok', 0],
    ['changes-present', 2],
    ['manifests-invalid', 1],
    ['apply-incomplete', 1],
    ['apply-cancelled', 1],
    ['apply-cancelled-by-interrupt', 130],
    ['interrupted-by-sigint', 130],
    ['interrupted-by-sigterm', 143],
    ['format-differs', 1],
    ['no-command', 1],
  ] as const)('outcome %s exits %i', (outcome, code) => {
    expect(exitCode(outcome)).toBe(code);
  });

  it.each([
    ['SIGINT', 'interrupted-by-sigint'],
    ['SIGTERM', 'interrupted-by-sigterm'],
  ] as const)('an apply stopped by %s is %s', (signal, outcome) => {
    expect(interruptedOutcome(signal)).toBe(outcome);
  });

  it.each([
    ['UsageError', new UsageError('x'), 1],
    ['ConfigError', new ConfigError('ZPA_CLOUD', 'x'), 1],
    ['ManifestError', new ManifestError([]), 1],
    ['AuthError', new AuthError({ method: 'POST', path: '/signin', status: 401 }), 1],
    ['ApiError', new ApiError({ method: 'GET', path: '/x', status: 500 }), 1],
    ['StalePlanError', new StalePlanError('x'), 3],
    ['PlanChangedError', new PlanChangedError('sha256:a', 'sha256:b'), 3],
    ['UnsafePlanError', new UnsafePlanError(['x']), 1],
    ['an internal error', new TypeError('x'), 1],
    ['a thrown string', 'x', 1],
  ])('%s exits %i', (_name, error, code) => {
    expect(exitCodeForError(error)).toBe(code);
  });
});
