/**
 * The ZPA calls zpa-gitops makes. Replies are returned raw (ids stay strings) after shape checks;
 * kinds normalise them.
 */
import { assertNever } from '../core/assert-never.js';
import { systemClock, type Clock } from '../core/clock.js';
import { ApiError, ConfigError } from '../core/errors.js';
import type { ReadCall, Scope, WriteCall } from '../core/kind.js';
import { idOf } from '../canonical/normalize.js';
import type { ApiObject, PlanTarget } from '../core/types.js';
import { readClientSettingList, readUpsertedClientSetting } from './client-setting-replies.js';
import { Endpoints } from './endpoints.js';
import { PUBLISHED_RATE_LIMITS, type RateLimits } from './rate-limiter.js';
import { Redactor, type DebugSink } from './redact.js';
import { replyError, type Endpoint } from './replies.js';
import { itemValidators } from './item-validators.js';
import { checked } from './reply-validators.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
import { negotiatedRoute, RouteVersions, type ApiVersion } from './route-versions.js';
import type { ZpaSettings } from './settings.js';
import type { SignInInfo } from './auth.js';
import { Transport, type ReplyInfo, type WaitInfo, type ZpaStats } from './transport.js';

export interface ZpaClientOptions {
  settings: ZpaSettings;
  /** Defaults to the published 20 GET and 10 writes per 10 s. */
  rateLimits?: RateLimits;
  /** Per attempt of a read (and of a sign-in). */
  timeoutMs?: number;
  /** Per attempt of a write; DEFAULT_WRITE_TIMEOUT_MS unless given. */
  writeTimeoutMs?: number;
  /** The retry policy, `DEFAULT_RETRY_POLICY` where not given. */
  retry?: Partial<RetryPolicy>;
  onWait?: (info: WaitInfo) => void;
  /** Sees every API reply's status and headers (`doctor` reads rate-limit headers and `Date`). */
  onReply?: (info: ReplyInfo) => void;
  debug?: DebugSink;
  /** Time for the rate limiter and the token cache; the system clock unless a test drives it. */
  clock?: Clock;
  /** See TransportOptions.stopWrites: an interrupted apply starts no new write. */
  stopWrites?: AbortSignal;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * NOTES.md, "Rate limits and errors": the vendor SDKs allow 60 to 240 s per request, and a large bulk
 * body needs more than a short timeout. A write that times out is ambiguous (it may have landed), so
 * cutting it short only adds a settling read.
 */
export const DEFAULT_WRITE_TIMEOUT_MS = 120_000;

/** The Default microtenant's id, as the vendor's microtenant page says to send it (NOTES.md). */
export const DEFAULT_MICROTENANT_ID = '0';

/** What `withMicrotenant` clients share with the client they came from. */
interface SharedConnection {
  transport: Transport;
  versions: RouteVersions;
  microtenantId: string;
}

export class ZpaClient {
  readonly target: PlanTarget;
  private readonly api: Endpoints;
  private readonly transport: Transport;
  /** Which version serves bulk create, once learnt: shared by `withMicrotenant` clients. */
  private readonly versions: RouteVersions;
  /**
   * Sent as `microtenantId` on user portal (link) calls. NOTES.md, "User portal links": the vendor's
   * microtenant page says to pass `0` for the Default microtenant, so Default sends `0`, never nothing.
   */
  private readonly microtenantId: string;
  private readonly options: ZpaClientOptions;

  constructor(options: ZpaClientOptions);
  constructor(options: ZpaClientOptions, shared: SharedConnection);
  constructor(options: ZpaClientOptions, shared?: SharedConnection) {
    const { settings } = options;
    this.transport =
      shared?.transport ??
      new Transport({
        settings,
        limits: options.rateLimits ?? PUBLISHED_RATE_LIMITS,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        writeTimeoutMs: options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS,
        retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
        redactor: new Redactor(),
        clock: options.clock ?? systemClock,
        ...(options.onWait ? { onWait: options.onWait } : {}),
        ...(options.onReply ? { onReply: options.onReply } : {}),
        ...(options.debug ? { debug: options.debug } : {}),
        ...(options.stopWrites ? { stopWrites: options.stopWrites } : {}),
      });
    this.versions = shared?.versions ?? new RouteVersions();
    this.microtenantId = shared ? shared.microtenantId : (settings.microtenantId ?? DEFAULT_MICROTENANT_ID);
    this.api = new Endpoints(this.transport, settings.pathPrefix, settings.customerId, this.versions);
    this.target = { host: settings.apiBase, customerId: settings.customerId, microtenantId: this.microtenantId };
    this.options = options;
  }

  get stats(): Readonly<ZpaStats> {
    return this.transport.stats;
  }

  /** The same tenant in another microtenant; shares sign-in, rate limits and stats with this client. */
  withMicrotenant(id: string): ZpaClient {
    if (!/^\d{1,20}$/.test(id))
      throw new ConfigError(
        'microtenantId',
        `microtenant id must be a number written in digits, got "${id.slice(0, 40)}"`,
      );
    return new ZpaClient(this.options, { transport: this.transport, versions: this.versions, microtenantId: id });
  }

  /** Signs in (or reuses the token held) and says when the token expires; for `doctor`. */
  signIn(): Promise<SignInInfo> {
    return this.transport.signIn();
  }

