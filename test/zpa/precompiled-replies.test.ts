/**
 * The build compiles every built-in reply schema to standalone code (scripts/compile-validators.mjs),
 * so the CLI loads no ajv and compiles nothing at start-up. These tests read the built dist/ (npm
 * test builds first): every schema the client checks with must be there, and each precompiled
 * validator must judge replies exactly as ajv compiling the schema now does.
 */
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { expect, it } from 'vitest';
import { stableJson } from '../../src/canonical/equality.js';
import type { Json } from '../../src/core/types.js';
import { compileReplySchema } from '../../src/zpa/reply-check.js';
import { builtInReplySchemas } from '../../src/zpa/reply-validators.js';
import { describeBuilt } from '../support/describe-built.js';

const built = fileURLToPath(new URL('../../dist/zpa/precompiled-replies.js', import.meta.url));

const link = { id: '72058', name: 'Wiki', link: 'wiki.example.com', enabled: true, userPortals: [{ id: '1' }] };
/** Replies right and wrong in the ways the schemas care about. */
const SAMPLES: unknown[] = [
  null,
  [],
  {},
  'a string',
  link,
  { ...link, id: 72058 },
  { ...link, name: '' },
  { name: 'no id' },
  [link, { ...link, enabled: 'yes' }],
  { totalPages: '1', totalCount: '2', list: [link, link] },
  { totalPages: 1, totalCount: 1, list: [{ ...link, link: 7 }] },
  { totalPages: 1, list: null },
  { userPortalLinks: [link] },
  { userPortalLinks: {} },
  { id: '1', name: 'Default', zpaClientCertificateType: 'ZAPP_CLIENT' },
  { token_type: 'Bearer', access_token: 'x', expires_in: '3600' },
  { token_type: 'Bearer', expires_in: 3600 },
];

describeBuilt('the build-time (standalone) reply validators', built, () => {
  it('cover every schema the client checks replies with', async () => {
    const { PRECOMPILED_REPLY_VALIDATORS } = (await import(built)) as {
      PRECOMPILED_REPLY_VALIDATORS: ReadonlyMap<string, ValidateFunction>;
    };
    const schemas = builtInReplySchemas();
    expect(schemas.length).toBeGreaterThan(10);
    const missing = schemas.map((s) => stableJson(s as Json)).filter((key) => !PRECOMPILED_REPLY_VALIDATORS.has(key));
    expect(missing).toEqual([]);
  });

  it('judge every sample reply as ajv compiling the schema at run time does', async () => {
    const { PRECOMPILED_REPLY_VALIDATORS } = (await import(built)) as {
      PRECOMPILED_REPLY_VALIDATORS: ReadonlyMap<string, ValidateFunction>;
    };
    let refused = 0;
    for (const schema of builtInReplySchemas()) {
      const key = stableJson(schema as Json);
      const precompiled = PRECOMPILED_REPLY_VALIDATORS.get(key);
      // Running from src/, nothing is precompiled: this compiles with ajv.
      const runtime = compileReplySchema(schema);
      expect(precompiled).toBeDefined();
      expect(runtime).not.toBe(precompiled);
      for (const sample of SAMPLES) {
        const a = runtime(sample);
        expect(precompiled?.(sample), `${key.slice(0, 60)} on ${JSON.stringify(sample)}`).toBe(a);
        if (!a) refused += 1;
        expect(JSON.stringify(precompiled?.errors ?? null)).toBe(JSON.stringify(runtime.errors ?? null));
      }
    }
    expect(refused).toBeGreaterThan(50);
    expect(refused, 'some samples fit').toBeLessThan(builtInReplySchemas().length * SAMPLES.length);
  });
});
