/**
 * `--write-probe PORTAL`: answers what only traffic can (NOTES.md leaves them open or recorded once):
 * which version the bulk create answers on, how long a created link takes to show in the list read,
 * and whether a PUT clears a field it omits. Two disabled links named `zpa-gitops-probe-<random>-<n>`
 * are created in one bulk call, waited for in the list, read back, one is updated, and both are
 * deleted. Only ids whose read-back carries a probe's name are ever written to (a bulk reply could
 * name another link's id); whatever step fails, or on an interrupt, every probe found is deleted and
 * what is left is listed.
 */
import { assertNever } from '../core/assert-never.js';
import type { Clock } from '../core/clock.js';
import { ApiError } from '../core/errors.js';
import type { ApiObject } from '../core/types.js';
import { idOf, optionalString } from '../canonical/normalize.js';
import { NEGOTIATED_ROUTES, type ApiVersion, type ZpaClient } from '../zpa/index.js';
import { pollUntil, POLL_EVERY_MS, VISIBLE_WITHIN_MS } from './poll.js';
import { bulkCreateProbes, listLinks, readProbe, updateProbe } from './probe-calls.js';
import { cleanUpProbes, type ProbeLinks } from './probe-cleanup.js';
import { failed, notRunCheck, passed, warned, type CheckId, type DoctorCheck } from './types.js';

export const PROBE_PREFIX = 'zpa-gitops-probe-';
const PROBE_DESCRIPTION = 'zpa-gitops doctor write probe: safe to delete';
/**
 * Under `example.com`, reserved by RFC 2606 for examples (the vendor's page's own link example,
 * `www.example.com/preferences`, is there too): the probe can never point anywhere real, and the API
 * takes it as the domain name it is (a `.invalid` name it might refuse as input).
 */
export const PROBE_HOST = 'zpa-gitops-probe.example.com';

/**
 * What the probe uses of the client: its writes go through `write`, the one call the applier sends
 * every kind's writes through (probe-calls.ts), so the probe exercises what apply would send.
 */
export type ProbeClient = Pick<ZpaClient, 'bulkApiVersion' | 'write' | 'read' | 'readOne'>;

export interface ProbePortal {
  id: string;
  name: string;
}

export interface ProbeOptions {
  random: () => string;
  /** The clock the poll for the new links waits on. */
  clock: Clock;
  /** Aborted by an interrupt: no new step starts; the clean-up still runs. */
  signal?: AbortSignal;
}

/** The steps after the bulk create, in order; each may be stopped by a failure or an interrupt. */
const STEPS = ['write-probe:visible', 'write-probe:read-back', 'write-probe:update'] as const;
type StepId = (typeof STEPS)[number] & CheckId;

export async function runWriteProbe(
  client: ProbeClient,
  portal: ProbePortal,
  options: ProbeOptions,
): Promise<DoctorCheck[]> {
  const tag = `${PROBE_PREFIX}${options.random()}-`;
  const probes = [1, 2].map((n) => ({
    name: `${tag}${n}`,
    link: PROBE_HOST,
    protocol: 'https://',
    description: PROBE_DESCRIPTION,
    // Disabled, so no user ever sees a probe on the portal during its few seconds of life.
    enabled: false,
  }));
  const links: ProbeLinks = { claimed: new Map(), verified: new Map(), foreign: new Map() };
  const checks: DoctorCheck[] = [];
  const interrupted = () => options.signal?.aborted === true;
  // Interrupted before the first write: nothing to clean up, and nothing is written.
  if (interrupted())
    return [notRunCheck('write-probe:bulk-create', 'write probe', 'interrupted before its first write')];
  try {
    checks.push(await bulkCreate(client, portal, probes, links));
    for (const id of STEPS) {
      if (interrupted()) throw new StepFailed(notRunCheck(id, 'write probe', 'interrupted'));
      checks.push(await runStep(id, client, portal, probes, links, options));
    }
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    checks.push(error.check);
  }
  checks.push(await cleanUpProbes(client, tag, links, options.clock));
  return checks;
}

function runStep(
  id: StepId,
  client: ProbeClient,
  portal: ProbePortal,
  probes: ApiObject[],
  links: ProbeLinks,
  options: ProbeOptions,
): Promise<DoctorCheck> {
  switch (id) {
    case 'write-probe:visible':
      return waitUntilListed(client, probes, options);
    case 'write-probe:read-back':
      return readBack(client, portal, probes, links);
    case 'write-probe:update':
      return update(client, portal, links, options);
    default:
      return assertNever(id, 'write probe step');
  }
}

