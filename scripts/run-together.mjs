// `npm test`'s checks (type check, lint, format check, the builds) at the same time rather than one
// after another: none reads what another writes (the builds write only dist/ and dist-scripts/, which
// the others ignore), and each is one busy process, so on two cores running them together takes
// about half as long. Each script's output is held and printed whole when it ends, so failures read
// as they would run alone; once all have ended, the exit code is the first failing script's.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node scripts/run-together.mjs SCRIPT...');
  process.exit(2);
}

const npmCli = process.env['npm_execpath'];
const [command, prefix] = npmCli?.endsWith('.js') ? [process.execPath, [npmCli]] : ['npm', []];

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(command, [...prefix, 'run', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32' && command === 'npm',
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ script, code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ script, code: code ?? (signal ? 1 : 0), output }));
  });
}

const started = scripts.map(async (script) => {
  const result = await run(script);
  const mark = result.code === 0 ? 'ok' : `failed (exit ${result.code})`;
  process.stdout.write(`> ${script}: ${mark}\n${result.output}`);
  return result;
});
const results = await Promise.all(started);
process.exitCode = results.find((r) => r.code !== 0)?.code ?? 0;
