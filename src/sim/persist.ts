/**
 * The state file: the snapshot, the last id handed out (so ids are never reused across restarts)
 * and the client secret (so the variables printed once keep working after a restart). Written to a
 * temporary file and renamed, so a crash never leaves half a file.
 */
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseSnapshot } from './control-input.js';
import { SimInputError } from './http-error.js';
import type { SimSnapshot } from './types.js';

const STATE_FILE_FORMAT = 1;

export interface LoadedState {
  snapshot: SimSnapshot;
  lastId?: string;
  clientSecret?: string;
}

/** Undefined when the file does not exist yet; a SimInputError when it is not a state file. */
export function loadStateFile(path: string): LoadedState | undefined {
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SimInputError(
      `state file ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const snapshot = parseSnapshot(parsed, `state file ${path}`);
  const field = (name: string): string | undefined => {
    const value = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)[name] : undefined;
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const lastId = field('lastId');
  const clientSecret = field('clientSecret');
  return {
    snapshot,
    ...(lastId === undefined ? {} : { lastId }),
    ...(clientSecret === undefined ? {} : { clientSecret }),
  };
}

export function saveStateFile(path: string, snapshot: SimSnapshot, lastId: string, clientSecret: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  // Mode 600: the file holds the simulated tenant and the client secret it keeps.
  const state = { formatVersion: STATE_FILE_FORMAT, lastId, clientSecret, ...snapshot };
  writeFileSync(temporary, `${JSON.stringify(state, null, 1)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}
