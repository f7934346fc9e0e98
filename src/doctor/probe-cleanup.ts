/**
 * The write probe's last step, run whatever happened before it: delete every probe of this run that
 * exists (those the bulk reply named, and any found by name: a failed bulk call may have been
 * applied in part, NOTES.md), then list the links again to show that none is left.
 */
import { ApiError } from '../core/errors.js';
import { idOf, optionalString } from '../canonical/normalize.js';
import { failed, passed, type DoctorCheck } from './types.js';
import { deleteProbe, listLinks } from './probe-calls.js';
import type { ProbeClient } from './write-probe.js';

export async function cleanUpProbes(
  client: ProbeClient,
  tag: string,
  created: Map<string, string>,
): Promise<DoctorCheck> {
  const targets = new Map(created);
  try {
    for (const link of await listLinks(client))
      if (optionalString(link['name']).startsWith(tag)) targets.set(idOf(link['id']), optionalString(link['name']));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
  const undeleted: string[] = [];
  for (const [id, name] of targets) {
    try {
      await deleteProbe(client, id);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (!error.notFound) undeleted.push(`${id} (${name}: ${error.message})`);
    }
  }
  const facts = { deleted: [...targets.keys()], undeleted };
  if (undeleted.length > 0)
    return failed(
      'write-probe:cleanup',
      `write probe: could not delete ${links(undeleted.length)}: ${undeleted.join('; ')}`,
      `delete the links named ${tag}* in the ZPA Admin Portal (User Portals); they are disabled, so no user sees them`,
      facts,
    );
  let left: string[];
  try {
    left = (await listLinks(client)).map((l) => optionalString(l['name'])).filter((n) => n.startsWith(tag));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return failed(
      'write-probe:cleanup',
      `write probe: deleted ${links(targets.size)}, but listing the links again failed: ${error.message}`,
      `check in the ZPA Admin Portal that no link named ${tag}* is left, and delete any that is`,
      facts,
    );
  }
  if (left.length > 0)
    return failed(
      'write-probe:cleanup',
      `write probe: ${links(left.length)} still listed after deleting: ${left.join(', ')}`,
      `delete the links named ${tag}* in the ZPA Admin Portal (User Portals)`,
      { ...facts, left },
    );
  return passed('write-probe:cleanup', `write probe: deleted ${links(targets.size)}; none is left`, facts);
}

function links(count: number): string {
  return `${count} probe link${count === 1 ? '' : 's'}`;
}
