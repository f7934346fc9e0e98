/**
 * `doctor`: checks a tenant and an API key before the first plan. Read-only unless a write probe is
 * asked for. The clock is a parameter, so the skew check (and the report's time) are testable.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { AuthError } from '../core/errors.js';
import type { KindSet } from '../core/kind-set.js';
import { BUILT_IN_KINDS } from '../kinds/built-in.js';
import { idOf, optionalString, unescapeHtml } from '../canonical/normalize.js';
import { TOOL_VERSION } from '../version.js';
import type { ReplyInfo, ZpaClient, ZpaSettings } from '../zpa/index.js';
import { closest } from '../core/closest.js';
import type { ApiObject, DesiredState } from '../core/types.js';
import { collectionsFor } from '../live/read-live.js';
import { clientSettingScopeCheck } from './client-setting-scope.js';
import {
  collectionCheck,
  COLLECTIONS,
  notChecked,
  notNeeded,
  READ_ORDER,
  readCollection,
  type CollectionRead,
  type LiveCollection,
  type Need,
} from './collections.js';
import { checkEnvironment } from './environment.js';
import { RepliesSeen } from './replies-seen.js';
import { clockCheck, customerCheck, rateLimitCheck, selectMicrotenant } from './tenant-checks.js';
import { failed, notRunCheck, passed, type DoctorCheck, type DoctorReport } from './types.js';
import { runWriteProbe } from './write-probe.js';

export interface DoctorOptions {
  env: Readonly<Record<string, string | undefined>>;
  /**
   * This machine's time, for the skew check and the report's time: the system clock, or a manual
   * one in tests (core/clock.ts), as the client and the simulator take. The write probe waits on it
   * while it polls for its links to appear.
   */
  clock: Clock;
  /** Builds the client from the settings doctor checked; `onReply` must reach `ZpaClientOptions`. */
  connect: (settings: ZpaSettings, onReply: (reply: ReplyInfo) => void) => ZpaClient;
  /** A portal name or id: create, read, update and delete two probe links on it. */
  writeProbe?: string;
  /** The probe names' random part; 8 hex digits by default. */
  random?: () => string;
  /** The kinds whose reads are checked, read as plan reads them; the built-in ones by default. */
  kinds?: KindSet;
  /**
   * The manifests to check for (`doctor PATH`): exactly the reads plan makes for them, in their
   * microtenant. Without them every read is made, and a refused read that plan needs only for some
   * manifests is a warning.
   */
  desired?: DesiredState;
  /** An interrupt: the write probe starts no new step, deletes its probes and says what is left. */
  signal?: AbortSignal;
}

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const { check: environment, settings } = checkEnvironment(options.env);
  if (!settings) return report(options, undefined, [environment, ...notRun('the environment is incomplete', options)]);
  const seen = new RepliesSeen(options.clock);
  const client = options.connect(settings, seen.observe);
  try {
    const signIn = await checkSignIn(client, settings);
    if (!signIn.ok) return report(options, settings, [environment, signIn, ...notRun('sign-in failed', options)]);
    return report(options, settings, [environment, signIn, ...(await checkTenant(client, settings, seen, options))]);
  } finally {
    client.close();
  }
}

async function checkSignIn(client: ZpaClient, settings: ZpaSettings): Promise<DoctorCheck> {
  try {
    const info = await client.signIn();
    const seconds = Math.round((info.expiresAt - info.issuedAt) / 1000);
    const from = info.source === 'fallback' ? 'the reply gave no lifetime; assumed' : `from ${info.source}`;
    return passed('sign-in', `sign-in: token valid for ${seconds} s (${from})`, {
      lifetimeSeconds: seconds,
      lifetimeSource: info.source,
    });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const [idVar, secretVar] = settings.credentialVariables;
    const cloudVar = settings.mode === 'oneapi' ? 'ZSCALER_CLOUD and ZSCALER_VANITY_DOMAIN' : 'ZPA_CLOUD';
    const fix =
      error.status === undefined
        ? `the sign-in host did not answer: check ${cloudVar}, the network, and NODE_EXTRA_CA_CERTS behind a TLS-inspecting proxy`
        : `check ${idVar} and ${secretVar} (a key works only on its own cloud: check ${cloudVar} too)`;
    // The message's own ": check ..." hint is the fix, given once.
    return failed('sign-in', `sign-in: ${error.message.replace(/: check .*$/, '')}`, fix, {
      status: error.status ?? null,
      zpaId: error.zpaId ?? null,
    });
  }
}

/** What plan reads for the manifests given, or (none given) what it reads always and sometimes. */
function needsFor(desired: DesiredState | undefined, kinds: KindSet): Record<LiveCollection, Need> {
  if (desired === undefined)
    return Object.fromEntries(
      READ_ORDER.map((c) => [c, COLLECTIONS[c].neededOnce === undefined ? 'always' : 'sometimes']),
    ) as Record<LiveCollection, Need>;
  const needed = new Set(collectionsFor(desired, kinds));
  // workflow.ts reads the microtenant list only to resolve a microtenant named by name.
  if (desired.microtenant !== undefined && 'name' in desired.microtenant) needed.add('microtenants');
  return Object.fromEntries(READ_ORDER.map((c) => [c, needed.has(c) ? 'always' : 'no'])) as Record<
    LiveCollection,
    Need
  >;
}

