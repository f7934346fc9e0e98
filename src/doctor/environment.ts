/**
 * Which variables are set and what they select: auth mode, cloud, hosts, customer, microtenant.
 * Names only for credentials, never their values; settings are built by the same `settingsFromEnv`
 * every other command uses, so doctor cannot disagree with plan about what the environment means.
 */
import { ConfigError } from '../core/errors.js';
import { settingsFromEnv, type ZpaSettings } from '../zpa/index.js';
import { failed, passed, type DoctorCheck } from './types.js';

type Env = Readonly<Record<string, string | undefined>>;

const LEGACY_ONLY = ['ZPA_CLIENT_ID', 'ZPA_CLIENT_SECRET', 'ZPA_CLOUD'] as const;
const ONEAPI_ONLY = ['ZSCALER_CLIENT_ID', 'ZSCALER_CLIENT_SECRET', 'ZSCALER_VANITY_DOMAIN', 'ZSCALER_CLOUD'] as const;
const COMMON = ['ZPA_CUSTOMER_ID', 'ZPA_MICROTENANT_ID'] as const;

/** Every variable zpa-gitops reads for its connection, in the order the README lists them. */
export const CONNECTION_VARIABLES = [...LEGACY_ONLY, ...ONEAPI_ONLY, ...COMMON] as const;

function variablesSet(env: Env): string[] {
  return CONNECTION_VARIABLES.filter((name) => (env[name] ?? '').trim() !== '');
}

export function checkEnvironment(env: Env): { check: DoctorCheck; settings?: ZpaSettings } {
  const set = variablesSet(env);
  const facts = { variablesSet: set };
  let settings: ZpaSettings;
  try {
    settings = settingsFromEnv(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // ConfigError messages never echo a secret (settings.ts hides a value that matches one).
    return {
      check: failed(
        'environment',
        `environment: ${error.message} (set: ${set.join(', ') || 'none'})`,
        fixFor(error.variable),
        {
          ...facts,
          variable: error.variable,
        },
      ),
    };
  }
  const mode = settings.mode === 'oneapi' ? 'OneAPI (ZIdentity)' : 'legacy API key';
  const ignored = (settings.mode === 'oneapi' ? LEGACY_ONLY : ONEAPI_ONLY).filter((name) => set.includes(name));
  const api = new URL(settings.apiBase).host;
  const signIn = new URL(settings.tokenUrl).host;
  const where = api === signIn ? api : `sign-in ${signIn}, API ${api}`;
  const note = ignored.length > 0 ? `; ${ignored.join(', ')} ignored in this mode` : '';
  const summary = `environment: ${mode}, cloud ${settings.cloud} (${where}), customer ${settings.customerId}; set: ${set.join(', ')}${note}`;
  return {
    check: passed('environment', summary, {
      ...facts,
      authMode: settings.mode,
      cloud: settings.cloud,
      apiHost: api,
      signInHost: signIn,
      customerId: settings.customerId,
      ignored,
    }),
    settings,
  };
}

function fixFor(variable: string): string {
  switch (variable) {
    case 'ZPA_CLOUD':
      return 'set ZPA_CLOUD to your cloud name (PRODUCTION, ZPATWO, BETA, GOV, GOVUS, PREVIEW) or its base URL';
    case 'ZSCALER_CLOUD':
      return 'set ZSCALER_CLOUD to your cloud name (e.g. PRODUCTION, BETA) or leave it unset for production';
    case 'ZSCALER_VANITY_DOMAIN':
      return 'set ZSCALER_VANITY_DOMAIN to the vanity name of your ZIdentity sign-in page (acme in acme.zslogin.net)';
    case 'ZPA_CUSTOMER_ID':
      return "set ZPA_CUSTOMER_ID to the customer id shown on the ZPA Admin Portal's API Keys page (digits)";
    case 'ZPA_MICROTENANT_ID':
      return 'set ZPA_MICROTENANT_ID to a microtenant id (digits), or unset it for the Default microtenant';
    default:
      return `set ${variable}: for an API key, ZPA_CLIENT_ID and ZPA_CLIENT_SECRET; for OneAPI, ZSCALER_CLIENT_ID, ZSCALER_CLIENT_SECRET and ZSCALER_VANITY_DOMAIN`;
  }
}
