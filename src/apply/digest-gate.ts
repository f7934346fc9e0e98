/**
 * The digest gates the library's apply functions and the CLI share: the reviewed digest a run must
 * match (`expectDigest`), and the key that a keyed digest or plan file must verify under.
 */
import { PlanChangedError } from '../core/errors.js';
import type { Plan } from '../core/types.js';
import { formatDigest, parseDigestText, verifyDigest, verifyPlanKey } from '../digest/keyed-digest.js';

export interface DigestGate {
  /** Apply only a plan with this digest (`sha256:…`, or keyed `sha256:…+hmac-sha256:…`). */
  expectDigest?: string;
  /** ZPA_GITOPS_PLAN_KEY: a saved plan and an expected digest must carry its HMAC. */
  planKey?: string;
}

/** Refuses, before any write, a plan that is not the expected one or an expected digest the key refuses. */
export function assertExpectedDigest(plan: Plan, gate: DigestGate): void {
  if (gate.expectDigest === undefined) return;
  const expected = parseDigestText(gate.expectDigest, '--expect-digest');
  verifyDigest(expected, gate.planKey, `--expect-digest ${formatDigest(expected)}`);
  if (expected.digest !== plan.digest) throw new PlanChangedError(expected.digest, plan.digest);
}

/** A saved plan file must carry the key's HMAC of its digest when a key is set. */
export function assertSavedPlanKeyed(plan: Plan, gate: DigestGate, where = 'the saved plan'): void {
  verifyPlanKey(plan, gate.planKey, where);
}