/** A failed step ends the probe early; clean-up still runs. */
class StepFailed extends Error {
  constructor(readonly check: DoctorCheck) {
    super(check.summary);
  }
}

async function step<T>(what: () => Promise<T>, onError: (error: ApiError) => DoctorCheck): Promise<T> {
  try {
    return await what();
  } catch (error) {
    if (error instanceof ApiError) throw new StepFailed(onError(error));
    throw error;
  }
}

/** The order the client tries the bulk route's versions in (route-versions.ts). */
const BULK_VERSIONS = NEGOTIATED_ROUTES.find((r) => r.method === 'POST' && r.path === '/userPortalLink/bulk')?.versions;

/** `v2`, or `v1 (v2 answered that the route does not exist)` when the client had to fall back. */
function describeVersion(version: ApiVersion | undefined): string {
  if (version === undefined) return 'no version';
  const first = BULK_VERSIONS?.[0];
  return first === undefined || first === version
    ? version
    : `${version} (${first} answered that the route does not exist)`;
}

/**
 * A 400 `invalid.*` says the API refused what the probe sent (the access was there): worded so, not
 * as a missing write permission.
 */
function describeWriteError(error: ApiError, what: string): { summary: string; fix: string } {
  if (error.status === 400 && (error.zpaId ?? '').startsWith('invalid.'))
    return {
      summary: `${what}: the API refused the probe's input: ${error.reason ?? error.message}`,
      fix: `attach this report to an issue: the probe sends what apply sends for a link (${error.message})`,
    };
  return {
    summary: `${what}: ${error.message}`,
    fix: 'check that the key may write User Portals; attach this report to an issue',
  };
}

async function bulkCreate(
  client: ProbeClient,
  portal: ProbePortal,
  probes: ApiObject[],
  links: ProbeLinks,
): Promise<DoctorCheck> {
  const created = links.claimed;
  const reply = await step(
    () => bulkCreateProbes(client, probes, portal.id),
    (error) => {
      const tried = `write probe: the bulk create failed (tried ${BULK_VERSIONS?.join(', then ') ?? 'it'})`;
      const { summary, fix } = describeWriteError(error, tried);
      return failed('write-probe:bulk-create', summary, fix, {
        status: error.status ?? null,
        zpaId: error.zpaId ?? null,
        version: client.bulkApiVersion ?? null,
      });
    },
  );
  for (const link of reply) {
    const id = idOf(link['id']);
    if (id !== '') created.set(id, optionalString(link['name']));
  }
  const version = client.bulkApiVersion;
  const fellBack = version !== undefined && BULK_VERSIONS !== undefined && version !== BULK_VERSIONS[0];
  const facts = { version: version ?? null, fellBack, portalId: portal.id, createdIds: [...created.keys()] };
  const on = describeVersion(version);
  if (created.size !== probes.length) {
    throw new StepFailed(
      failed(
        'write-probe:bulk-create',
        `write probe: the bulk create on ${on} answered with ${created.size} ids for ${probes.length} links`,
        'attach this report to an issue: the bulk reply is not what the API documents',
        facts,
      ),
    );
  }
  return passed(
    'write-probe:bulk-create',
    `write probe: one bulk create on ${on} made ${probes.length} links on "${portal.name}"`,
    facts,
  );
}

/** Polls the list read plan makes until both probes are in it: the read-after-write lag. */
async function waitUntilListed(client: ProbeClient, probes: ApiObject[], options: ProbeOptions): Promise<DoctorCheck> {
  const names = probes.map((p) => optionalString(p['name']));
  const polled = await step(
    () =>
      pollUntil(
        options.clock,
        () => listLinks(client),
        (listed) => names.every((name) => listed.some((l) => optionalString(l['name']) === name)),
        options.signal,
      ),
    (error) =>
      failed(
        'write-probe:visible',
        `write probe: listing the links after the create failed: ${error.message}`,
        'attach this report to an issue',
        { status: error.status ?? null },
      ),
  );
  const facts = { lagMs: polled.afterMs ?? null, reads: polled.reads, pollEveryMs: POLL_EVERY_MS };
  if (polled.afterMs === undefined)
    throw new StepFailed(
      warned(
        'write-probe:visible',
        `write probe: the new links were not in the list read after ${VISIBLE_WITHIN_MS / 1000} s (${polled.reads} reads)`,
        'reads lag writes here by more than that: a plan right after an apply may show its changes again; plan a little later',
        facts,
      ),
    );
  const when =
    polled.reads === 1
      ? 'at once (the first list read after the create)'
      : `after ${(polled.afterMs / 1000).toFixed(1)} s (${polled.reads} list reads, every ${POLL_EVERY_MS / 1000} s)`;
  return passed('write-probe:visible', `write probe: both links were in the list read ${when}`, facts);
}

