/**
 * The write probe's last step, run whatever happened before it (a failed step, an interrupt):
 * delete every probe of this run that exists, and only those. A probe is an id whose read carries
 * one of this run's probe names: the ids the read-back verified, the ids the list read shows under
 * those names (a failed bulk call may have been applied in part, NOTES.md), and ids the bulk reply
 * named that a read of their own shows to be probes. An id that reads back as another link is never
 * deleted. Then the links are listed again (polled: reads may lag the deletes) to show none is left.
 */
import type { Clock } from '../core/clock.js';
import { ApiError } from '../core/errors.js';
import type { ApiObject } from '../core/types.js';
import { idOf, optionalString } from '../canonical/normalize.js';
import { pollUntil, VISIBLE_WITHIN_MS } from './poll.js';
import { deleteProbe, listLinks, readProbe } from './probe-calls.js';
import { failed, passed, type DoctorCheck } from './types.js';
import type { ProbeClient } from './write-probe.js';

/** What the probe knows of its links, id -> name. */
export interface ProbeLinks {
  /** The ids the bulk reply gave, with the names it gave them. */
  claimed: Map<string, string>;
  /** The ids whose read carried a probe name. */
  verified: Map<string, string>;
  /** The ids the bulk reply gave that read back as another link, with that link's name. */
  foreign: Map<string, string>;
}

export async function cleanUpProbes(
  client: ProbeClient,
  tag: string,
  links: ProbeLinks,
  clock: Clock,
): Promise<DoctorCheck> {
  const targets = new Map(links.verified);
  const unverified: string[] = [];
  try {
    for (const link of await listLinks(client))
      if (optionalString(link['name']).startsWith(tag)) targets.set(idOf(link['id']), optionalString(link['name']));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
  for (const [id, name] of links.claimed) {
    if (targets.has(id) || links.foreign.has(id)) continue;
    try {
      // The bulk reply named it, so "not found" may be a read that lags the create: wait for it.
      const polled = await pollUntil(
        clock,
        () => readOrUndefined(client, id),
        (live) => live !== undefined,
      );
      const liveName = optionalString(polled.last?.['name']);
      if (polled.last === undefined) unverified.push(`${id} (${name}: still not found on reading it)`);
      else if (liveName.startsWith(tag)) targets.set(id, liveName);
      else links.foreign.set(id, liveName);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      unverified.push(`${id} (${name}: ${error.message})`);
    }
  }
  const undeleted: string[] = [...unverified];
  for (const [id, name] of targets) {
    try {
      await deleteProbe(client, id);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (!error.notFound) undeleted.push(`${id} (${name}: ${error.message})`);
    }
  }
  const untouched = [...links.foreign].map(([id, name]) => `${id} ("${name}")`);
  const facts = { deleted: [...targets.keys()], undeleted, untouched };
  const spared = untouched.length > 0 ? `; left alone, not probes: ${untouched.join(', ')}` : '';
  if (undeleted.length > 0)
    return failed(
      'write-probe:cleanup',
      `write probe: could not delete ${count(undeleted.length)}: ${undeleted.join('; ')}${spared}`,
      `delete the links named ${tag}* in the ZPA Admin Portal (User Portals); they are disabled, so no user sees them`,
      facts,
    );
  let left: string[];
  try {
    const polled = await pollUntil(
      clock,
      async () =>
        (await listLinks(client))
          .filter((l) => optionalString(l['name']).startsWith(tag))
          .map((l) => `${idOf(l['id'])} (${optionalString(l['name'])})`),
      (listed) => listed.length === 0,
    );
    left = polled.last;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return failed(
      'write-probe:cleanup',
      `write probe: deleted ${count(targets.size)}, but listing the links again failed: ${error.message}${spared}`,
      `check in the ZPA Admin Portal that no link named ${tag}* is left, and delete any that is`,
      facts,
    );
  }
  if (left.length > 0)
    return failed(
      'write-probe:cleanup',
      `write probe: ${count(left.length)} still listed ${VISIBLE_WITHIN_MS / 1000} s after deleting: ${left.join(', ')}${spared}`,
      `reads may lag the deletes: check again in the ZPA Admin Portal (User Portals), and delete any link named ${tag}* still there`,
      { ...facts, left },
    );
  return passed('write-probe:cleanup', `write probe: deleted ${count(targets.size)}; none is left${spared}`, facts);
}

async function readOrUndefined(client: ProbeClient, id: string): Promise<ApiObject | undefined> {
  try {
    return await readProbe(client, id);
  } catch (error) {
    if (error instanceof ApiError && error.notFound) return undefined;
    throw error;
  }
}

function count(n: number): string {
  return `${n} probe link${n === 1 ? '' : 's'}`;
}
