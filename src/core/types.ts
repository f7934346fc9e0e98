/**
 * The shapes every module shares. Types only: no behaviour lives here.
 * Ids are strings end to end: ZPA ids are 64-bit integers that exceed 2^53.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/** An object as the ZPA API sends or receives it, narrowed field by field where it is read. */
export type ApiObject = Record<string, unknown>;

export const CLIENT_CERTIFICATE_TYPES = ['ZAPP_CLIENT', 'ISOLATION_CLIENT', 'APP_PROTECTION', 'NONE'] as const;
export type ClientCertificateType = (typeof CLIENT_CERTIFICATE_TYPES)[number];

export interface SourceLocation {
  file: string;
  line: number;
  col: number;
}

export type Severity = 'error' | 'warning';

/** One problem found in the user's input, or a warning about it. */
export interface Diagnostic {
  severity: Severity;
  /** Stable, greppable code such as `link-has-scheme`. */
  code: string;
  /** One line: what is wrong. */
  message: string;
  /** One line: how to fix it. */
  hint?: string;
  location?: SourceLocation;
  /**
   * `tenant` for a problem in the live tenant, not in the manifests (two live links of one name):
   * it is fixed in ZPA, and the location is only where the manifests refer to it.
   */
  origin?: 'tenant';
}

/** A reference by name (resolved when planning) or by id. */
export type NameOrId = { name: string } | { id: string };

// ---------------------------------------------------------------------------------------------
// Desired state: what the manifests say, names not yet resolved.

export interface DesiredClientSetting {
  type: ClientCertificateType;
  /** `absent` in the manifest: make sure no setting of this type exists. */
  absent: boolean;
  /** Present unless `absent`. */
  enrollmentCert?: NameOrId;
  /** Defaults to the enrollment certificate's name. */
  name?: string;
  location: SourceLocation;
}

export interface DesiredIcon {
  /** Sent as logoFileName. */
  fileName: string;
  /** Sent as iconText: `data:image/<type>;base64,...`. */
  dataUri: string;
}

/** The managed fields of a user portal link as a manifest gives them. */
export interface DesiredLinkFields {
  link: string;
  protocol?: string;
  linkPath?: string;
  description?: string;
  enabled?: boolean;
  icon?: DesiredIcon;
}

/** The manifest's link field names `ignoreChanges` may list (the icon counts as one field). */
export const IGNORABLE_LINK_FIELDS = ['enabled', 'description', 'linkPath', 'protocol', 'icon', 'link'] as const;
export type IgnorableLinkField = (typeof IGNORABLE_LINK_FIELDS)[number];

/** The portal's own fields a portal's `ignoreChanges` may list (names no link field has). */
export const IGNORABLE_PORTAL_FIELDS = ['userNotification', 'userNotificationEnabled'] as const;
export type IgnorablePortalField = (typeof IGNORABLE_PORTAL_FIELDS)[number];

/** An `ignore` glob on a portal (`*` any run of characters, `?` one character). */
export interface IgnorePattern {
  pattern: string;
  location: SourceLocation;
}

export interface DesiredLink {
  name: string;
  fields: DesiredLinkFields;
  /** Fields never compared: a PUT keeps their live value (the link's own, in manifest order). */
  ignoreChanges?: IgnorableLinkField[];
  /** Names of the portals that list this link, in manifest order, without repeats. */
  portals: string[];
  /** Where the link's fields were given. */
  location: SourceLocation;
}

/** A portal's own fields as a manifest's `portal:` block gives them. */
export interface DesiredPortalFields {
  description?: string;
  enabled?: boolean;
  userNotification?: string;
  userNotificationEnabled?: boolean;
  /** A Zscaler-managed domain (ZPA derives the address), or the customer's own with its certificate. */
  domain: { extLabel: string; extDomain: string } | { domain: string; certificate: NameOrId };
  /** Where the `portal:` block is. */
  location: SourceLocation;
}

export interface DesiredPortal {
  name: string;
  /** `absent`: the portal is deleted, once its links are off it. */
  absent?: boolean;
  /** Its own fields, when the manifests manage the portal itself; without them it must exist. */
  portal?: DesiredPortalFields;
  /** Its own fields that keep their live value (from its `ignoreChanges`). */
  ignorePortalFields?: IgnorablePortalField[];
  /** Links on this portal that the manifests do not list are taken off it. */
  prune: boolean;
  /** Live links on this portal whose names match are left alone: never pruned, detached or compared. */
  ignore?: IgnorePattern[];
  /** Fields of every link listed here that are never compared. */
  ignoreChanges?: IgnorableLinkField[];
  location: SourceLocation;
}

export interface DesiredState {
  /** The microtenant every manifest targets; undefined means the settings' default. */
  microtenant?: NameOrId & { location: SourceLocation };
  clientSettings: DesiredClientSetting[];
  portals: DesiredPortal[];
  links: DesiredLink[];
  /** The manifest files read, relative to the working directory. */
  files: string[];
}

