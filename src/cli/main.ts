#!/usr/bin/env node
import { isInterruptExitCode } from './exit-codes.js';
import { processIo } from './process-io.js';
import { runCli } from './run.js';

const code = await runCli(process.argv.slice(2), processIo());
process.exitCode = code;
// A run a signal ended exits once its output is written: a read still waiting for the rate limit
// or for its reply must not hold the process open after the account was printed.
if (isInterruptExitCode(code)) process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