async function checkTenant(
  client: ZpaClient,
  settings: ZpaSettings,
  seen: RepliesSeen,
  options: DoctorOptions,
): Promise<DoctorCheck[]> {
  const reads = new Map<LiveCollection, CollectionRead>();
  const kinds = options.kinds ?? BUILT_IN_KINDS;
  const needs = needsFor(options.desired, kinds);
  const microtenants =
    needs.microtenants === 'no' ? undefined : await readCollection(client, 'microtenants', seen, kinds);
  if (microtenants) reads.set('microtenants', microtenants);
  const selection = selectMicrotenant(settings, options.desired, microtenants);
  // Every read as plan makes it: through the client of the microtenant plan would work in.
  const scoped =
    selection.id === undefined || selection.id === client.target.microtenantId
      ? client
      : client.withMicrotenant(selection.id);
  for (const collection of READ_ORDER.slice(1)) {
    if (needs[collection] === 'no') continue;
    // Reads that carry the microtenant fail in an unknown one for that reason alone: say so once,
    // below. Client settings carry it outside Default (kinds/client-setting.ts), and an unknown
    // microtenant is never Default.
    if (selection.id === undefined && kinds.readCall(collection).scoped !== false) continue;
    reads.set(collection, await readCollection(scoped, collection, seen, kinds));
  }
  const customer = customerCheck(settings, [...reads.values()]);
  const context = { mode: settings.mode, microtenantSelected: settings.microtenantId !== undefined };
  const collections = READ_ORDER.map((collection) => {
    if (needs[collection] === 'no') return notNeeded(collection);
    const read = reads.get(collection);
    if (customer.refused) return notChecked(collection, 'the customer id did not answer');
    return read
      ? collectionCheck(read, context, needs[collection])
      : notChecked(collection, 'the microtenant is unknown');
  });
  const checks = [
    customer.check,
    ...collections,
    customer.refused ? notRunCheck('microtenant', 'microtenant', 'the customer id did not answer') : selection.check,
  ];
  const settingsRead = reads.get('clientSettings');
  if (settingsRead !== undefined && !customer.refused)
    checks.push(await clientSettingScopeCheck(scoped, settingsRead, kinds));
  if (options.writeProbe !== undefined) {
    const portals =
      reads.get('userPortals') ??
      (needs.userPortals === 'no' ? await readCollection(scoped, 'userPortals', seen, kinds) : undefined);
    checks.push(...(await probe(scoped, portals, options)));
  }
  // Last, so they cover every reply, the probe's included.
  checks.push(rateLimitCheck(seen, client.stats.rateLimited, settings.mode), clockCheck(seen));
  return checks;
}

async function probe(
  client: ZpaClient,
  portals: CollectionRead | undefined,
  options: DoctorOptions,
): Promise<DoctorCheck[]> {
  const wanted = options.writeProbe ?? '';
  const label = 'write probe';
  if (portals === undefined || 'error' in portals)
    return [notRunCheck('write-probe:portal', label, 'the user portals could not be read')];
  const nameOf = (p: ApiObject) => unescapeHtml(optionalString(p['name']));
  const matches = portals.objects.filter((p) => idOf(p['id']) === wanted || nameOf(p) === wanted);
  const [portal, ...others] = matches;
  if (portal === undefined || others.length > 0) {
    const problem = portal === undefined ? 'no user portal is named or numbered' : 'several user portals are named';
    // Names are case-sensitive: the one did-you-mean of the tool (core/closest.ts) suggests the spelling.
    const suggestion = portal === undefined ? closest(wanted, portals.objects.map(nameOf)) : undefined;
    const hint = suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
    return [
      failed(
        'write-probe:portal',
        `write probe: not run, ${problem} "${wanted}" in this microtenant${hint}`,
        'give --write-probe the exact name or the id of one user portal (zpa-gitops export lists them)',
        suggestion === undefined ? undefined : { suggestion },
      ),
    ];
  }
  const random = options.random ?? (() => randomBytes(4).toString('hex'));
  const target = { id: idOf(portal['id']), name: nameOf(portal) };
  return runWriteProbe(client, target, {
    random,
    clock: options.clock,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

function notRun(why: string, options: DoctorOptions): DoctorCheck[] {
  const checks = [
    notRunCheck('customer', 'customer', why),
    ...READ_ORDER.map((c) => notChecked(c, why)),
    notRunCheck('microtenant', 'microtenant', why),
  ];
  if (options.writeProbe !== undefined) checks.push(notRunCheck('write-probe:portal', 'write probe', why));
  return checks;
}
function report(options: DoctorOptions, settings: ZpaSettings | undefined, checks: DoctorCheck[]): DoctorReport {
  // The microtenant the reads were made in: the manifests' when they name one (selectMicrotenant).
  const chosen = checks.find((c) => c.id === 'microtenant' && c.ok)?.facts?.['microtenantId'];
  return {
    tool: 'zpa-gitops doctor',
    toolVersion: TOOL_VERSION,
    checkedAt: new Date(options.clock.now()).toISOString(),
    ...(settings
      ? {
          target: {
            host: new URL(settings.apiBase).host,
            customerId: settings.customerId,
            microtenantId: typeof chosen === 'string' ? chosen : (settings.microtenantId ?? '0'),
            authMode: settings.mode,
            cloud: settings.cloud,
          },
        }
      : {}),
    ok: checks.every((c) => c.ok),
    checks,
  };
}
