import { parseArgs } from 'node:util';
import { UsageError } from '../core/errors.js';
/** node:util parseArgs with its errors turned into one-line usage errors that point at --help. */
export function parseCommandArgs(command, args, options) {
    try {
        const help = { help: { type: 'boolean', short: 'h' } };
        return parseArgs({ args, options: { ...options, ...help }, allowPositionals: true, strict: true });
    }
    catch (error) {
        const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
        throw new UsageError(`${message.replace(/\. To specify a positional argument.*$/, '')} (see: zpa-gitops ${command} --help)`);
    }
}
export function oneOf(flag, value, allowed, fallback) {
    if (value === undefined)
        return fallback;
    if (allowed.includes(value))
        return value;
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
}
export function positiveInteger(flag, value, fallback) {
    if (value === undefined)
        return fallback;
    if (!/^[1-9][0-9]*$/.test(value))
        throw new UsageError(`--${flag} must be a positive whole number, not "${value}"`);
    return Number(value);
}
