/**
 * The checks drawn from what the reads found: the customer id, the microtenant selected, the
 * rate-limit headers and the clock skew.
 */
import type { ApiObject, DesiredState } from '../core/types.js';
import { idOf, optionalString, unescapeHtml } from '../canonical/normalize.js';
import { resolveMicrotenant } from '../planner/plan.js';
import type { AuthMode, ZpaSettings } from '../zpa/index.js';
import type { CollectionRead } from './collections.js';
import type { RepliesSeen } from './replies-seen.js';
import { failed, passed, warned, type DoctorCheck } from './types.js';

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

/** The microtenant the reads are made in, and the check that says how it was chosen. */
export interface MicrotenantSelection {
  /** Undefined when it is not known: scoped reads would only fail for that reason. */
  id: string | undefined;
  check: DoctorCheck;
}

/**
 * The microtenant plan would work in: the manifests' (`doctor PATH`), resolved as workflow.ts
 * resolves it, else ZPA_MICROTENANT_ID's, else Default. `microtenants` is undefined when the list was
 * not read (these manifests do not need it).
 */
export function selectMicrotenant(
  settings: ZpaSettings,
  desired: DesiredState | undefined,
  microtenants: CollectionRead | undefined,
): MicrotenantSelection {
  const ref = desired?.microtenant;
  if (ref === undefined) return envMicrotenant(settings, microtenants);
  if ('id' in ref)
    return {
      id: ref.id,
      check: passed('microtenant', `microtenant: ${ref.id}, named by the manifests`, { microtenantId: ref.id }),
    };
  if (microtenants === undefined || 'error' in microtenants)
    return {
      id: undefined,
      check: failed(
        'microtenant',
        `microtenant: the manifests name microtenant "${ref.name}", but the microtenant list could not be read`,
        'fix the microtenants ✗ line first: plan reads the list to find the id',
        { microtenantName: ref.name },
      ),
    };
  const { id, diagnostics } = resolveMicrotenant(desired as DesiredState, microtenants.objects, '0');
  const [problem] = diagnostics;
  if (problem !== undefined)
    return {
      id: undefined,
      check: failed('microtenant', `microtenant: ${problem.message}`, problem.hint ?? 'check the manifests', {
        microtenantName: ref.name,
      }),
    };
  return {
    id,
    check: passed('microtenant', `microtenant: ${ref.name} (${id}), named by the manifests`, {
      microtenantId: id,
      name: ref.name,
    }),
  };
}

function envMicrotenant(settings: ZpaSettings, microtenants: CollectionRead | undefined): MicrotenantSelection {
  const selected = settings.microtenantId ?? '0';
  const how =
    settings.microtenantId === undefined
      ? 'the default, ZPA_MICROTENANT_ID is unset'
      : 'selected by ZPA_MICROTENANT_ID';
  const facts = { microtenantId: selected };
  if (microtenants === undefined || 'error' in microtenants) {
    const why = microtenants === undefined ? 'these manifests do not need it' : 'it could not be read';
    if (selected === '0')
      return {
        id: selected,
        check: passed('microtenant', `microtenant: Default (0), ${how} (the microtenant list was not read)`, facts),
      };
    // Plan does not read the list for an id (workflow.ts): the scoped reads above show whether it answers.
    const summary = `microtenant: ZPA_MICROTENANT_ID ${selected} not checked against the microtenant list (${why})`;
    return {
      id: selected,
      check:
        microtenants === undefined
          ? passed('microtenant', summary, facts)
          : warned(
              'microtenant',
              summary,
              'the portal and link reads above show whether the microtenant answers',
              facts,
            ),
    };
  }
  const found = microtenants.objects.find((m) => idOf(m['id']) === selected);
  if (found) {
    return {
      id: selected,
      check: passed('microtenant', `microtenant: ${describe(found)}, ${how}`, { ...facts, name: nameOf(found) }),
    };
  }
  const known = microtenants.objects.map(describe).join(', ');
  return {
    id: undefined,
    check: failed(
      'microtenant',
      `microtenant: ZPA_MICROTENANT_ID ${selected} is not a microtenant of this tenant; it has: ${known || 'none listed'}`,
      'set ZPA_MICROTENANT_ID to one of those ids, or unset it for the Default microtenant',
      { ...facts, known: microtenants.objects.map((m) => idOf(m['id'])) },
    ),
  };
}

export function rateLimitCheck(seen: RepliesSeen, rateLimited: number, mode: AuthMode): DoctorCheck {
  const headers = [...seen.rateLimitHeaders]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}: ${value}`);
  const met = rateLimited > 0 ? `; ${rateLimited} replies were 429 (waited for, as plan would)` : '';
  // NOTES.md, "Rate limits and errors": OneAPI replies carry `x-ratelimit-*` (recorded: 5000;w=60),
  // the gateway's counters, not ZPA's published 20 GETs and 10 writes per 10 s, which still apply.
  const gateway =
    mode === 'oneapi' && [...seen.rateLimitHeaders.keys()].some((name) => name.startsWith('x-ratelimit-'));
  const whose = gateway
    ? " (the OneAPI gateway's limit, 5,000 per minute recorded; ZPA's own 20 GETs and 10 writes per 10 s apply beneath it)"
    : '';
  const found =
    headers.length > 0
      ? `rate-limit headers: ${headers.join(', ')}${whose}`
      : `rate-limit headers: none in ${seen.replies.length} replies (the published limits apply: 20 GETs and 10 writes per 10 s)`;
  return passed('rate-limits', `${found}${met}`, {
    headers: Object.fromEntries(seen.rateLimitHeaders),
    headersAre: gateway ? 'oneapi-gateway' : headers.length > 0 ? 'unlabelled' : 'none',
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
