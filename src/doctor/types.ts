/**
 * What `doctor` reports: one line per check, a ✓ or a ✗, and for a ✗ what to do. The report is
 * plain JSON a user can attach to an issue: ids are kept, secrets and tokens never enter it.
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
  | 'rate-limits'
  | 'clock'
  | `write-probe:${'portal' | 'bulk-create' | 'read-back' | 'update' | 'cleanup'}`;

export interface DoctorCheck {
  id: CheckId;
  ok: boolean;
  /** One line: what was found. */
  summary: string;
  /** For a ✗: what to do about it. */
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
  return { id, ok: true, summary, ...(facts ? { facts } : {}) };
}

export function failed(id: CheckId, summary: string, fix: string, facts?: Record<string, Fact>): DoctorCheck {
  return { id, ok: false, summary, fix, ...(facts ? { facts } : {}) };
}
