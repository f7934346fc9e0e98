import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/errors.js';
import { closest } from '../core/closest.js';
import type { CliIo } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type CommonOptions = { help: { type: 'boolean'; short: string }; 'no-color': { type: 'boolean' } };
type Parsed<T extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T & CommonOptions; allowPositionals: true; strict: true }>
>;

/** Options every command takes. */
const COMMON: CommonOptions = { help: { type: 'boolean', short: 'h' }, 'no-color': { type: 'boolean' } };

/** Terraform spellings that are not just a single-dash form of our own flag. */
const TERRAFORM_ALIASES: Readonly<Record<string, string>> = { json: 'format=json' };

/** A single-dash word, as Terraform writes its flags: `-out=plan.json`, `-detailed-exitcode`. */
const SINGLE_DASH_WORD = /^-([a-z][a-z0-9]+(?:-[a-z0-9]+)*)(=.*)?$/is;

/**
 * Terraform habits to the documented double-dash forms, before node:util parseArgs (which reads
 * `-out` as `-o -u -t`). One-letter flags, option values and everything after `--` are left alone.
 */
export function normalizeArgs(args: readonly string[], options: Options): string[] {
  const normalized: string[] = [];
  let valueNext = false;
  for (const [index, arg] of args.entries()) {
    if (arg === '--') return [...normalized, ...args.slice(index)];
    if (valueNext) {
      normalized.push(arg);
      valueNext = false;
      continue;
    }
    const word = SINGLE_DASH_WORD.exec(arg);
    const spelled = word ? `--${TERRAFORM_ALIASES[word[1] ?? ''] ?? `${word[1] ?? ''}${word[2] ?? ''}`}` : arg;
    normalized.push(spelled);
    // `--out plan.json`: the next argument is the value, even if it starts with a dash.
    const bare = /^--([^=]+)$/.exec(spelled)?.[1];
    valueNext = bare !== undefined && options[bare]?.type === 'string';
  }
  return normalized;
}

/** node:util parseArgs after normalizeArgs, its errors turned into one-line usage errors. */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T): Parsed<T> {
  const all = { ...options, ...COMMON };
  try {
    return parseArgs({ args: normalizeArgs(args, all), options: all, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${describeParseError(error, Object.keys(options))} (see: zpa-gitops ${command} --help)`);
  }
}

function describeParseError(error: unknown, flags: string[]): string {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const unknown = /^Unknown option '(-[^']*)'/.exec(message)?.[1];
  if (unknown === undefined) return message.replace(/\. To specify a positional argument.*$/, '');
  const suggestion = closest(
    unknown.replace(/=.*$/, ''),
    flags.map((flag) => `--${flag}`),
  );
  return suggestion ? `Unknown option '${unknown}'; did you mean ${suggestion}?` : `Unknown option '${unknown}'`;
}

/** `--no-color` (or `-no-color`) anywhere before `--` turns colour off for the whole command. */
export function applyColorFlag(args: readonly string[], io: CliIo): CliIo {
  const end = args.includes('--') ? args.indexOf('--') : args.length;
  const flagged = args.slice(0, end).some((arg) => arg === '--no-color' || arg === '-no-color');
  return flagged ? { ...io, env: { ...io.env, NO_COLOR: '1', FORCE_COLOR: undefined } } : io;
}

/** `--help`, `-h` or Terraform's `-help` among a command's arguments. */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.includes('--') ? args.indexOf('--') : args.length;
  return args.slice(0, end).some((arg) => arg === '--help' || arg === '-h' || arg === '-help');
}

export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
}

export function positiveInteger(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^[1-9][0-9]*$/.test(value)) throw new UsageError(`--${flag} must be a positive whole number, not "${value}"`);
  return Number(value);
}

/** A TCP port to listen on; 0 asks the system for a free one. */
export function portNumber(flag: string, value: string): number {
  const port = /^(0|[1-9][0-9]{0,4})$/.test(value) ? Number(value) : NaN;
  if (!(port <= 65535))
    throw new UsageError(`--${flag} must be a port from 0 to 65535 (0: any free port), not "${value}"`);
  return port;
}
