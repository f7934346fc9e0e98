/**
 * Whether client settings are microtenant scoped. NOTES.md, "User portal links" and "Still unknown":
 * both vendor SDKs send `microtenantId` on client-setting calls, the vendor's pages do not say, and
 * plan sends it only outside Default (kinds/client-setting.ts). Doctor reads the settings the other
 * way too and says which ways answer and whether the answers differ, so a report settles it for a
 * tenant.
 */
import { ApiError } from '../core/errors.js';
import type { KindSet } from '../core/kind-set.js';
import type { ApiObject } from '../core/types.js';
import { idOf, optionalString } from '../canonical/normalize.js';
import type { ZpaClient } from '../zpa/index.js';
import type { CollectionRead } from './collections.js';
import { passed, warned, type DoctorCheck } from './types.js';

type ScopeClient = Pick<ZpaClient, 'read' | 'sendsMicrotenant' | 'target'>;

/** `planRead` is the clientSettings read made as plan makes it; this makes the other one. */
export async function clientSettingScopeCheck(
  client: ScopeClient,
  planRead: CollectionRead,
  kinds: KindSet,
): Promise<DoctorCheck> {
  const call = kinds.readCall('clientSettings');
  const planSends = client.sendsMicrotenant(call.scoped);
  const microtenantId = client.target.microtenantId;
  const withId = `with microtenantId=${microtenantId}`;
  const [planWay, otherWay] = planSends ? [withId, 'without it'] : ['without microtenantId', `with ${microtenantId}`];
  let other: ApiObject[] | ApiError;
  try {
    other = await client.read({ ...call, scoped: !planSends });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    other = error;
  }
  const answer = (read: ApiObject[] | ApiError): string =>
    read instanceof ApiError ? `refused (${read.message})` : `${read.length} (${typesOf(read).join(', ') || 'none'})`;
  const planAnswer: ApiObject[] | ApiError = 'error' in planRead ? planRead.error : planRead.objects;
  const facts = {
    microtenantId,
    planSendsMicrotenant: planSends,
    planWay: planAnswer instanceof ApiError ? { status: planAnswer.status ?? null } : ids(planAnswer),
    otherWay: other instanceof ApiError ? { status: other.status ?? null } : ids(other),
  };
  const both = `${planWay} (as plan reads them): ${answer(planAnswer)}; ${otherWay}: ${answer(other)}`;
  if (planAnswer instanceof ApiError || other instanceof ApiError)
    return passed('client-settings-scope', `client settings scope: ${both}`, { ...facts, differ: null });
  const differ = key(planAnswer) !== key(other);
  if (!differ)
    return passed(
      'client-settings-scope',
      `client settings scope: the same ${planAnswer.length} ${withId} and without it, so whether they are scoped does not matter here`,
      { ...facts, differ },
    );
  return warned(
    'client-settings-scope',
    `client settings scope: the answers differ: ${both}`,
    'client settings are microtenant scoped on this tenant: plan reads them as the first answer says; please attach this report (doctor --format json) to an issue',
    { ...facts, differ },
  );
}

function typesOf(settings: ApiObject[]): string[] {
  return settings.map((s) => optionalString(s['clientCertificateType'])).sort();
}

function ids(settings: ApiObject[]): string[] {
  return settings.map((s) => idOf(s['id'])).sort();
}

/** What the two answers are compared on: each setting's id, type and certificate. */
function key(settings: ApiObject[]): string {
  return JSON.stringify(
    settings
      .map((s) => [idOf(s['id']), optionalString(s['clientCertificateType']), idOf(s['enrollmentCertId'])])
      .sort(),
  );
}
