/**
 * The simulator's own shapes: its state records (what `snapshot()` returns and the state file
 * holds), seeds, faults, options and the request log. Optional strings are stored as `""` and
 * left out of API reads, as the real API does (NOTES.md: "Reads omit empty fields").
 */
import type { Clock } from '../core/clock.js';
import type { ClientCertificateType } from '../core/types.js';
import type { ApiReadings } from './api-readings.js';

export interface SimMicrotenant {
  id: string;
  name: string;
  enabled: boolean;
  creationTime: string;
  modifiedTime: string;
  modifiedBy: string;
}

export interface SimEnrollmentCert {
  id: string;
  name: string;
  description: string;
  allowSigning: boolean;
  validFromInEpochSec: string;
  validToInEpochSec: string;
  creationTime: string;
  modifiedTime: string;
  modifiedBy: string;
}

export interface SimUserPortal {
  id: string;
  name: string;
  enabled: boolean;
  /** On a Zscaler-managed domain, derived by the server from the label and domain. */
  domain: string;
  /** "0" is the Default microtenant. */
  microtenantId: string;
  creationTime: string;
  modifiedTime: string;
  modifiedBy: string;
  description?: string;
  userNotification?: string;
  userNotificationEnabled?: boolean;
  /** A Zscaler-managed domain: the label and the authentication domain sent. Absent: the customer's own domain. */
  extLabel?: string;
  extDomain?: string;
  /** A customer domain's Browser Access certificate. */
  certificateId?: string;
}

/** What a portal POST or PUT sets. */
export type SimPortalFields = Omit<
  SimUserPortal,
  'id' | 'microtenantId' | 'creationTime' | 'modifiedTime' | 'modifiedBy'
>;

/** A Browser Access certificate (`GET /v2/.../clientlessCertificate/issued`), for portals on a customer domain. */
export interface SimBaCertificate {
  id: string;
  name: string;
}

/** The writable fields of a link; `""` means empty (and absent on reads). */
export interface SimLinkFields {
  name: string;
  link: string;
  protocol: string;
  linkPath: string;
  description: string;
  enabled: boolean;
  iconText: string;
  logoFileName: string;
  applicationId: string;
}

export interface SimUserPortalLink extends SimLinkFields {
  id: string;
  microtenantId: string;
  /** Portal ids in the order the last write gave them. */
  userPortalIds: string[];
  creationTime: string;
  modifiedTime: string;
  modifiedBy: string;
}

export interface SimClientSetting {
  id: string;
  clientCertificateType: ClientCertificateType;
  enrollmentCertId: string;
  enrollmentCertName: string;
  name: string;
  creationTime: string;
  modifiedTime: string;
  modifiedBy: string;
}

/** The whole tenant as plain JSON: `snapshot()`, `PUT /__sim/state` and the state file. */
export interface SimSnapshot {
  microtenants: SimMicrotenant[];
  enrollmentCerts: SimEnrollmentCert[];
  userPortals: SimUserPortal[];
  userPortalLinks: SimUserPortalLink[];
  clientSettings: SimClientSetting[];
  /** Absent in state files written before portals were managed. */
  baCertificates?: SimBaCertificate[];
}

// ---------------------------------------------------------------------------------------------
// Seeds: a tenant described by names; ids are generated unless given.

export interface SeedLink {
  id?: string;
  name: string;
  link: string;
  protocol?: string;
  linkPath?: string;
  description?: string;
  enabled?: boolean;
  iconText?: string;
  logoFileName?: string;
  applicationId?: string;
  /** Portal names, looked up in the link's microtenant. */
  portals: string[];
  /** Microtenant name; Default when omitted. */
  microtenant?: string;
}

