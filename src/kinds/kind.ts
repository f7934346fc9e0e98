/**
 * One interface for every ZPA resource kind. The planner, applier and renderers only speak to
 * kinds through it: a new kind is one new module, one schema fragment and one registry line.
 * Kinds are pure: they read data and return data; all HTTP stays in `zpa/`.
 */
import type {
  ApiObject,
  Canonical,
  Change,
  ClientCertificateType,
  DesiredLinkFields,
  Diagnostic,
  KindName,
  LiveState,
  Plan,
  SourceLocation,
} from '../core/types.js';

export type LiveCollection = keyof LiveState;

/** Desired state with every name resolved to an id. */
export interface ResolvedDesired {
  microtenantId: string;
  clientSettings: ResolvedClientSetting[];
  portals: ResolvedPortal[];
  links: ResolvedLink[];
}

export type ResolvedClientSetting =
  | { type: ClientCertificateType; absent: true; location: SourceLocation }
  | {
      type: ClientCertificateType;
      absent: false;
      name: string;
      enrollmentCertId: string;
      enrollmentCertName: string;
      location: SourceLocation;
    };

export interface ResolvedPortal {
  id: string;
  name: string;
  prune: boolean;
  location: SourceLocation;
}

export interface ResolvedLink {
  name: string;
  fields: DesiredLinkFields;
  portalIds: string[];
  location: SourceLocation;
}

/** What pruning would remove, for the safety check (explicit `absent` is intent, not pruning). */
export interface PruneStats {
  /** What is counted, for the reason an unsafe plan gives, e.g. `live links on managed portals`. */
  counted: string;
  /** Live objects that sit on something the manifests manage (and so could be pruned). */
  managedLive: number;
  /** Of those, the ones the plan deletes or detaches by pruning. */
  pruned: number;
}

export interface KindPlan {
  changes: Change[];
  diagnostics: Diagnostic[];
  pruneStats?: PruneStats;
}

/** One API call that carries out one or more changes. */
export type WriteOp =
  | { call: 'upsertClientSetting'; body: ApiObject }
  | { call: 'deleteClientSetting'; type: ClientCertificateType }
  | { call: 'createUserPortalLink'; link: ApiObject; portalIds: string[] }
  | { call: 'bulkCreateUserPortalLinks'; links: ApiObject[]; portalIds: string[] }
  | { call: 'updateUserPortalLink'; id: string; body: ApiObject }
  | { call: 'deleteUserPortalLink'; id: string };

export interface PlannedWrite {
  op: WriteOp;
  /** The changes this call carries out. */
  changes: Change[];
  /** Destructive writes run after every additive one, so a run cut short loses nothing. */
  destructive: boolean;
}

export interface ResourceKind {
  readonly name: KindName;
  /** Singular noun for output, e.g. `link`. */
  readonly noun: string;
  /** The collection of LiveState that holds this kind's objects (read again to verify or settle). */
  readonly collection: LiveCollection;
  /** The live objects of this kind. */
  liveObjects(live: LiveState): ApiObject[];
  keyOfLive(live: ApiObject): string;
  /** Managed fields only, normalised: two objects are equal exactly when their canonical JSON is. */
  canonicalLive(live: ApiObject): Canonical;
  plan(desired: ResolvedDesired, live: LiveState): KindPlan;
  /** The fewest API calls that carry out these changes; `liveById` gives the objects to PUT over. */
  writes(changes: Change[], liveById: ReadonlyMap<string, ApiObject>): PlannedWrite[];
  /** The heading a change is rendered under (a link's portals, say). */
  groupOf(change: Change, names: Plan['names']): string;
  /** Fields that hold ids, and the table in `Plan.names` that gives their display names. */
  readonly references: Readonly<Record<string, keyof Plan['names']>>;
}
