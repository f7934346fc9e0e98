/**
 * Where the vendor's page and SDKs disagree on how the API answers, the simulator can answer either
 * way, so tests prove the client works on every reading (NOTES.md). Set at start
 * (`startSimulator({ readings })`), in process (`sim.setReadings`) or over HTTP (`PUT /__sim/readings`).
 * They are configuration, like the rate limits: `reset()` keeps them.
 */
import { SimInputError } from './http-error.js';
import { isRecord } from './narrow.js';

/** Where `POST .../userPortalLink/bulk` exists: the page's v1, the SDKs' v2, or both. */
export const BULK_CREATE_READINGS = ['v1', 'v2', 'both'] as const;
/**
 * How `GET /clientSetting/all` and `GET /clientSetting` answer: a bare array (the page), one setting
 * object (zscaler-sdk-go decodes one; the first by type, or `{}` when there is none, since one object
 * cannot hold several), or a `{list: [...]}` envelope.
 */
export const CLIENT_SETTING_READINGS = ['array', 'object', 'list'] as const;

/**
 * What `GET /clientSetting/all` holds: every type, or (the vendor page's two examples for one
 * customer) every type but the default `ZAPP_CLIENT` one, which only `GET /clientSetting` shows.
 */
const CLIENT_SETTING_ALL_READINGS = ['every-type', 'without-default'] as const;
/**
 * What the list reads of portals and links hold: the request's microtenant only, or (a key that
 * sees other microtenants) the objects of every microtenant, each naming its own.
 */
const MICROTENANT_READINGS = ['scoped', 'every-microtenant'] as const;

/**
 * How a route that does not exist answers: 404/405 (the legacy API), or a 400 whose reason names the
 * route, as a gateway in front may (NOTES.md: the OneAPI gateway's answer is not recorded).
 */
const MISSING_ROUTE_READINGS = ['status', 'gateway-400'] as const;

/**
 * Where Browser Access certificates are listed (NOTES.md, "Look-ups"): the SDKs'
 * `clientlessCertificate/issued`, or only the newer `certificate/issued` the vendor's collection
 * points to, where the old path answers 404.
 */
const BA_CERTIFICATE_READINGS = ['clientless', 'certificate'] as const;

/**
 * Whether client settings are microtenant scoped (NOTES.md, "Still unknown"): not at all (every read
 * shows the tenant's settings), or per microtenant (a read with another microtenant's
 * `microtenantId` shows none: the tenant's settings belong to Default).
 */
export const CLIENT_SETTING_SCOPE_READINGS = ['tenant-wide', 'per-microtenant'] as const;

/**
 * What OneAPI replies carry beside ZPA's own: nothing, or the gateway's `x-ratelimit-*` counters
 * (NOTES.md, "Rate limits and errors", recorded: `x-ratelimit-limit: 5000, 5000;w=60`).
 */
export const ONEAPI_GATEWAY_READINGS = ['quiet', 'rate-limit-headers'] as const;

export interface ApiReadings {
  bulkCreate: (typeof BULK_CREATE_READINGS)[number];
  clientSettings: (typeof CLIENT_SETTING_READINGS)[number];
  clientSettingsAll: (typeof CLIENT_SETTING_ALL_READINGS)[number];
  microtenantReads: (typeof MICROTENANT_READINGS)[number];
  missingRoute: (typeof MISSING_ROUTE_READINGS)[number];
  baCertificates: (typeof BA_CERTIFICATE_READINGS)[number];
  clientSettingScope: (typeof CLIENT_SETTING_SCOPE_READINGS)[number];
  oneApiGateway: (typeof ONEAPI_GATEWAY_READINGS)[number];
}

/**
 * The page's reading, except bulk create: the client sends it where the SDKs do (v2) first, and
 * serving both keeps the page's v1 route answering too, so a default run shows no fallback.
 */
export const DEFAULT_READINGS: Readonly<ApiReadings> = Object.freeze({
  bulkCreate: 'both',
  clientSettings: 'array',
  clientSettingsAll: 'every-type',
  microtenantReads: 'scoped',
  missingRoute: 'status',
  baCertificates: 'clientless',
  clientSettingScope: 'tenant-wide',
  oneApiGateway: 'quiet',
});

export class SimReadings {
  private current: ApiReadings = { ...DEFAULT_READINGS };

  get(): Readonly<ApiReadings> {
    return { ...this.current };
  }

  /** Changes only the readings given; the others stay. */
  configure(readings: Partial<ApiReadings>): void {
    this.current = { ...this.current, ...readings };
  }

  /** The versions that serve bulk create now. */
  bulkVersions(): readonly ('v1' | 'v2')[] {
    const reading = this.current.bulkCreate;
    return reading === 'both' ? ['v1', 'v2'] : [reading];
  }
}

/** `PUT /__sim/readings` and `startSimulator({ readings })`: a partial object, each value checked. */
export function parseReadings(value: unknown): Partial<ApiReadings> {
  if (!isRecord(value)) throw new SimInputError('readings must be an object');
  const known = [
    'bulkCreate',
    'clientSettings',
    'clientSettingsAll',
    'microtenantReads',
    'missingRoute',
    'baCertificates',
    'clientSettingScope',
    'oneApiGateway',
  ];
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) throw new SimInputError(`readings.${unknown} is not a reading (${known.join(', ')})`);
  const readings: Partial<ApiReadings> = {};
  if (value['bulkCreate'] !== undefined)
    readings.bulkCreate = oneOf(value['bulkCreate'], BULK_CREATE_READINGS, 'bulkCreate');
  if (value['clientSettings'] !== undefined)
    readings.clientSettings = oneOf(value['clientSettings'], CLIENT_SETTING_READINGS, 'clientSettings');
  if (value['clientSettingsAll'] !== undefined)
    readings.clientSettingsAll = oneOf(value['clientSettingsAll'], CLIENT_SETTING_ALL_READINGS, 'clientSettingsAll');
  if (value['microtenantReads'] !== undefined)
    readings.microtenantReads = oneOf(value['microtenantReads'], MICROTENANT_READINGS, 'microtenantReads');
  if (value['missingRoute'] !== undefined)
    readings.missingRoute = oneOf(value['missingRoute'], MISSING_ROUTE_READINGS, 'missingRoute');
  if (value['baCertificates'] !== undefined)
    readings.baCertificates = oneOf(value['baCertificates'], BA_CERTIFICATE_READINGS, 'baCertificates');
  if (value['clientSettingScope'] !== undefined)
    readings.clientSettingScope = oneOf(
      value['clientSettingScope'],
      CLIENT_SETTING_SCOPE_READINGS,
      'clientSettingScope',
    );
  if (value['oneApiGateway'] !== undefined)
    readings.oneApiGateway = oneOf(value['oneApiGateway'], ONEAPI_GATEWAY_READINGS, 'oneApiGateway');
  return readings;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  const found = allowed.find((option) => option === value);
  if (found === undefined) throw new SimInputError(`readings.${field} must be one of ${allowed.join(', ')}`);
  return found;
}
