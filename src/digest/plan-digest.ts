/**
 * The plan digest: what a reviewer approved, in one comparable string. SHA-256 over a canonical
 * serialisation of the target and of the changes that would write, in the plan's order; nothing that
 * varies by machine, run or output format (no timestamps, tool version, names table or warnings), so
 * the same manifests and tenant give the same digest anywhere.
 */
import { createHash } from 'node:crypto';
import type { Change, Json, Plan } from '../core/types.js';

export const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** Bumped only if the serialisation below changes, so two algorithms can never produce equal strings. */
const DIGEST_VERSION = 1;

/** The parts of a plan the digest covers: enough to compute it from a plan still being built. */
export type DigestInput = Pick<Plan, 'target' | 'changes'> & { targets?: Json };

export function digestPlan(plan: DigestInput): string {
  const { host, customerId, microtenantId } = plan.target;
  const material: Json = {
    digestVersion: DIGEST_VERSION,
    target: { host, customerId, microtenantId },
    // A plan spanning several targets lists them; the digest covers them too.
    ...(plan.targets === undefined ? {} : { targets: plan.targets }),
    changes: plan.changes.flatMap(digestedChange),
  };
  return `sha256:${createHash('sha256').update(canonicalJson(material)).digest('hex')}`;
}

/** True when a plan's content still matches the digest it carries (a hand-edited file does not). */
export function digestMatches(plan: Plan): boolean {
  return typeof plan.digest === 'string' && plan.digest === digestPlan(plan);
}

/** What each change contributes: identity, the live object's fingerprint it was computed from, the state after. */
function digestedChange(change: Change): Json[] {
  const { kind, action, key } = change;
  switch (change.action) {
    case 'create':
      return [{ kind, action, key, after: change.after }];
    case 'update':
      return [{ kind, action, key, id: change.id, fingerprint: change.fingerprint, after: change.after }];
    case 'delete':
      return [{ kind, action, key, id: change.id, fingerprint: change.fingerprint }];
    case 'no-op':
      return [];
  }
}

/**
 * JSON with object keys sorted by code unit and no whitespace. Kept here rather than shared with the
 * planner's equality helper so that a change there can never silently change every digest.
 */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] ?? null)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
