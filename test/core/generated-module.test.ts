/** Generated code that was never built is compiled at run time instead; generated code that is broken is an error. */
import { describe, expect, it } from 'vitest';
import { importGenerated } from '../../src/core/generated-module.js';

const NAME = 'reply-validators.generated';

function notFound(message: string): Error {
  return Object.assign(new Error(message), { code: 'MODULE_NOT_FOUND' });
}

describe('importGenerated', () => {
  it('gives undefined when the generated module itself is missing', async () => {
    const missing = Object.assign(new Error(`Cannot find module '/x/dist/zpa/${NAME}.js' imported from /x/y.js`), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    await expect(importGenerated(() => Promise.reject(missing), NAME)).resolves.toBeUndefined();
  });

  it('throws when a module the generated code requires is missing, though the require stack names it', async () => {
    const broken = notFound(
      `Cannot find module 'ajv/dist/runtime/ucs2length'\nRequire stack:\n- /x/chunks/${NAME}-AB12.js`,
    );
    await expect(importGenerated(() => Promise.reject(broken), NAME)).rejects.toBe(broken);
  });
});
