/** Shared by the doctor tests: the lines of a run, and the calls the simulator saw. */
import type { Simulator } from '../../src/sim/index.js';
import type { CliResult } from '../support/cli.js';

/** The check lines of a text report: `✓ ...`, `! ...` (a warning), `✗ ...` or `- ...` (not run or not needed). */
export function checkLines(result: CliResult): string[] {
  return result.stdout.split('\n').filter((line) => /^[✓!✗-] /.test(line));
}

export function notRunLines(result: CliResult): string[] {
  return checkLines(result).filter((line) => line.startsWith('- '));
}

export function warningLines(result: CliResult): string[] {
  return checkLines(result).filter((line) => line.startsWith('! '));
}

export function failedLines(result: CliResult): string[] {
  return checkLines(result).filter((line) => line.startsWith('✗'));
}

/** API calls (not sign-in) as `METHOD path?query` with the customer prefix cut, oldest first. */
export function apiCalls(sim: Simulator): string[] {
  return sim.requests
    .filter((r) => !/signin|oauth2/.test(r.path))
    .map((r) => {
      const path = r.path.replace(/^(\/zpa)?\/mgmtconfig\/(v\d)\/admin\/customers\/\d+/, '$2');
      const query = new URLSearchParams(r.query).toString();
      return `${r.method} ${path}${query ? `?${query}` : ''}`;
    });
}

export function writesSeen(sim: Simulator): string[] {
  return apiCalls(sim).filter((call) => !call.startsWith('GET '));
}
