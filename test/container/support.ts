/**
 * What the container suite needs outside the container: a free loopback port, the simulator's
 * control surface over HTTP, and the built CLI run as a user runs it (a separate `node` process).
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { getContainerRuntimeClient } from 'testcontainers';
import type { RequestLogEntry, SimSnapshot } from '../../src/sim/types.js';
import { REPO_ROOT } from './image.js';

/** A port the kernel just handed out on 127.0.0.1, closed again for the container to take. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port from 127.0.0.1:0'))));
    });
  });
}

/** Undefined when an engine answers; otherwise why none could be used. */
export async function missingEngine(): Promise<string | undefined> {
  try {
    await getContainerRuntimeClient();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The simulator's `/__sim/` routes (src/sim/control.ts): no auth, never in the request log. */
export class SimControl {
  constructor(readonly url: string) {}

  private async call(method: string, route: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}/__sim/${route}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /__sim/${route}: ${response.status} ${text}`);
    return JSON.parse(text) as unknown;
  }

  async state(): Promise<SimSnapshot> {
    return (await this.call('GET', 'state')) as SimSnapshot;
  }

  async replaceState(snapshot: SimSnapshot): Promise<void> {
    await this.call('PUT', 'state', snapshot);
  }

  /** Back to the tenant the simulator started with (the demo tenant for `zpa-gitops sim`). */
  async reset(): Promise<void> {
    await this.call('POST', 'reset');
  }

  async requests(): Promise<RequestLogEntry[]> {
    return (await this.call('GET', 'requests')) as RequestLogEntry[];
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', 'requests');
  }

  /** ZPA_CLIENT_ID, ZPA_CLIENT_SECRET, ZPA_CUSTOMER_ID, ZPA_CLOUD for the legacy API key. */
  async env(): Promise<Record<string, string>> {
    const { legacy } = (await this.call('GET', 'env')) as { legacy: Record<string, string> };
    return legacy;
  }

  /** Edits one link in place, as someone in the admin console would. */
  async editLink(name: string, fields: Partial<SimSnapshot['userPortalLinks'][number]>): Promise<void> {
    const snapshot = await this.state();
    if (!snapshot.userPortalLinks.some((link) => link.name === name))
      throw new Error(`no link "${name}" in the simulator`);
    const edited = new Date().toISOString();
    await this.replaceState({
      ...snapshot,
      userPortalLinks: snapshot.userPortalLinks.map((link) =>
        link.name === name ? { ...link, ...fields, modifiedTime: edited } : link,
      ),
    });
  }
}

const isSignIn = (path: string) => /\/signin$|\/oauth2\//.test(path);

/** API calls that could change the tenant: anything but reads and sign-in. */
export function writesIn(entries: RequestLogEntry[]): RequestLogEntry[] {
  return entries.filter((entry) => entry.method !== 'GET' && !isSignIn(entry.path));
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli/main.js` in `cwd` with only the simulator's ZPA_* variables set. */
export async function runBuiltCli(args: string[], cwd: string, simEnv: Record<string, string>): Promise<CliResult> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ZPA_')));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(REPO_ROOT, 'dist/cli/main.js'), ...args],
      { cwd, env: { ...inherited, ...simEnv, NO_COLOR: '1' }, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number')
          reject(new Error(`zpa-gitops ${args.join(' ')}: ${error.message}\n${stderr}`));
        else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}