/**
 * Reads each id the bulk reply gave. Only an id whose read-back carries one of the probe names is
 * the probe's (verified); one that reads back as another link is never written to, and stops the
 * probe, as does a read-back that fails.
 */
async function readBack(
  client: ProbeClient,
  portal: ProbePortal,
  probes: ApiObject[],
  links: ProbeLinks,
): Promise<DoctorCheck> {
  const differences: string[] = [];
  const names = probes.map((p) => optionalString(p['name']));
  for (const [id, name] of links.claimed) {
    const live = await step(
      () => readProbe(client, id),
      (error) =>
        failed(
          'write-probe:read-back',
          `write probe: reading probe ${id} back failed: ${error.message}`,
          'attach this report to an issue',
          { id },
        ),
    );
    const liveName = optionalString(live['name']);
    if (!names.includes(liveName)) {
      links.foreign.set(id, liveName);
      throw new StepFailed(
        failed(
          'write-probe:read-back',
          `write probe: the bulk reply named link ${id}, which reads back as "${liveName}", not as the probe "${name}": it was left untouched`,
          'attach this report to an issue: the bulk reply is not what the API documents',
          { id, readBackName: liveName, probeName: name },
        ),
      );
    }
    links.verified.set(id, liveName);
    const sent = probes.find((p) => p['name'] === liveName) ?? {};
    for (const field of ['name', 'link', 'protocol', 'description'])
      if (optionalString(live[field]) !== sent[field]) differences.push(`${id}.${field}`);
    if (live['enabled'] !== false) differences.push(`${id}.enabled`);
    const portals = Array.isArray(live['userPortals']) ? (live['userPortals'] as unknown[]) : [];
    if (!portals.some((p) => typeof p === 'object' && p !== null && idOf((p as ApiObject)['id']) === portal.id))
      differences.push(`${id}.userPortals`);
  }
  const facts = { ids: [...links.verified.keys()], differences };
  if (differences.length > 0)
    return failed(
      'write-probe:read-back',
      `write probe: read back, but these fields differ from what was sent: ${differences.join(', ')}`,
      'attach this report to an issue: plan would see these links as drifted',
      facts,
    );
  return passed('write-probe:read-back', `write probe: both links read back as sent`, facts);
}

/** PUT the first verified probe with a new `linkPath` and without `description`, then read what stayed. */
async function update(
  client: ProbeClient,
  portal: ProbePortal,
  links: ProbeLinks,
  options: ProbeOptions,
): Promise<DoctorCheck> {
  const [first] = links.verified;
  if (first === undefined) throw new Error('write probe: nothing to update');
  const [id, name] = first;
  const body = {
    id,
    name,
    link: PROBE_HOST,
    protocol: 'https://',
    linkPath: '/updated',
    enabled: false,
    userPortals: [{ id: portal.id }],
  };
  const failure = (error: ApiError): DoctorCheck => {
    const { summary, fix } = describeWriteError(error, `write probe: updating probe ${id} failed`);
    return failed('write-probe:update', summary, fix, {
      id,
      status: error.status ?? null,
      zpaId: error.zpaId ?? null,
    });
  };
  await step(() => updateProbe(client, id, body), failure);
  // A lagging read may still show the link as it was: wait for the change as for the create.
  const polled = await step(
    () =>
      pollUntil(
        options.clock,
        () => readProbe(client, id),
        (after) => optionalString(after['linkPath']) === '/updated',
        options.signal,
      ),
    failure,
  );
  const applied = polled.afterMs !== undefined;
  const cleared = optionalString(polled.last['description']) === '';
  const facts = { id, applied, putClearsOmittedFields: cleared };
  if (!applied)
    return failed(
      'write-probe:update',
      `write probe: the PUT on ${id} was accepted but did not change linkPath`,
      'attach this report to an issue',
      facts,
    );
  const finding = cleared
    ? 'a PUT cleared the omitted description (it replaces the whole object, as zpa-gitops assumes)'
    : 'a PUT kept the omitted description (it merges; zpa-gitops assumes it replaces): please attach this report to an issue';
  return passed('write-probe:update', `write probe: ${finding}`, facts);
}
