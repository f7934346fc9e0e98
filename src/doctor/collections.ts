/**
 * Each collection the tool reads, read exactly as `plan` reads it (the same `readCollections`, so the
 * same paging and reply checks), then checked as the planner checks live objects (the kinds' own
 * diagnostics, e.g. an object without a usable id).
 */
import { ApiError } from '../core/errors.js';
import type { ApiObject, LiveState } from '../core/types.js';
import type { KindSet } from '../core/kind-set.js';
import { readMicrotenants } from '../live/microtenants.js';
import { readLiveCollections } from '../live/read-live.js';
import type { LiveSource } from '../live/source.js';
import { refusedLive } from '../planner/plan.js';
import type { AuthMode } from '../zpa/index.js';
import type { RepliesSeen } from './replies-seen.js';
import { failed, notNeededCheck, notRunCheck, passed, warned, type CheckId, type DoctorCheck } from './types.js';

/** The collections the tool reads: the kinds' own and look-ups, and the microtenant list. */
export type LiveCollection =
  'microtenants' | 'userPortals' | 'userPortalLinks' | 'clientSettings' | 'enrollmentCerts' | 'baCertificates';

interface CollectionInfo {
  label: string;
  /** The permission a role needs to read it, as the ZPA Admin Portal's role editor groups features. */
  permission: string;
  /** Read with the selected microtenant's `microtenantId` (NOTES.md); the others are tenant-wide. */
  scoped: boolean;
  /**
   * For a read plan makes only for some manifests: when it needs it ("once your manifests ..."). A
   * refusal of such a read is a warning until manifests that need it are given.
   */
  neededOnce?: string;
}

export const COLLECTIONS: Readonly<Record<LiveCollection, CollectionInfo>> = {
  // workflow.ts reads the list only to resolve a microtenant the manifests name.
  microtenants: {
    label: 'microtenants',
    permission: 'Microtenants',
    scoped: false,
    neededOnce: 'once your manifests name a microtenant',
  },
  userPortals: { label: 'user portals', permission: 'User Portals', scoped: true },
  userPortalLinks: { label: 'user portal links', permission: 'User Portals (links)', scoped: true },
  clientSettings: {
    label: 'client settings',
    permission: 'Client Connector (client settings)',
    scoped: false,
    neededOnce: 'once your manifests declare client settings',
  },
  enrollmentCerts: {
    label: 'enrollment certificates',
    permission: 'Enrollment Certificates',
    scoped: false,
    neededOnce: 'once your manifests declare client settings',
  },
  // Read when a portal on a customer domain names its certificate (NOTES.md, "Look-ups").
  baCertificates: {
    label: 'Browser Access certificates',
    permission: 'Certificates',
    scoped: false,
    neededOnce: 'once a portal on your own domain names its certificate',
  },
};

/**
 * Whether plan needs a read: `always` (whatever the manifests), `sometimes` (no manifests were given
 * and it needs it only for some), or `no` (the manifests given do not need it).
 */
export type Need = 'always' | 'sometimes' | 'no';

/** The order doctor reads in: microtenants first, so an unknown microtenant is known before scoped reads. */
export const READ_ORDER: readonly LiveCollection[] = [
  'microtenants',
  'userPortals',
  'userPortalLinks',
  'clientSettings',
  'enrollmentCerts',
  'baCertificates',
];

export type CollectionRead =
  | { collection: LiveCollection; objects: ApiObject[]; pages: number; problems: string[] }
  | { collection: LiveCollection; error: ApiError; pages: number };

