/**
 * The state file: the snapshot plus the last id handed out (so ids are never reused across
 * restarts). Written to a temporary file and renamed, so a crash never leaves half a file.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseSnapshot } from './control-input.js';
import { SimInputError } from './http-error.js';
export const STATE_FILE_FORMAT = 1;
/** Undefined when the file does not exist yet; a SimInputError when it is not a state file. */
export function loadStateFile(path) {
    if (!existsSync(path))
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(readFileSync(path, 'utf8'));
    }
    catch (error) {
        throw new SimInputError(`state file ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const snapshot = parseSnapshot(parsed, `state file ${path}`);
    const lastId = typeof parsed === 'object' && parsed !== null && 'lastId' in parsed ? parsed.lastId : undefined;
    return typeof lastId === 'string' ? { snapshot, lastId } : { snapshot };
}
export function saveStateFile(path, snapshot, lastId) {
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ formatVersion: STATE_FILE_FORMAT, lastId, ...snapshot }, null, 1)}\n`);
    renameSync(temporary, path);
}
