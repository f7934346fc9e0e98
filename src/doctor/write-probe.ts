/**
 * `--write-probe PORTAL`: answers what only traffic can (NOTES.md leaves both open or recorded once):
 * which version the bulk create answers on, and whether a PUT clears a field it omits. Two disabled
 * links named `zpa-gitops-probe-<random>-<n>` are created in one bulk call, read back, one is
 * updated, and both are deleted; whatever step fails, every probe found is deleted and the tenant is
 * listed again to show none is left.
 */
import { ApiError } from '../core/errors.js';
import type { ApiObject } from '../core/types.js';
import { idOf, optionalString } from '../canonical/normalize.js';
import { NEGOTIATED_ROUTES, type ApiVersion, type ZpaClient } from '../zpa/index.js';
import { bulkCreateProbes, readProbe, updateProbe } from './probe-calls.js';
import { cleanUpProbes } from './probe-cleanup.js';
import { failed, passed, type DoctorCheck } from './types.js';

const PROBE_PREFIX = 'zpa-gitops-probe-';
const PROBE_DESCRIPTION = 'zpa-gitops doctor write probe: safe to delete';
/** `.invalid` is reserved (RFC 2606): the probe can never point anywhere. */
const PROBE_HOST = 'probe.zpa-gitops.invalid';

/**
 * What the probe uses of the client: its writes go through `write`, the one call the applier sends
 * every kind's writes through (probe-calls.ts), so the probe exercises what apply would send.
 */
export type ProbeClient = Pick<ZpaClient, 'bulkApiVersion' | 'write' | 'read' | 'readOne'>;

export interface ProbePortal {
  id: string;
  name: string;
}

export async function runWriteProbe(
  client: ProbeClient,
  portal: ProbePortal,
  random: () => string,
): Promise<DoctorCheck[]> {
  const tag = `${PROBE_PREFIX}${random()}-`;
  const probes = [1, 2].map((n) => ({
    name: `${tag}${n}`,
    link: PROBE_HOST,
    protocol: 'https://',
    description: PROBE_DESCRIPTION,
    // Disabled, so no user ever sees a probe on the portal during its few seconds of life.
    enabled: false,
  }));
  const created = new Map<string, string>(); // id -> name
  const checks: DoctorCheck[] = [];
  try {
    checks.push(await bulkCreate(client, portal, probes, created));
    checks.push(await readBack(client, portal, probes, created));
    checks.push(await update(client, portal, created));
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    checks.push(error.check);
  }
  checks.push(await cleanUpProbes(client, tag, created));
  return checks;
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

async function bulkCreate(
  client: ProbeClient,
  portal: ProbePortal,
  probes: ApiObject[],
  created: Map<string, string>,
): Promise<DoctorCheck> {
  const reply = await step(
    () => bulkCreateProbes(client, probes, portal.id),
    (error) =>
      failed(
        'write-probe:bulk-create',
        `write probe: the bulk create failed (tried ${BULK_VERSIONS?.join(', then ') ?? 'it'}): ${error.message}`,
        'check that the key may write User Portals; attach this report to an issue',
        { status: error.status ?? null, zpaId: error.zpaId ?? null, version: client.bulkApiVersion ?? null },
      ),
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

async function readBack(
  client: ProbeClient,
  portal: ProbePortal,
  probes: ApiObject[],
  created: Map<string, string>,
): Promise<DoctorCheck> {
  const differences: string[] = [];
  for (const [id, name] of created) {
    const live = await step(
      () => readProbe(client, id),
      (error) =>
        failed(
          'write-probe:read-back',
          `write probe: reading probe ${id} back failed: ${error.message}`,
          'attach this report to an issue',
          {
            id,
          },
        ),
    );
    const sent = probes.find((p) => p['name'] === name) ?? {};
    for (const field of ['name', 'link', 'protocol', 'description'])
      if (optionalString(live[field]) !== sent[field]) differences.push(`${id}.${field}`);
    if (live['enabled'] !== false) differences.push(`${id}.enabled`);
    const portals = Array.isArray(live['userPortals']) ? (live['userPortals'] as unknown[]) : [];
    if (!portals.some((p) => typeof p === 'object' && p !== null && idOf((p as ApiObject)['id']) === portal.id))
      differences.push(`${id}.userPortals`);
  }
  const facts = { ids: [...created.keys()], differences };
  if (differences.length > 0)
    return failed(
      'write-probe:read-back',
      `write probe: read back, but these fields differ from what was sent: ${differences.join(', ')}`,
      'attach this report to an issue: plan would see these links as drifted',
      facts,
    );
  return passed('write-probe:read-back', `write probe: both links read back as sent`, facts);
}

/** PUT the first probe with a new `linkPath` and without `description`, then read what stayed. */
async function update(client: ProbeClient, portal: ProbePortal, created: Map<string, string>): Promise<DoctorCheck> {
  const [first] = created;
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
  const failure = (error: ApiError): DoctorCheck =>
    failed(
      'write-probe:update',
      `write probe: updating probe ${id} failed: ${error.message}`,
      'check that the key may write User Portals; attach this report to an issue',
      {
        id,
        status: error.status ?? null,
        zpaId: error.zpaId ?? null,
      },
    );
  await step(() => updateProbe(client, id, body), failure);
  const after = await step(() => readProbe(client, id), failure);
  const applied = optionalString(after['linkPath']) === '/updated';
  const cleared = optionalString(after['description']) === '';
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
