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
import {
  collectionCheck,
  COLLECTIONS,
  notChecked,
  READ_ORDER,
  readCollection,
  type CollectionRead,
  type LiveCollection,
} from './collections.js';
import { checkEnvironment } from './environment.js';
import { RepliesSeen } from './replies-seen.js';
import { clockCheck, customerCheck, microtenantCheck, rateLimitCheck } from './tenant-checks.js';
import { failed, passed, type DoctorCheck, type DoctorReport } from './types.js';
import { runWriteProbe } from './write-probe.js';

export interface DoctorOptions {
  env: Readonly<Record<string, string | undefined>>;
  /**
   * This machine's time, for the skew check and the report's time: the system clock, or a manual
   * one in tests (core/clock.ts), as the client and the simulator take.
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

async function checkTenant(
  client: ZpaClient,
  settings: ZpaSettings,
  seen: RepliesSeen,
  options: DoctorOptions,
): Promise<DoctorCheck[]> {
  const reads = new Map<LiveCollection, CollectionRead>();
  const kinds = options.kinds ?? BUILT_IN_KINDS;
  const microtenants = await readCollection(client, 'microtenants', seen, kinds);
  reads.set('microtenants', microtenants);
  const microtenant = microtenantCheck(settings, microtenants);
  const microtenantUnknown = !('error' in microtenants) && !microtenant.ok;
  for (const collection of READ_ORDER.slice(1)) {
    // Scoped reads in an unknown microtenant fail for that reason alone: say so once, above.
    if (COLLECTIONS[collection].scoped && microtenantUnknown) continue;
    reads.set(collection, await readCollection(client, collection, seen, kinds));
  }
  const customer = customerCheck(settings, [...reads.values()]);
  const collections = READ_ORDER.map((collection) => {
    const read = reads.get(collection);
    if (customer.refused) return notChecked(collection, 'the customer id did not answer');
    return read ? collectionCheck(read, settings.mode) : notChecked(collection, 'the microtenant is unknown');
  });
  const checks = [
    customer.check,
    ...collections,
    customer.refused ? notRunCheck('microtenant', 'the customer id did not answer') : microtenant,
  ];
  if (options.writeProbe !== undefined) checks.push(...(await probe(client, reads.get('userPortals'), options)));
  // Last, so they cover every reply, the probe's included.
  checks.push(rateLimitCheck(seen, client.stats.rateLimited), clockCheck(seen));
  return checks;
}

async function probe(
  client: ZpaClient,
  portals: CollectionRead | undefined,
  options: DoctorOptions,
): Promise<DoctorCheck[]> {
  const wanted = options.writeProbe ?? '';
  if (portals === undefined || 'error' in portals)
    return [
      failed(
        'write-probe:portal',
        'write probe: not run, the user portals could not be read',
        'fix the ✗ lines above first',
      ),
    ];
  const matches = portals.objects.filter(
    (p) => idOf(p['id']) === wanted || unescapeHtml(optionalString(p['name'])) === wanted,
  );
  const [portal, ...others] = matches;
  if (portal === undefined || others.length > 0) {
    const problem = portal === undefined ? 'no user portal is named or numbered' : 'several user portals are named';
    return [
      failed(
        'write-probe:portal',
        `write probe: not run, ${problem} "${wanted}" in this microtenant`,
        'give --write-probe the exact name or the id of one user portal (zpa-gitops export lists them)',
      ),
    ];
  }
  const random = options.random ?? (() => randomBytes(4).toString('hex'));
  const target = { id: idOf(portal['id']), name: unescapeHtml(optionalString(portal['name'])) };
  return runWriteProbe(client, target, random);
}

function notRunCheck(id: 'customer' | 'microtenant', why: string): DoctorCheck {
  return failed(id, `${id}: not checked (${why})`, 'fix the ✗ above first');
}

function notRun(why: string, options: DoctorOptions): DoctorCheck[] {
  const checks = [
    notRunCheck('customer', why),
    ...READ_ORDER.map((c) => notChecked(c, why)),
    notRunCheck('microtenant', why),
  ];
  if (options.writeProbe !== undefined)
    checks.push(failed('write-probe:portal', `write probe: not run (${why})`, 'fix the ✗ above first'));
  return checks;
}

function report(options: DoctorOptions, settings: ZpaSettings | undefined, checks: DoctorCheck[]): DoctorReport {
  return {
    tool: 'zpa-gitops doctor',
    toolVersion: TOOL_VERSION,
    checkedAt: new Date(options.clock.now()).toISOString(),
    ...(settings
      ? {
          target: {
            host: new URL(settings.apiBase).host,
            customerId: settings.customerId,
            microtenantId: settings.microtenantId ?? '0',
            authMode: settings.mode,
            cloud: settings.cloud,
          },
        }
      : {}),
    ok: checks.every((c) => c.ok),
    checks,
  };
}
