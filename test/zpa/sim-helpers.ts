/**
 * Shared set-up for the client tests: a real simulator on 127.0.0.1 and a client pointed at it, with
 * every debug line and error message kept so tests can check that no secret or token leaks.
 */
import { onTestFinished } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { settingsFromEnv, ZpaClient, type ZpaClientOptions } from '../../src/zpa/index.js';

export const SIM_SECRET = 'sim-secret-0123456789abcdef';
export const CUSTOMER_ID = '145283994705985536';

type SimOptions = NonNullable<Parameters<typeof startSimulator>[0]>;

export interface Harness {
  sim: Simulator;
  client: ZpaClient;
  debugLines: string[];
  waits: Array<{ ms: number; reason: string }>;
}

export async function startSim(options: SimOptions = {}): Promise<Simulator> {
  const sim = await startSimulator({
    customerId: CUSTOMER_ID,
    clientId: 'sim-client',
    clientSecret: SIM_SECRET,
    ...options,
  });
  // Closed when the test that started it ends: registered per test, not per module, so it holds
  // however the test files share modules.
  onTestFinished(() => sim.close());
  return sim;
}

export function clientFor(
  sim: Simulator,
  options: Partial<ZpaClientOptions> & { oneApi?: boolean } = {},
): Omit<Harness, 'sim'> {
  const { oneApi, ...rest } = options;
  const debugLines: string[] = [];
  const waits: Harness['waits'] = [];
  const client = new ZpaClient({
    settings: settingsFromEnv(oneApi ? { ...sim.oneApiEnv() } : { ...sim.env() }),
    timeoutMs: 5_000,
    debug: (line) => debugLines.push(line),
    onWait: (info) => waits.push(info),
    ...rest,
  });
  onTestFinished(() => client.close());
  return { client, debugLines, waits };
}

export async function harness(
  simOptions: SimOptions = {},
  clientOptions: Partial<ZpaClientOptions> & { oneApi?: boolean } = {},
): Promise<Harness> {
  const sim = await startSim(simOptions);
  return { sim, ...clientFor(sim, clientOptions) };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected the call to fail');
}

/** Text that must never show a credential: the secret, a bearer token, or a JWT. */
export function expectNoCredentials(texts: readonly string[]): void {
  for (const text of texts) {
    if (text.includes(SIM_SECRET) || /bearer\s+(?!\*\*\*)\S/i.test(text) || /eyJ[A-Za-z0-9_-]{8,}/.test(text)) {
      throw new Error(`credential leaked in: ${text}`);
    }
  }
}
