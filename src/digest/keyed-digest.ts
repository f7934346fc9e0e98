/**
 * The keyed digest: with a secret key (ZPA_GITOPS_PLAN_KEY, kept where a workflow edited in a pull
 * request cannot read it), the plan, its file and the comment marker carry an HMAC-SHA-256 of the
 * digest. A plain digest proves a plan is the one computed from the manifests and tenant; anyone who
 * can run a workflow can compute one. Only a holder of the key can make a keyed one.
 *
 * Written as `sha256:<64 hex>+hmac-sha256:<64 hex>` wherever a digest is passed around as text.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnverifiedDigestError, UsageError } from '../core/errors.js';
import type { Plan } from '../core/types.js';

export const PLAN_KEY_VARIABLE = 'ZPA_GITOPS_PLAN_KEY';
const KEYED_DIGEST_PATTERN = /^(sha256:[0-9a-f]{64})(?:\+(hmac-sha256:[0-9a-f]{64}))?$/;

export interface DigestText {
  digest: string;
  hmac?: string;
}

/** `hmac-sha256:<hex>` of a digest under a key. */
export function digestHmac(digest: string, key: string): string {
  return `hmac-sha256:${createHmac('sha256', key).update(digest).digest('hex')}`;
}

/** The plan carrying the HMAC of its digest under `key`. */
export function signPlan(plan: Plan, key: string): Plan {
  return { ...plan, digestHmac: digestHmac(plan.digest, key) };
}

/** The digest as text: keyed when the plan or value carries an HMAC. */
export function formatDigest(value: DigestText | Pick<Plan, 'digest' | 'digestHmac'>): string {
  const hmac = 'digestHmac' in value ? value.digestHmac : 'hmac' in value ? value.hmac : undefined;
  return hmac === undefined ? value.digest : `${value.digest}+${hmac}`;
}

/** A digest as given on a command line or in a marker; `name` says where, for the message. */
export function parseDigestText(value: string, name: string): DigestText {
  const match = KEYED_DIGEST_PATTERN.exec(value);
  if (!match?.[1])
    throw new UsageError(
      `${name} must be a plan digest like sha256:<64 hex digits> (optionally +hmac-sha256:<64 hex digits>), not "${value.slice(0, 80)}"`,
    );
  return match[2] === undefined ? { digest: match[1] } : { digest: match[1], hmac: match[2] };
}

/**
 * Refuses a digest the key does not verify. Without a key there is nothing to verify against and
 * any digest passes; with one, an unkeyed digest is refused as surely as a wrong HMAC.
 */
export function verifyDigest(value: DigestText, key: string | undefined, what: string): void {
  if (key === undefined || key === '') return;
  if (value.hmac === undefined)
    throw new UnverifiedDigestError(
      `${what} carries no HMAC, but ${PLAN_KEY_VARIABLE} is set: only a keyed digest (made with the key) is taken as reviewed. Nothing was changed.`,
    );
  const want = Buffer.from(digestHmac(value.digest, key));
  const given = Buffer.from(value.hmac);
  if (want.length !== given.length || !timingSafeEqual(want, given))
    throw new UnverifiedDigestError(
      `${what} has an HMAC that ${PLAN_KEY_VARIABLE} does not verify: it was not made with this key. Nothing was changed.`,
    );
}

/** A saved plan's own HMAC, verified as `verifyDigest` does. */
export function verifyPlanKey(plan: Pick<Plan, 'digest' | 'digestHmac'>, key: string | undefined, what: string): void {
  verifyDigest(
    plan.digestHmac === undefined ? { digest: plan.digest } : { digest: plan.digest, hmac: plan.digestHmac },
    key,
    what,
  );
}
