import { UsageError } from '../../core/errors.js';
import { PUBLISHED_RATE_LIMITS } from '../../sim/index.js';
import { serveSimulator } from '../../sim/serve.js';
import { parseCommandArgs, positiveInteger } from '../args.js';
/** Runs the embedded simulator until the process is stopped (Ctrl-C). */
export async function simCommand(args, io) {
    const { values, positionals } = parseCommandArgs('sim', args, {
        port: { type: 'string' },
        state: { type: 'string' },
        'rate-limits': { type: 'boolean' },
    });
    if (positionals.length > 0)
        throw new UsageError(`sim takes no arguments, got "${positionals[0]}"`);
    const port = values.port === undefined ? undefined : positiveInteger('port', values.port, 0);
    const { simulator, instructions } = await serveSimulator({
        ...(port === undefined ? {} : { port }),
        ...(values.state === undefined ? {} : { stateFile: values.state }),
        ...(values['rate-limits'] ? { rateLimits: PUBLISHED_RATE_LIMITS } : {}),
    });
    io.stdout(instructions.endsWith('\n') ? instructions : `${instructions}\n`);
    await new Promise((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
    });
    await simulator.close();
    return 0;
}