// ---------------------------------------------------------------------------------------------
// Live state: what the API returned, kept raw (less only what a read call compacts away); kinds normalise it.

/** Each collection by name (a kind's `collection`, or a look-up such as `userPortals`); absent: not read. */
export type LiveState = Partial<Record<string, ApiObject[]>>;

// ---------------------------------------------------------------------------------------------
// Plan

/** A kind's name, as `ResourceKind.name` gives it. */
export type KindName = string;
export type Action = 'create' | 'update' | 'delete' | 'no-op';

/** A normalised object holding only managed fields. */
export type Canonical = { [field: string]: Json };

export interface FieldChange {
  /** Managed field name, e.g. `description` or `userPortals`. */
  field: string;
  before: Json;
  after: Json;
}

interface ChangeBase {
  kind: KindName;
  /** Natural key: the certificate type of a client setting, the name of a link. */
  key: string;
  /** Where the manifests declared it (absent for pruned objects). */
  declaredAt?: SourceLocation;
}

export interface CreateChange<C extends Canonical = Canonical> extends ChangeBase {
  action: 'create';
  after: C;
}

export interface UpdateChange<C extends Canonical = Canonical> extends ChangeBase {
  action: 'update';
  id: string;
  before: C;
  after: C;
  /** Never empty. */
  fieldChanges: FieldChange[];
  fingerprint: string;
  /** Set when the update only takes the object off portals the manifests prune. */
  reason?: 'detach';
}

export interface DeleteChange<C extends Canonical = Canonical> extends ChangeBase {
  action: 'delete';
  id: string;
  before: C;
  fingerprint: string;
  /** `absent` was declared, or pruning removed the object's last portal. */
  reason: 'absent' | 'prune';
}

export interface NoOpChange<C extends Canonical = Canonical> extends ChangeBase {
  action: 'no-op';
  id: string;
  before: C;
  fingerprint: string;
}

export type Change<C extends Canonical = Canonical> =
  CreateChange<C> | UpdateChange<C> | DeleteChange<C> | NoOpChange<C>;

export interface PlanTarget {
  /** API base URL without credentials, e.g. https://config.private.zscaler.com */
  host: string;
  customerId: string;
  /** "0" is the Default microtenant. */
  microtenantId: string;
}

export interface PlanCounts {
  create: number;
  update: number;
  delete: number;
  noOp: number;
}

export interface PlanSafety {
  safe: boolean;
  reasons: string[];
  /**
   * What the verdict was worked out from, besides the changes: a saved plan's verdict is worked out
   * again from these at apply (and they are in the digest when a guard applies), so an edited
   * `safe` is never believed. Absent only in files written before it existed.
   */
  basis?: SafetyBasis;
}

/** The thresholds a plan was judged by, and each guarded kind's live count. */
export interface SafetyBasis {
  thresholds: { prune: number; update: number; minimum: number };
  /** Per kind: the live objects on managed scopes, as counted when planning. */
  managed: { kind: KindName; counted: string; live: number }[];
}

/** Live objects a scope's `ignore` patterns left alone, e.g. 3 links on portal "Ops". */
export interface IgnoredCount {
  kind: KindName;
  /** The scope, as a target address, e.g. `portal:Ops`. */
  scope: string;
  count: number;
}

export interface Plan {
  formatVersion: 1;
  toolVersion: string;
  target: PlanTarget;
  /** `sha256:<64 hex>` over the target and the changes that write (src/digest): what a review approves. */
  digest: string;
  /** `hmac-sha256:<64 hex>` of `digest` under ZPA_GITOPS_PLAN_KEY, when a key was set (src/digest/keyed-digest.ts). */
  digestHmac?: string;
  /** Deterministic order: kind, then action, then key. No-ops are kept so fingerprints cover them. */
  changes: Change[];
  counts: PlanCounts;
  safety: PlanSafety;
  warnings: Diagnostic[];
  /** Display names for ids that appear in changes, one table per kind's `nameTables` entry. */
  names: Record<string, Record<string, string>>;
  /**
   * Set when planned with `--target`: only changes inside these addresses (`portal:NAME`,
   * `link:NAME`, `client-setting:TYPE`, `client-settings`) are in the plan. Sorted, no repeats.
   * Absent for a full plan, so a full plan's file reads as before.
   */
  targets?: string[];
  /** Live objects left alone by `ignore` patterns, per scope; absent when none were. */
  ignored?: IgnoredCount[];
  /**
   * The commit the manifests were read at, when known (the CI's, or the checkout's HEAD), for the
   * reader; outside the digest: the same changes reviewed at one commit apply at its merge.
   */
  commit?: string;
}