  /**
   * The version bulk create answered on in this run (shared with `withMicrotenant` clients), or
   * undefined before one succeeded; `doctor --write-probe` reports it.
   */
  get bulkApiVersion(): ApiVersion | undefined {
    const route = negotiatedRoute('POST', '/userPortalLink/bulk');
    return route === undefined ? undefined : this.versions.knownVersion(route);
  }

  /** Drop kept-alive connections (shared with `withMicrotenant` clients). */
  close(): void {
    this.transport.close();
  }

  /**
   * A kind's read, as data (core/kind.ts): a paged list or a bare array of objects, every reply
   * checked against the schema of the call's `item` (and a paged list's counts against what it held).
   */
  async read(call: ReadCall): Promise<ApiObject[]> {
    if (call.fallbackPath === undefined) return this.readPaths(call);
    const { fallbackPath, ...first } = call;
    try {
      return await this.readPaths(first);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
      return this.readPaths({ ...first, path: fallbackPath });
    }
  }

  /** `call.path` and every `alsoAt` path, merged by id. */
  private async readPaths(call: ReadCall): Promise<ApiObject[]> {
    if (call.alsoAt === undefined || call.alsoAt.length === 0) return this.readAt(call, call.path);
    // Every path, one after another (the rate limiter counts them all); the same id seen twice is
    // one object, kept as the first path gave it. Two ids for one key are left to the planner,
    // which refuses live duplicates by name.
    const merged = new Map<string, ApiObject>();
    const withoutId: ApiObject[] = [];
    for (const path of [call.path, ...call.alsoAt])
      for (const object of await this.readAt(call, path)) {
        const id = idOf(object['id']);
        if (id === '') withoutId.push(object);
        else if (!merged.has(id)) merged.set(id, object);
      }
    return [...merged.values(), ...withoutId];
  }

  private async readAt(call: ReadCall, path: string): Promise<ApiObject[]> {
    const query = this.scope(call.scoped);
    const at = { path, ...(call.version ? { version: call.version } : {}), ...query };
    const validators = itemValidators(call.item);
    if (call.paged) return this.api.listAll(at, validators.page, call.compact);
    const reply = await this.api.send({ method: 'GET', ...at });
    const endpoint = { method: 'GET', path, status: reply.status };
    const objects =
      call.shape === 'client-settings'
        ? readClientSettingList(reply.body, endpoint, validators.one)
        : checked<ApiObject[]>(validators.array, reply.body, endpoint);
    return call.compact ? objects.map(call.compact) : objects;
  }

  /**
   * Whether calls of this scope carry `microtenantId` here: `outside-default` ones only when this
   * client's microtenant is not Default.
   */
  sendsMicrotenant(scope: Scope): boolean {
    return scope === true || (scope === 'outside-default' && this.microtenantId !== DEFAULT_MICROTENANT_ID);
  }

  /**
   * One object of a `byId` read (`GET {path}/{id}`), checked against the same item schema as the
   * list, or undefined when the API says it is gone (404, or 400 `resource.not.found`: NOTES.md).
   * A reply for another id cannot be trusted either: it stops the run like a wrong shape.
   */
  async readOne(call: ReadCall, id: string): Promise<ApiObject | undefined> {
    if (call.byId !== true) throw new Error(`the read of ${call.path} serves no single object`);
    const path = `${call.path}/${encodeURIComponent(id)}`;
    const query = this.scope(call.scoped);
    let reply;
    try {
      reply = await this.api.send({
        method: 'GET',
        path,
        ...(call.version ? { version: call.version } : {}),
        ...query,
      });
    } catch (error) {
      if (error instanceof ApiError && error.notFound) return undefined;
      throw error;
    }
    const endpoint = at('GET', path, reply.status);
    const object = checked<ApiObject>(itemValidators(call.item).one, reply.body, endpoint);
    if (idOf(object['id']) !== id) throw replyError(endpoint, `reply is for another object (\`id\` is not ${id})`);
    return call.compact ? call.compact(object) : object;
  }

  /**
   * A kind's write, as data (core/kind.ts). A reply of the wrong shape is ambiguous: the write may
   * have landed, so the applier reads before it retries.
   */
  async write(call: WriteCall): Promise<unknown> {
    const query = { ...call.query, ...this.scope(call.scoped).query };
    const reply = await this.api.send({
      method: call.method,
      path: call.path,
      ...(call.version ? { version: call.version } : {}),
      ...(Object.keys(query).length > 0 ? { query } : {}),
      ...(call.body === undefined ? {} : { body: call.body }),
    });
    const endpoint = { ...at(call.method, call.path, reply.status), ambiguous: true };
    const shape = call.reply;
    switch (shape.expect) {
      case 'nothing':
        return undefined;
      case 'object':
        return checked<ApiObject>(itemValidators(shape.item).one, reply.body, endpoint);
      case 'client-setting':
        return readUpsertedClientSetting(
          reply.body,
          endpoint,
          (call.body as ApiObject | undefined)?.['clientCertificateType'],
        );
      case 'objects': {
        const validators = itemValidators(shape.item);
        if (Array.isArray(reply.body)) return checked<ApiObject[]>(validators.array, reply.body, endpoint);
        return checked<Record<string, ApiObject[]>>(validators.holding(shape.field), reply.body, endpoint)[shape.field];
      }
      default:
        return assertNever(shape, 'reply shape');
    }
  }

  private scope(scope: Scope = true): { query?: Record<string, string> } {
    return this.sendsMicrotenant(scope) ? { query: { microtenantId: this.microtenantId } } : {};
  }
}

function at(method: string, path: string, status: number): Endpoint {
  return { method, path, status };
}
