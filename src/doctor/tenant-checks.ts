/**
 * The checks drawn from what the reads found: the customer id, the microtenant selected, the
 * rate-limit headers and the clock skew.
 */
import type { ApiObject } from '../core/types.js';
import { idOf, optionalString, unescapeHtml } from '../canonical/normalize.js';
import type { ZpaSettings } from '../zpa/index.js';
import type { CollectionRead } from './collections.js';
import type { RepliesSeen } from './replies-seen.js';
import { failed, passed, type DoctorCheck } from './types.js';

/** The sign-in token is dropped a minute before it expires (token-expiry.ts): more skew than that matters. */
const MAX_CLOCK_SKEW_MS = 60_000;

/**
 * Whether the customer id answers. A wrong id shows as every read refused alike (the real API's
 * status for it is not documented: 401, 403 and 404 are all taken as "refused").
 */
export interface CustomerVerdict {
  check: DoctorCheck;
  /** Every read was refused alike: the collection lines would only repeat it. */
  refused: boolean;
}

/**
 * Whether the customer id answers. A wrong id shows as every read refused alike (the real API's
 * status for it is not documented: 401, 403 and 404 are all taken as "refused").
 */
export function customerCheck(settings: ZpaSettings, reads: CollectionRead[]): CustomerVerdict {
  const id = settings.customerId;
  const answered = reads.filter((r) => !('error' in r)).length;
  if (answered > 0) {
    const summary = `customer ${id} answers (${answered} of ${reads.length} reads succeeded)`;
    return { check: passed('customer', summary, { customerId: id }), refused: false };
  }
  const errors = reads.flatMap((r) => ('error' in r ? [r.error] : []));
  const [first] = errors;
  const refused = errors.every((e) => e.status === 401 || e.status === 403 || e.status === 404);
  if (!refused || first === undefined) {
    const check = failed('customer', `customer ${id}: not confirmed, no read succeeded`, 'see the ✗ lines below', {
      customerId: id,
    });
    return { check, refused: false };
  }
  const check = failed(
    'customer',
    `customer ${id} is not reachable with this key: every read was refused (${first.message})`,
    "check ZPA_CUSTOMER_ID against the customer id on the ZPA Admin Portal's API Keys page, and that the key belongs to that tenant",
    { customerId: id, status: first.status ?? null, zpaId: first.zpaId ?? null },
  );
  return { check, refused: true };
}

export function microtenantCheck(settings: ZpaSettings, microtenants: CollectionRead | undefined): DoctorCheck {
  const selected = settings.microtenantId ?? '0';
  const how =
    settings.microtenantId === undefined
      ? 'the default, ZPA_MICROTENANT_ID is unset'
      : 'selected by ZPA_MICROTENANT_ID';
  if (microtenants === undefined || 'error' in microtenants) {
    if (selected === '0')
      return passed('microtenant', `microtenant: Default (0), ${how} (the microtenant list was not read)`, {
        microtenantId: '0',
      });
    return failed(
      'microtenant',
      `microtenant: ZPA_MICROTENANT_ID ${selected} not checked, the microtenant list could not be read`,
      'fix the microtenants ✗ line first',
      { microtenantId: selected },
    );
  }
  const found = microtenants.objects.find((m) => idOf(m['id']) === selected);
  if (found) {
    return passed('microtenant', `microtenant: ${describe(found)}, ${how}`, {
      microtenantId: selected,
      name: nameOf(found),
    });
  }
  const known = microtenants.objects.map(describe).join(', ');
  return failed(
    'microtenant',
    `microtenant: ZPA_MICROTENANT_ID ${selected} is not a microtenant of this tenant; it has: ${known || 'none listed'}`,
    'set ZPA_MICROTENANT_ID to one of those ids, or unset it for the Default microtenant',
    { microtenantId: selected, known: microtenants.objects.map((m) => idOf(m['id'])) },
  );
}

export function rateLimitCheck(seen: RepliesSeen, rateLimited: number): DoctorCheck {
  const headers = [...seen.rateLimitHeaders]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}: ${value}`);
  const met = rateLimited > 0 ? `; ${rateLimited} replies were 429 (waited for, as plan would)` : '';
  const found =
    headers.length > 0
      ? `rate-limit headers: ${headers.join(', ')}`
      : `rate-limit headers: none in ${seen.replies.length} replies (the published limits apply: 20 GETs and 10 writes per 10 s)`;
  return passed('rate-limits', `${found}${met}`, {
    headers: Object.fromEntries(seen.rateLimitHeaders),
    replies: seen.replies.length,
    rateLimited,
  });
}

export function clockCheck(seen: RepliesSeen): DoctorCheck {
  const skews = seen.skews.map((s) => s.skewMs).sort((a, b) => a - b);
  if (skews.length === 0)
    return passed('clock', 'clock: the replies carried no Date header, so the skew was not measured', {
      samples: 0,
    });
  // The median resists one slow reply; `Date` has whole seconds, so a synced clock reads 0 to -1 s.
  const median = skews[Math.floor(skews.length / 2)] ?? 0;
  const seconds = Math.round(median / 1000) + 0; // + 0 turns -0 into 0
  const facts = { skewSeconds: seconds, samples: skews.length };
  const direction = median > 0 ? 'behind' : 'ahead of';
  if (Math.abs(median) <= MAX_CLOCK_SKEW_MS)
    return passed('clock', `clock: within ${Math.max(1, Math.abs(seconds))} s of the server's Date header`, facts);
  return failed(
    'clock',
    `clock: this machine is ${Math.abs(seconds)} s ${direction} the server's Date header`,
    'synchronise the clock (NTP): token expiry is judged by it, and tokens are renewed only a minute early',
    facts,
  );
}

function nameOf(object: ApiObject): string {
  return unescapeHtml(optionalString(object['name']));
}

function describe(object: ApiObject): string {
  return `${nameOf(object) || '(no name)'} (${idOf(object['id'])})`;
}
