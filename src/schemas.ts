import { readFile } from 'node:fs/promises';
import { PACKAGE_ROOT } from './package-root.js';

/** The schemas ship beside dist/ in the package (and beside src/ in a checkout). */
const SCHEMA_DIR = new URL('schemas/', PACKAGE_ROOT);

export async function readSchema(name: string): Promise<object> {
  return JSON.parse(await readFile(new URL(name, SCHEMA_DIR), 'utf8')) as object;
}
