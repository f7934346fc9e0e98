/**
 * `describe` for tests of a module the build writes: when the build has not run (`test:fast` in a
 * fresh checkout), one test in their place prints why they did not run and checks that reason.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

export function describeBuilt(name: string, built: string, tests: () => void): void {
  describe(name, () => {
    if (existsSync(built)) return tests();
    it('needs `npm run build` first', () => {
      console.log(`skipped comparison: ${built} is missing; run npm run build`);
      expect(existsSync(built)).toBe(false);
    });
  });
}
