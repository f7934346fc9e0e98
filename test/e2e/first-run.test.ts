/**
 * The first `npx zpa-gitops` in a clone: npm runs prepare with its output hidden, so prepare leaves
 * that case to the bin shim, which says on stderr that it is building when dist/ is missing. Run on a
 * copy of the shim and prepare script in a folder whose build only writes a stand-in dist/cli/main.js.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A clone without dist/: the real shim and prepare script, and a build that writes a stand-in CLI. */
function clone(
  build = "console.log('compiling'); fs.mkdirSync('dist/cli', { recursive: true }); fs.writeFileSync('dist/cli/main.js', 'console.log(`ran ${process.argv.slice(2).join(` `)}`);');",
): string {
  const dir = mkdtempSync(join(tmpdir(), 'zpa-gitops-clone-'));
  made.push(dir);
  for (const path of ['bin', 'scripts', 'src/cli']) mkdirSync(join(dir, path), { recursive: true });
  copyFileSync(join(repo, 'bin/zpa-gitops.mjs'), join(dir, 'bin/zpa-gitops.mjs'));
  copyFileSync(join(repo, 'scripts/prepare.mjs'), join(dir, 'scripts/prepare.mjs'));
  writeFileSync(join(dir, 'src/cli/main.ts'), '');
  writeFileSync(join(dir, 'build.cjs'), `const fs = require('node:fs');\n${build}\n`);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'zpa-gitops', type: 'module', scripts: { build: 'node build.cjs' } }),
  );
  return dir;
}

function run(dir: string, script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(dir, script), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', HOME: dir, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the first run in a fresh clone', () => {
  it('says on stderr that it builds dist/, builds it once, then runs the command', () => {
    const dir = clone();
    const first = run(dir, 'bin/zpa-gitops.mjs', ['--version']);
    expect(first.stderr).toContain('zpa-gitops: dist/ is missing in this clone: building it once (npm run build)');
    // The build's own output goes to stderr too: stdout is the command's alone.
    expect(first.stderr).toContain('compiling');
    expect(first.stdout).toBe('ran --version\n');
    expect(first.code).toBe(0);

    const second = run(dir, 'bin/zpa-gitops.mjs', ['plan']);
    expect(second).toEqual({ code: 0, stdout: 'ran plan\n', stderr: '' });
  });

  it('a failed build is a one-line error with what to do, exit 1', () => {
    const dir = clone("console.error('tsc: not found'); process.exit(127);");
    const result = run(dir, 'bin/zpa-gitops.mjs', ['--version']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(
      'error: the build failed (see above): run `npm ci`, then `npm run build`, and try again',
    );
  });

  it('prepare builds for npm ci, and leaves npx of the clone itself to the shim', () => {
    const dir = clone();
    const npx = run(dir, 'scripts/prepare.mjs', [], { npm_command: 'exec', npm_config_local_prefix: dir });
    expect(npx.code).toBe(0);
    expect(existsSync(join(dir, 'dist/cli/main.js'))).toBe(false);

    // npx of another package (a git dependency packed in its own folder) still builds it.
    const other = run(dir, 'scripts/prepare.mjs', [], { npm_command: 'exec', npm_config_local_prefix: tmpdir() });
    expect(other.code).toBe(0);
    expect(existsSync(join(dir, 'dist/cli/main.js'))).toBe(true);

    rmSync(join(dir, 'dist'), { recursive: true });
    const ci = run(dir, 'scripts/prepare.mjs', [], { npm_command: 'ci', npm_config_local_prefix: dir });
    expect(ci.code).toBe(0);
    expect(existsSync(join(dir, 'dist/cli/main.js'))).toBe(true);
  });
});
