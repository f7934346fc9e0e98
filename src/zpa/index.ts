/** The ZPA API client: settings, sign-in, rate limits, retries, paging and typed errors. */
export {
  ZpaClient,
  DEFAULT_MICROTENANT_ID,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_WRITE_TIMEOUT_MS,
  type ZpaClientOptions,
} from './client.js';
export {
  settingsFromEnv,
  createZpaSettings,
  type ZpaSettings,
  type ZpaSettingsInit,
  type AuthMode,
} from './settings.js';
export { CLOUD_HOSTS, LEGACY_CLOUDS, oneApiHosts, isLoopbackHost, parseBaseUrl } from './clouds.js';
export {
  PUBLISHED_RATE_LIMITS,
  windowMarginMs,
  SlidingLogLimiter,
  SlidingWindowLimiter,
  type RateLimits,
  type Slot,
} from './rate-limiter.js';
export { parseRateLimits, rateLimitsFromEnv, RATE_LIMITS_VARIABLE } from './rate-limit-setting.js';
export {
  DEFAULT_RETRY_POLICY,
  decideRetry,
  parseRetryAfter,
  type RetryPolicy,
  type RetryDecision,
  type WaitReason,
} from './retry-policy.js';
export { jwtExpiry, tokenLifetime } from './token-expiry.js';
export { PAGE_SIZE, MAX_PAGES } from './endpoints.js';
export { Transport, type ZpaStats, type WaitInfo, type HttpMethod, type ReplyInfo } from './transport.js';
export type { SignInInfo } from './auth.js';
export { isApiObject } from './replies.js';
export { readClientSettingList, readUpsertedClientSetting } from './client-setting-replies.js';
export { NEGOTIATED_ROUTES, RouteVersions, type ApiVersion, type NegotiatedRoute } from './route-versions.js';
