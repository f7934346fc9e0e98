/**
 * The contract between a ZPA resource kind and the generic layers (planner, live reads, applier,
 * renderers). Types only. A kind supplies data and small hooks; the planner owns the diff loop.
 * `C` is the kind's canonical shape: its managed fields, normalised.
 */
import type {
  ApiObject,
  Canonical,
  Change,
  DeleteChange,
  DesiredState,
  Diagnostic,
  IgnoredCount,
  LiveState,
  NameOrId,
  Plan,
  SourceLocation,
  UpdateChange,
} from './types.js';

export type ApiVersion = 'v1' | 'v2';

/** Whether a call carries `microtenantId`: always, never, or only outside the Default microtenant. */
export type Scope = boolean | 'outside-default';

/**
 * What one object of a reply must look like, checked before anything reads it: a
 * built-in shape by name (the schemas are in zpa/reply-schemas/), or a JSON Schema (draft 2020-12)
 * that a library kind brings as data.
 */
export type ReplyItem =
  /** A link in a create's reply, which may leave out its portals. */
  | 'userPortalLink'
  /** A link as reads show it: on at least one portal. */
  | 'userPortalLinkRead'
  | 'userPortal'
  | 'enrollmentCert'
  | 'baCertificate'
  | 'clientSetting'
  | 'microtenant'
  | { schema: Readonly<Record<string, unknown>> };

/** A read of one collection, as data; `TenantClient.read` sends it. */
export interface ReadCall {
  /** Relative to `/mgmtconfig/{version}/admin/customers/{customerId}`. */
  path: string;
  /**
   * Read here instead when `path` answers 404: a path the vendor marks deprecated but the SDKs
   * still call, with its successor (NOTES.md: Browser Access certificates).
   */
  fallbackPath?: string;
  version?: ApiVersion;
  /** A paged list (`totalPages`, `list`) rather than a bare array. */
  paged: boolean;
  /**
   * Sent with the client's `microtenantId` query parameter (`0` for Default); `outside-default` only
   * when the client's microtenant is not Default (client settings: see kinds/client-setting.ts).
   */
  scoped: Scope;
  /**
   * The same collection is also served at these paths (same version and shape): each is read too,
   * and the objects merged, one object per id (client settings: NOTES.md, "Client settings").
   */
  alsoAt?: readonly string[];
  /**
   * A bare-array read whose reply may also be one object or a `{list}` envelope: client settings,
   * where the vendor page and the Go SDK disagree (zpa/client-setting-replies.ts).
   */
  shape?: 'client-settings';
  /** The shape of each object read; a reply with one that does not fit stops the run before any write. */
  item: ReplyItem;
  /**
   * One object is also served at `{path}/{id}` (a 404 when it is gone), so the applier may re-read
   * the few objects a plan touches one GET each instead of every page (NOTES.md: `GET /userPortalLink/{id}`).
   */
  byId?: boolean;
  /**
   * What the run keeps of each object read, applied to each page as it arrives, once checked. A
   * user portal link embeds each of its portals whole, of which only the id is ever read: kept,
   * those copies would be much of a large plan's peak memory.
   */
  compact?: (object: ApiObject) => ApiObject;
}

/** What a write's reply must look like; anything else is an ambiguous failure (it may have landed). */
export type ReplyShape =
  | { expect: 'nothing' }
  /** One object, of the shape `item`. */
  | { expect: 'object'; item: ReplyItem }
  /** A bare array of objects of the shape `item`, or an object holding them under `field`. */
  | { expect: 'objects'; field: string; item: ReplyItem }
  /** An upserted client setting: nothing, or one in any of the shapes of a client-settings read. */
  | { expect: 'client-setting' };

/** One write, as data; `TenantClient.write` sends it, so the applier never names a call. */
export interface WriteCall {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  version?: ApiVersion;
  query?: Record<string, string>;
  body?: unknown;
  scoped: Scope;
  reply: ReplyShape;
}

export interface PlannedWrite {
  call: WriteCall;
  /** The changes this call carries out. */
  changes: Change[];
  /** Destructive writes run after every additive one, so a run cut short loses nothing. */
  destructive: boolean;
}

export interface Named {
  id: string;
  name: string;
}

/**
 * Resolves a manifest reference against a collection read for this plan; the planner provides it.
 * `what` names the object for messages (`user portal`), and derives the diagnostic codes.
 */
export type LookUp = (what: string, ref: NameOrId, collection: string, location: SourceLocation) => LookUpResult;

/** What a look-up found: one object, or the located problem (unknown, or several of that name). */
export type LookUpResult = { found: Named } | { problem: Diagnostic };

/** One object the manifests declare. */
export type DesiredObject<C extends Canonical> =
  | { key: string; location: SourceLocation; absent: true }
  | {
      key: string;
      location: SourceLocation;
      absent?: false;
      /** The managed fields wanted, given the live object's (for fields that keep a live value). */
      after(live: C | undefined): C;
    };

