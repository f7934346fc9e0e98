import { readFileSync } from 'node:fs';

/** The package's version, read once from package.json (beside dist/ and src/ alike). */
export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
