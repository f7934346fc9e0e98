import { ConfigError } from '../core/errors.js';

export function requireEnv(env: Record<string, string | undefined>, name: string, hint: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new ConfigError(name, `${name} is not set (${hint})`);
  return value;
}