export interface SimSeed {
  microtenants?: { id?: string; name: string }[];
  /** Defaults to the five built-ins: Root, Client, Connector, Service Edge, Isolation Client. */
  enrollmentCerts?: { id?: string; name: string }[];
  userPortals?: {
    id?: string;
    name: string;
    microtenant?: string;
    enabled?: boolean;
    description?: string;
    /** A customer domain with this Browser Access certificate (by name), instead of a managed one. */
    domain?: string;
    certificate?: string;
  }[];
  baCertificates?: { id?: string; name: string }[];
  userPortalLinks?: SeedLink[];
  clientSettings?: { clientCertificateType: ClientCertificateType; enrollmentCert: string; name?: string }[];
}

// ---------------------------------------------------------------------------------------------
// Faults, rate limits, the request log

/**
 * A fault applies to the next `times` requests (default 1) whose method and path match and to
 * which it can apply (`lieTotalPages` only to paged GETs, `partialBulk` only to bulk creates).
 */
export interface SimFault {
  method?: string;
  /** Tested against the path without the query; a string is read as a regular expression. */
  path?: RegExp | string;
  times?: number;
  /** Reply with this status instead of processing the request. */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Delay the reply; the request is still processed (at once, so a timed-out write has landed). */
  delayMs?: number;
  /** Destroy the socket without processing. */
  resetBeforeApply?: boolean;
  /** Process the request (state changes), then destroy the socket without replying. */
  resetAfterApply?: boolean;
  /** Process, then reply 200 with truncated JSON. */
  malformedJson?: boolean;
  /** Paged GETs: claim one page more than there is. */
  lieTotalPages?: boolean;
  /** Bulk create: apply only the first n links, then reply 500. */
  partialBulk?: number;
  /**
   * Process, then apply this JSON Patch (RFC 6902) to the reply body before sending it: a
   * malformed but well-formed reply (a `list` removed, an id turned into a number).
   */
  patchReply?: SimReplyPatch[];
  /** Process, then reply 200 with exactly this text (an HTML error page, JSON with a 2^64 id). */
  rawBody?: string;
}

/** One JSON Patch operation, as fast-json-patch applies it. */
export interface SimReplyPatch {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

import type { RateLimits } from '../core/rate-limits.js';

export type { RateLimits };

export interface RequestLogEntry {
  method: string;
  /** Without the query. */
  path: string;
  query: Record<string, string>;
  /** 0 when the socket was destroyed without a reply. */
  status: number;
  /** Arrival time, epoch milliseconds. */
  at: number;
  /** The parsed JSON or form body (sign-in secrets redacted), or the raw text if it did not parse. */
  body?: unknown;
  /** Names of the fault effects applied, joined by `+`, e.g. `delayMs+status`. */
  fault?: string;
}

export interface RequestFilter {
  method?: string;
  /** Tested against the path; a string is read as a regular expression. */
  path?: RegExp | string;
  status?: number;
}

export interface SimCounters {
  requests: number;
  byMethod: Record<string, number>;
  byStatus: Record<string, number>;
  /** Replies 429 from the simulated rate limiter (not injected ones). */
  rateLimited: number;
  faultsApplied: number;
  tokensIssued: number;
}

export interface SimOptions {
  customerId?: string;
  clientId?: string;
  clientSecret?: string;
  tokenLifetimeSeconds?: number;
  /** `false` (the default) turns rate limiting off. */
  rateLimits?: RateLimits | false;
  /** How to answer where the vendor's page and SDKs disagree; default DEFAULT_READINGS (api-readings.ts). */
  readings?: Partial<ApiReadings>;
  /** Escape `&` as `&amp;` in names and descriptions on reads (the vendor's Terraform issue #149). */
  htmlEscape?: boolean;
  /** The tenant at start and after `reset()`; default: the built-in certificates only. */
  seed?: SimSeed;
  /** Loaded at start when it exists (instead of `seed`), saved after every change. */
  stateFile?: string;
  port?: number;
  /** Called after each API or sign-in request is answered (never for `/__sim`). */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Rate windows, token expiry, log times and `delayMs` faults follow it; the system clock by default. */
  clock?: Clock;
  /** Reads answer from the tenant as it was this many ms ago on `clock` (0, the default: at once). */
  readLagMs?: number;
}
