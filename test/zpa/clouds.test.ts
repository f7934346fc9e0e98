/** The one table of hosts: every named cloud, legacy and OneAPI, written out here by hand. */
import { describe, expect, it } from 'vitest';
import { CLOUD_HOSTS, LEGACY_CLOUDS, oneApiHosts } from '../../src/zpa/clouds.js';
import { settingsFromEnv } from '../../src/zpa/index.js';

const legacyEnv = { ZPA_CLIENT_ID: 'id', ZPA_CLIENT_SECRET: 'secret-value', ZPA_CUSTOMER_ID: '145283994705985536' };
const oneApiEnv = {
  ZSCALER_CLIENT_ID: 'id',
  ZSCALER_CLIENT_SECRET: 'secret-value',
  ZSCALER_VANITY_DOMAIN: 'acme',
  ZPA_CUSTOMER_ID: '145283994705985536',
};

/** cloud -> [legacy base, OneAPI token URL, OneAPI API base]. */
const EXPECTED: Record<string, [string, string, string]> = {
  PRODUCTION: [
    'https://config.private.zscaler.com',
    'https://acme.zslogin.net/oauth2/v1/token',
    'https://api.zsapi.net',
  ],
  ZPATWO: [
    'https://config.zpatwo.net',
    'https://acme.zsloginzpatwo.net/oauth2/v1/token',
    'https://api.zpatwo.zsapi.net',
  ],
  BETA: ['https://config.zpabeta.net', 'https://acme.zsloginbeta.net/oauth2/v1/token', 'https://api.beta.zsapi.net'],
  // Both vendor SDKs (NOTES.md): the government clouds have their own ZIdentity and API hosts.
  GOV: ['https://config.zpagov.net', 'https://acme.zidentitygov.net/oauth2/v1/token', 'https://api.zscalergov.net'],
  GOVUS: ['https://config.zpagov.us', 'https://acme.zidentitygov.us/oauth2/v1/token', 'https://api.zscalergov.us'],
  PREVIEW: [
    'https://config.zpapreview.net',
    'https://acme.zsloginpreview.net/oauth2/v1/token',
    'https://api.preview.zsapi.net',
  ],
};

describe('cloud hosts', () => {
  it('has a row here for every cloud in the table, and no other', () => {
    expect(Object.keys(CLOUD_HOSTS).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(LEGACY_CLOUDS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(Object.entries(EXPECTED))('%s', (cloud, [legacyBase, tokenUrl, apiBase]) => {
    it.each([cloud, cloud.toLowerCase()])('legacy ZPA_CLOUD=%s', (given) => {
      const settings = settingsFromEnv({ ...legacyEnv, ZPA_CLOUD: given });
      expect(settings).toMatchObject({ mode: 'legacy', cloud, apiBase: legacyBase, tokenUrl: `${legacyBase}/signin` });
    });

    it.each([cloud, cloud.toLowerCase()])('OneAPI ZSCALER_CLOUD=%s', (given) => {
      expect(oneApiHosts('acme', given)).toEqual({ tokenUrl, apiBase });
      const settings = settingsFromEnv({ ...oneApiEnv, ZSCALER_CLOUD: given });
      expect(settings).toMatchObject({ mode: 'oneapi', cloud, tokenUrl, apiBase, pathPrefix: '/zpa' });
    });
  });

  it('puts an unlisted OneAPI cloud into the commercial pattern, never into a government host', () => {
    expect(oneApiHosts('acme', 'Gov2')).toEqual({
      tokenUrl: 'https://acme.zslogingov2.net/oauth2/v1/token',
      apiBase: 'https://api.gov2.zsapi.net',
    });
  });
});
