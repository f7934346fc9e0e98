import { UsageError } from '../../core/errors.js';
import { PUBLISHED_RATE_LIMITS } from '../../sim/index.js';
import { serveSimulator } from '../../sim/serve.js';
import { parseCommandArgs, portNumber } from '../args.js';
import type { CliIo } from '../io.js';
import { exitCode } from '../exit-codes.js';

/** Runs the embedded simulator until the process is stopped (Ctrl-C). */
export async function simCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('sim', args, {
    port: { type: 'string' },
    state: { type: 'string' },
    'rate-limits': { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`sim takes no arguments, got "${positionals[0]}"`);
  const port = values.port === undefined ? undefined : portNumber('port', values.port);
  const { simulator, instructions } = await serveSimulator({
    ...(port === undefined ? {} : { port }),
    ...(values.state === undefined ? {} : { stateFile: values.state }),
    ...(values['rate-limits'] ? { rateLimits: PUBLISHED_RATE_LIMITS } : {}),
  }).catch((error: unknown) => {
    // A port someone else holds is the user's choice to change, not a fault in the tool.
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'EADDRINUSE' || code === 'EACCES')
      throw new UsageError(
        `--port ${port ?? 0}: ${code === 'EADDRINUSE' ? 'the port is already in use' : 'not allowed to listen on it'} on 127.0.0.1; choose another, or --port 0 for any free one`,
      );
    throw error;
  });
  io.stdout(instructions.endsWith('\n') ? instructions : `${instructions}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await simulator.close();
  return exitCode('ok');
}