/** A live object of the kind, as the planner matched it. */
export interface LiveEntry<C extends Canonical> {
  raw: ApiObject;
  id: string;
  key: string;
  canonical: C;
  /** Some desired object has this key. */
  listed: boolean;
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

/** What a kind reports of `IgnoredCount`: the planner adds the kind's name. */
export type IgnoredStats = Omit<IgnoredCount, 'kind'>;

export interface AddressType {
  /** For messages: `also on portals …`. */
  plural: string;
  /** The address is the type alone, with no `:NAME`. */
  bare?: boolean;
}

/** An extra change a kind asks for past the matched ones; the planner builds the Change. */
export type ExtraChange<C extends Canonical> =
  | { entry: LiveEntry<C>; action: 'update'; after: C; reason: NonNullable<UpdateChange['reason']> }
  | { entry: LiveEntry<C>; action: 'delete'; reason: DeleteChange['reason'] };

export interface DesiredSet<C extends Canonical> {
  objects: DesiredObject<C>[];
  diagnostics: Diagnostic[];
  /** Changes to live objects past the matched ones: the links' prune and detach pass. */
  extraChanges?(live: readonly LiveEntry<C>[]): {
    changes: ExtraChange<C>[];
    pruneStats?: PruneStats;
    ignored?: IgnoredStats[];
  };
  /**
   * Problems with the kind's changes taken together, once the diff is made (the links' 500 per
   * portal): an error diagnostic refuses the plan before any write.
   */
  checkChanges?(changes: readonly KindChange<C>[], live: readonly LiveEntry<C>[]): Diagnostic[];
}

export type KindChange<C extends Canonical> = Change<C>;

/** How a kind's changes read, past the generic `create link "x"`. */
export interface KindWording {
  /** Plural noun, e.g. `links`. */
  plural: string;
  /** The key in a message, e.g. `named "Grafana"` or `of type "ZAPP_CLIENT"`. */
  key: (key: string) => string;
  /** Why a change happens, by its `reason`. */
  reasons: Partial<Record<NonNullable<UpdateChange['reason']> | DeleteChange['reason'], string>>;
}

/**
 * One ZPA resource kind. Methods (not function properties) on purpose: a `ResourceKind<Link>`
 * stands in a list of `ResourceKind` without a cast.
 */
export interface ResourceKind<C extends Canonical = Canonical> {
  /** The `kind` of its changes in a plan, e.g. `userPortalLink`. */
  readonly name: string;
  /**
   * The kinds whose objects this kind's objects may refer to (a link to its portals): the set
   * orders plans after them, and the applier writes in that order (see `PlannedWrite.phase`).
   */
  readonly dependsOn?: readonly string[];
  /** Singular noun for output, e.g. `link`. */
  readonly noun: string;
  readonly wording: KindWording;
  /** The live collection holding this kind's objects (read again to verify or settle). */
  readonly collection: string;
  /** Every collection it may read (its own and its look-ups), as calls. */
  readonly reads: Readonly<Record<string, ReadCall>>;
  /** The collections a set of manifests needs read, in reading order (none: the kind is not planned). */
  collectionsFor(desired: DesiredState): string[];
  /** Its desired objects, names resolved through `lookUp`. */
  desiredObjects(desired: DesiredState, lookUp: LookUp): DesiredSet<C>;
  keyOfLive(live: ApiObject): string;
  /** Managed fields only, normalised: two objects are equal exactly when their canonical JSON is. */
  canonicalLive(live: ApiObject): C;
  /**
   * Why a live object of its collection is left unmanaged (never matched, written or pruned; the
   * plan warns), or undefined for one it manages: a client setting of a type the tool does not know.
   */
  unmanagedReason?(live: ApiObject): string | undefined;
  /** Where a live object sits, to tell it from a live twin in a message (`on portal "Ops"`). */
  whereLive?(live: C, state: LiveState): string;
  /** The fewest API calls that carry out these changes; `liveById` gives the objects to PUT over. */
  writes(changes: readonly KindChange<C>[], liveById: ReadonlyMap<string, ApiObject>): PlannedWrite[];
  /** The heading a change is rendered under (a link's portals, say). */
  groupOf(change: KindChange<C>, names: Plan['names']): string;
  /** Fields that hold ids, and the table in `Plan.names` that gives their display names. */
  readonly references: Readonly<Record<string, string>>;
  /** The name tables its plans show, and the collection each is built from. */
  readonly nameTables: Readonly<Record<string, string>>;
  /**
   * The ids of a live object that its writes send back as read (a link's PUT keeps the portals it
   * sits on), by the collection they are in: each must be an object of that collection's read, or
   * the two reads disagree and the run stops before its first write (a PUT would carry an id the
   * tenant refuses).
   */
  readonly keptReferences?: Readonly<Record<string, (live: ApiObject) => readonly string[]>>;
  /**
   * The address types `--target` takes for this kind, each with its plural for messages. An
   * address is `TYPE:NAME`, or `TYPE` alone for a `bare` type that names a whole kind
   * (`client-settings`). A kind without them cannot be targeted.
   */
  readonly addressTypes?: Readonly<Record<string, AddressType>>;
  /** The addresses a change is inside (a link change: its name, and each portal it alters). */
  addressesOf?(change: KindChange<C>, names: Plan['names']): string[];
  /** Every address the manifests or the live state know, for "matches nothing" and did-you-mean. */
  knownAddresses?(desired: DesiredState, live: LiveState): string[];
}
