/**
 * What `doctor` reports: one line per check, a ✓, a ! (a warning), a ✗ or a - (not run, or not
 * needed), and for a ! or ✗ what to do. The report is plain JSON a user can attach to an issue: ids
 * are kept, secrets and tokens never enter it.
 */

export type CheckId =
  | 'environment'
  | 'sign-in'
  | 'customer'
  | 'collection:userPortals'
  | 'collection:userPortalLinks'
  | 'collection:clientSettings'
  | 'collection:enrollmentCerts'
  | 'collection:baCertificates'
  | 'collection:microtenants'
  | 'microtenant'
  | 'client-settings-scope'
  | 'rate-limits'
  | 'clock'
  | `write-probe:${'portal' | 'bulk-create' | 'visible' | 'read-back' | 'update' | 'cleanup'}`;

/**
 * `passed` and `failed` as their names say; `warning`: refused, but plan needs it only for
 * manifests not given (yet); `not-run`: a failure above prevented it; `not-needed`: the manifests
 * given do not need it, so it was not read.
 */
export type CheckStatus = 'passed' | 'warning' | 'failed' | 'not-run' | 'not-needed';

export interface DoctorCheck {
  id: CheckId;
  status: CheckStatus;
  /** Whether plan can count on it: passed, a warning, or not needed. */
  ok: boolean;
  /** One line: what was found. */
  summary: string;
  /** For a ! or a ✗: what to do about it. */
  fix?: string;
  /** Facts for the JSON report (counts, statuses, ids); never a secret or a token. */
  facts?: Record<string, Fact>;
}

export type Fact = string | number | boolean | null | Fact[] | { [key: string]: Fact };

export interface DoctorReport {
  tool: 'zpa-gitops doctor';
  toolVersion: string;
  /** ISO time from the clock `doctor` was given. */
  checkedAt: string;
  /** Undefined when the environment did not name a target. */
  target?: { host: string; customerId: string; microtenantId: string; authMode: string; cloud: string };
  /** True when everything a plan needs works (every check passed). */
  ok: boolean;
  checks: DoctorCheck[];
}

export function passed(id: CheckId, summary: string, facts?: Record<string, Fact>): DoctorCheck {
  return { id, status: 'passed', ok: true, summary, ...(facts ? { facts } : {}) };
}

export function failed(id: CheckId, summary: string, fix: string, facts?: Record<string, Fact>): DoctorCheck {
  return { id, status: 'failed', ok: false, summary, fix, ...(facts ? { facts } : {}) };
}

export function warned(id: CheckId, summary: string, fix: string, facts?: Record<string, Fact>): DoctorCheck {
  return { id, status: 'warning', ok: true, summary, fix, ...(facts ? { facts } : {}) };
}

/** A check a failure above prevented: its line says which (`… not run (sign-in failed)`). */
export function notRunCheck(id: CheckId, label: string, why: string): DoctorCheck {
  return { id, status: 'not-run', ok: false, summary: `${label}: not run (${why})` };
}

/** A read the manifests given do not need: not made, and said so. */
export function notNeededCheck(id: CheckId, label: string, why: string): DoctorCheck {
  return { id, status: 'not-needed', ok: true, summary: `${label}: not read (${why})` };
}
