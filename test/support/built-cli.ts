/** Runs dist/cli/main.js in a real Node process, as a user's shell would (npm test builds it first). */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface BuiltResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `env` replaces the environment (PATH kept) so no ZPA_* of the machine leaks in. */
export async function builtCli(args: string[], options: { cwd?: string; env?: object } = {}): Promise<BuiltResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [MAIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env['PATH'], ...options.env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
