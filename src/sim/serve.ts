/**
 * `zpa-gitops sim`: a simulator for people rather than tests. Starts on the demo tenant (or the
 * state file), and gives the text to print: the variables that point zpa-gitops at it, and a curl
 * example. The CLI wires the command, prints the text and keeps the process alive.
 */
import { listCloudHosts } from '../zpa/clouds.js';
import { demoSeed } from './demo-seeds.js';
import { startSimulator, type Simulator } from './index.js';
import type { ApiReadings } from './api-readings.js';
import type { RateLimits, RequestLogEntry } from './types.js';

export interface ServeOptions {
  port?: number;
  stateFile?: string;
  rateLimits?: RateLimits | false;
  /** For printing each request as it is answered. */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface ServedSimulator {
  simulator: Simulator;
  /** `export VAR=value` lines and a curl example, ready to print. */
  instructions: string;
}

const BULK_TEXT: Record<ApiReadings['bulkCreate'], string> = { v1: 'v1 only', v2: 'v2 only', both: 'v1 and v2' };
const SHAPE_TEXT: Record<ApiReadings['clientSettings'], string> = {
  array: 'an array',
  object: 'one object',
  list: 'a {list} envelope',
};

/** Single-quoted for POSIX shells, so any value survives copy and paste. */
function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The variables that choose a tenant and its credentials: the simulator's lines clear the ones they do not set. */
const CONNECTION_VARIABLES = [
  'ZPA_CLIENT_ID',
  'ZPA_CLIENT_SECRET',
  'ZPA_CUSTOMER_ID',
  'ZPA_CLOUD',
  'ZPA_MICROTENANT_ID',
  'ZSCALER_CLIENT_ID',
  'ZSCALER_CLIENT_SECRET',
  'ZSCALER_VANITY_DOMAIN',
  'ZSCALER_CLOUD',
];

/**
 * `base` with every ZPA_* and ZSCALER_* variable replaced by the simulator's: a shell holding real
 * credentials must never send them to a real identity provider from the demo.
 */
export function simulatorOnlyEnv(
  base: Readonly<Record<string, string | undefined>>,
  simulatorVariables: object,
): Record<string, string | undefined> {
  const kept = Object.entries(base).filter(([name]) => !/^(ZPA|ZSCALER)_/.test(name));
  return { ...Object.fromEntries(kept), ...(simulatorVariables as Record<string, string>) };
}

function unsetLine(vars: object): string {
  return `unset ${CONNECTION_VARIABLES.filter((name) => !(name in vars)).join(' ')}`;
}

export async function serveSimulator(options: ServeOptions = {}): Promise<ServedSimulator> {
  const simulator = await startSimulator({
    seed: demoSeed(),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.stateFile === undefined ? {} : { stateFile: options.stateFile }),
    ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }),
    ...(options.onRequest === undefined ? {} : { onRequest: options.onRequest }),
  });
  return { simulator, instructions: instructionsFor(simulator, options) };
}

export function instructionsFor(
  simulator: Simulator,
  options: Pick<ServeOptions, 'stateFile' | 'rateLimits'> = {},
): string {
  const env = simulator.env();
  const exportLines = (vars: object) =>
    Object.entries(vars).map(([name, value]) => `export ${name}=${shellQuote(String(value))}`);
  const readings = simulator.readings();
  const limits = options.rateLimits
    ? `${options.rateLimits.get} GET and ${options.rateLimits.write} writes per ${options.rateLimits.windowMs / 1000} s`
    : 'off';
  const linksUrl = `${simulator.url}/mgmtconfig/v1/admin/customers/${simulator.customerId}/userPortalLink?page=1&pagesize=20`;
  return [
    `ZPA simulator listening on ${simulator.url} (customer ${simulator.customerId}; rate limits ${limits}${options.stateFile ? `; state in ${options.stateFile}` : ''})`,
    '',
    '# Point zpa-gitops at it:',
    unsetLine(env),
    ...exportLines(env),
    '',
    '# Or through OneAPI; the simulator serves both on its one host (each block clears the other):',
    unsetLine(simulator.oneApiEnv()),
    ...exportLines(simulator.oneApiEnv()),
    '',
    '# On a real tenant the cloud name picks the hosts (ZPA_CLOUD legacy, ZSCALER_CLOUD OneAPI):',
    ...cloudHostLines(),
    '',
    `# API readings: bulk create on ${BULK_TEXT[readings.bulkCreate]}, client settings as ${SHAPE_TEXT[readings.clientSettings]}.`,
    `# Change them: curl -s -X PUT ${simulator.url}/__sim/readings -d '{"bulkCreate":"v1","clientSettings":"object"}'`,
    '',
    '# Or call the API yourself: sign in, then list the user portal links.',
    `TOKEN=$(curl -s -X POST ${simulator.url}/signin -d client_id=${shellQuote(env.ZPA_CLIENT_ID)} -d client_secret=${shellQuote(env.ZPA_CLIENT_SECRET)} | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')`,
    `curl -s -H "Authorization: Bearer $TOKEN" '${linksUrl}'`,
    '',
    `# The simulator's own state: curl -s ${simulator.url}/__sim/state`,
    '',
  ].join('\n');
}

/** One line per named cloud: the legacy base URL, then the OneAPI token endpoint and API host. */
function cloudHostLines(): string[] {
  const rows = listCloudHosts();
  const width = Math.max(...rows.map((row) => row.cloud.length));
  return rows.map(
    (row) => `#   ${row.cloud.padEnd(width)}  legacy ${row.legacyBase}  OneAPI ${row.tokenUrl} -> ${row.apiBase}`,
  );
}
