import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { expect, it } from 'vitest';
import { compileManifestValidator } from '../../src/manifest/schema.js';
import { describeBuilt } from '../support/describe-built.js';

// The build writes the standalone validator into dist/ (npm test builds before vitest runs).
const built = fileURLToPath(new URL('../../dist/manifest/manifest-validator.generated.js', import.meta.url));
const invalidDir = fileURLToPath(new URL('./invalid/', import.meta.url));
const validDir = fileURLToPath(new URL('./valid/', import.meta.url));

async function documents(dir: string): Promise<Array<[string, unknown]>> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml'));
  const docs: Array<[string, unknown]> = [];
  for (const file of files) {
    try {
      docs.push([file, parse(await readFile(join(dir, file), 'utf8'))]);
    } catch {
      // Files that are not YAML at all never reach the schema.
    }
  }
  return docs;
}

describeBuilt('the build-time (standalone) manifest validator', built, () => {
  it('reports exactly what the schema compiled at run time reports', async () => {
    const precompiled = ((await import(built)) as { validate: ValidateFunction }).validate;
    const runtime = await compileManifestValidator();
    const docs = [...(await documents(invalidDir)), ...(await documents(validDir))];
    expect(docs.length).toBeGreaterThan(40);
    let failing = 0;
    for (const [file, doc] of docs) {
      const a = runtime(doc);
      const b = precompiled(doc);
      expect(b, file).toBe(a);
      if (!a) failing += 1;
      // Same errors, with the schema fragments the diagnostics read (verbose).
      expect(JSON.stringify(precompiled.errors ?? null), file).toBe(JSON.stringify(runtime.errors ?? null));
    }
    expect(failing).toBeGreaterThan(10);
  });
});