export async function readCollection(
  source: LiveSource,
  collection: LiveCollection,
  seen: RepliesSeen,
  kinds: KindSet,
): Promise<CollectionRead> {
  const mark = seen.replies.length;
  const pages = (): number => seen.since(mark).filter((r) => r.status >= 200 && r.status <= 299).length;
  try {
    // The same reads plan makes: the kinds' read calls, and the microtenant list as workflow.ts reads it.
    const objects =
      collection === 'microtenants'
        ? await readMicrotenants(source)
        : ((await readLiveCollections(source, [collection], kinds))[collection] ?? []);
    return { collection, objects, pages: pages(), problems: planProblems(collection, objects, kinds) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { collection, error, pages: pages() };
  }
}

/** What the planner would refuse in these live objects. */
function planProblems(collection: LiveCollection, objects: ApiObject[], kinds: KindSet): string[] {
  const live: LiveState = { [collection]: objects };
  return kinds.kinds
    .filter((kind) => kind.collection === collection)
    .flatMap((kind) => refusedLive(kind, live).map((d) => d.message));
}

/** How a read's failure is worded: the auth mode, and whether ZPA_MICROTENANT_ID is set. */
export interface ReadContext {
  mode: AuthMode;
  microtenantSelected: boolean;
}

export function collectionCheck(read: CollectionRead, context: ReadContext, need: Need = 'always'): DoctorCheck {
  const id: CheckId = `collection:${read.collection}`;
  const { label, neededOnce } = COLLECTIONS[read.collection];
  if ('error' in read) {
    const { error } = read;
    const facts = {
      status: error.status ?? null,
      zpaId: error.zpaId ?? null,
      path: error.path,
      pagesRead: read.pages,
    };
    const fix = fixForError(error, read.collection, context);
    if (need === 'sometimes' && neededOnce !== undefined && refused(error))
      return warned(id, `${label}: ${error.message}`, `plan will need it ${neededOnce}: ${fix}`, facts);
    return failed(id, `${label}: ${error.message}`, fix, facts);
  }
  const count = read.objects.length;
  const pages = read.pages === 1 ? '1 page' : `${read.pages} pages`;
  if (read.problems.length > 0) {
    const [first] = read.problems;
    return failed(
      id,
      `${label}: ${count} read in ${pages}, but plan would refuse ${read.problems.length} (${first ?? ''})`,
      'fix or remove those objects in the ZPA Admin Portal, and attach this report to an issue if they look right',
      { count, pages: read.pages, problems: read.problems },
    );
  }
  return passed(id, `${label}: ${count} read in ${pages}`, { count, pages: read.pages });
}

/** Never skipped silently: a collection that was not read says why. */
export function notChecked(collection: LiveCollection, why: string): DoctorCheck {
  return notRunCheck(`collection:${collection}`, COLLECTIONS[collection].label, why);
}

/** A collection the manifests given do not need: not read, and said so. */
export function notNeeded(collection: LiveCollection): DoctorCheck {
  return notNeededCheck(`collection:${collection}`, COLLECTIONS[collection].label, 'these manifests do not need it');
}

/** Refused for want of access, as opposed to failed: what a read plan does not need yet may be. */
function refused(error: ApiError): boolean {
  return error.status === 401 || error.status === 403;
}

function fixForError(error: ApiError, collection: LiveCollection, context: ReadContext): string {
  const { permission, scoped } = COLLECTIONS[collection];
  if (error.status === 403) {
    const where =
      context.mode === 'oneapi'
        ? 'the ZPA role of the API client in ZIdentity'
        : 'the role of this API key (ZPA Admin Portal, API Keys page)';
    // A key that belongs to a microtenant is refused the Default microtenant's portals and links.
    const microtenant = !scoped
      ? ''
      : context.microtenantSelected
        ? ', or check that ZPA_MICROTENANT_ID is the microtenant this key belongs to'
        : ', or set ZPA_MICROTENANT_ID if this key belongs to a microtenant';
    return `likely missing permission: ${where} needs at least View access to ${permission}; plan needs to read it${microtenant}`;
  }
  if (error.status === 401)
    return "the API refused the token: check the credentials and that the cloud is the tenant's";
  if (error.status === 429) return 'the rate limit was still exceeded after waiting: run doctor again in a minute';
  if (error.status === undefined) return 'the API could not be reached: check the cloud setting and the network';
  if (error.status >= 500)
    return 'the API failed: run doctor again later; attach this report to an issue if it persists';
  if (/shape|JSON|pages/.test(error.message))
    return 'the reply is not what the API documents: attach this report (doctor --format json) to an issue';
  return 'see the message; attach this report (doctor --format json) to an issue if it is unclear';
}
