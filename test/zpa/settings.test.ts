import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { settingsFromEnv } from '../../src/zpa/index.js';

const SECRET = 'pa55-Very-Secret-Value';
const legacy = { ZPA_CLIENT_ID: 'client-1', ZPA_CLIENT_SECRET: SECRET, ZPA_CUSTOMER_ID: '145283994705985536' };
const oneApi = {
  ZSCALER_CLIENT_ID: 'client-2',
  ZSCALER_CLIENT_SECRET: SECRET,
  ZSCALER_VANITY_DOMAIN: 'acme',
  ZPA_CUSTOMER_ID: '145283994705985536',
};

function configError(env: Record<string, string>): ConfigError {
  try {
    settingsFromEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('settingsFromEnv: legacy clouds', () => {
  it.each([
    [undefined, 'https://config.private.zscaler.com'],
    ['PRODUCTION', 'https://config.private.zscaler.com'],
    ['production', 'https://config.private.zscaler.com'],
    ['ZPATWO', 'https://config.zpatwo.net'],
    ['zpaTwo', 'https://config.zpatwo.net'],
    ['BETA', 'https://config.zpabeta.net'],
    ['GOV', 'https://config.zpagov.net'],
    ['govus', 'https://config.zpagov.us'],
    ['Preview', 'https://config.zpapreview.net'],
    ['https://zpa.example.com/', 'https://zpa.example.com'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.9.8.7:1', 'http://127.9.8.7:1'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
  ])('ZPA_CLOUD=%s -> %s', (cloud, base) => {
    const settings = settingsFromEnv({ ...legacy, ...(cloud === undefined ? {} : { ZPA_CLOUD: cloud }) });
    expect(settings.mode).toBe('legacy');
    expect(settings.apiBase).toBe(base);
    expect(settings.tokenUrl).toBe(`${base}/signin`);
    expect(settings.pathPrefix).toBe('');
  });

  it('reads the microtenant and keeps ids as strings', () => {
    const settings = settingsFromEnv({ ...legacy, ZPA_MICROTENANT_ID: '145283994705985999' });
    expect(settings.customerId).toBe('145283994705985536');
    expect(settings.microtenantId).toBe('145283994705985999');
  });
});

describe('settingsFromEnv: OneAPI', () => {
  it.each([
    [undefined, 'https://acme.zslogin.net/oauth2/v1/token', 'https://api.zsapi.net'],
    ['PRODUCTION', 'https://acme.zslogin.net/oauth2/v1/token', 'https://api.zsapi.net'],
    ['production', 'https://acme.zslogin.net/oauth2/v1/token', 'https://api.zsapi.net'],
    ['BETA', 'https://acme.zsloginbeta.net/oauth2/v1/token', 'https://api.beta.zsapi.net'],
    ['http://127.0.0.1:9999', 'http://127.0.0.1:9999/oauth2/v1/token', 'http://127.0.0.1:9999'],
  ])('ZSCALER_CLOUD=%s', (cloud, tokenUrl, apiBase) => {
    const settings = settingsFromEnv({ ...oneApi, ...(cloud === undefined ? {} : { ZSCALER_CLOUD: cloud }) });
    expect(settings).toMatchObject({ mode: 'oneapi', tokenUrl, apiBase, pathPrefix: '/zpa', clientId: 'client-2' });
  });

  it('wins over legacy variables when ZSCALER_CLIENT_ID is set', () => {
    expect(settingsFromEnv({ ...legacy, ...oneApi }).mode).toBe('oneapi');
  });
});

describe('settingsFromEnv: refusals', () => {
  it.each([
    [{ ...legacy, ZPA_CLIENT_ID: '' }, 'ZPA_CLIENT_ID'],
    [{ ZPA_CLIENT_ID: 'x', ZPA_CUSTOMER_ID: '1' }, 'ZPA_CLIENT_SECRET'],
    [{ ZPA_CLIENT_ID: 'x', ZPA_CLIENT_SECRET: SECRET }, 'ZPA_CUSTOMER_ID'],
    [{ ...legacy, ZPA_CUSTOMER_ID: '12ab' }, 'ZPA_CUSTOMER_ID'],
    [{ ...legacy, ZPA_CUSTOMER_ID: '-1' }, 'ZPA_CUSTOMER_ID'],
    [{ ...legacy, ZPA_MICROTENANT_ID: 'default' }, 'ZPA_MICROTENANT_ID'],
    [{ ...legacy, ZPA_CLOUD: 'PRODUCTON' }, 'ZPA_CLOUD'],
    [{ ...legacy, ZPA_CLOUD: 'zscaler.net' }, 'ZPA_CLOUD'],
    [{ ...legacy, ZPA_CLOUD: 'http://zpa.example.com' }, 'ZPA_CLOUD'],
    [{ ...legacy, ZPA_CLOUD: 'http://10.0.0.1:8080' }, 'ZPA_CLOUD'],
    [{ ...legacy, ZPA_CLOUD: 'http://127.0.0.1.example.com' }, 'ZPA_CLOUD'],
    [{ ...legacy, ZPA_CLOUD: 'ftp://127.0.0.1' }, 'ZPA_CLOUD'],
    [{ ...legacy, ZPA_CLOUD: 'https://user:pw@zpa.example.com' }, 'ZPA_CLOUD'],
    [{ ...oneApi, ZSCALER_CLIENT_SECRET: '' }, 'ZSCALER_CLIENT_SECRET'],
    [{ ...oneApi, ZSCALER_VANITY_DOMAIN: '' }, 'ZSCALER_VANITY_DOMAIN'],
    [{ ...oneApi, ZSCALER_VANITY_DOMAIN: 'evil.com/x' }, 'ZSCALER_VANITY_DOMAIN'],
    [{ ...oneApi, ZSCALER_CLOUD: 'beta.evil.com' }, 'ZSCALER_CLOUD'],
    [{ ...oneApi, ZSCALER_CLOUD: 'http://example.com' }, 'ZSCALER_CLOUD'],
    [{ ...oneApi, ZPA_CUSTOMER_ID: undefined }, 'ZPA_CUSTOMER_ID'],
  ] as Array<[Record<string, string>, string]>)('%o -> ConfigError naming %s', (env, variable) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain(SECRET);
  });

  it('never echoes a secret, even a malformed setting next to it', () => {
    const error = configError({ ...legacy, ZPA_CLOUD: SECRET });
    expect(error.message).not.toContain(SECRET.slice(0, 10));
  });
});

describe('settings never show the secret', () => {
  it('hides it from JSON, inspect and spreads, yet keeps it readable', () => {
    const settings = settingsFromEnv(legacy);
    expect(settings.clientSecret).toBe(SECRET);
    expect(JSON.stringify(settings)).not.toContain(SECRET);
    expect(inspect(settings)).not.toContain(SECRET);
    expect(String(Object.values(settings))).not.toContain(SECRET);
    expect(JSON.stringify({ ...settings })).not.toContain(SECRET);
  });
});
