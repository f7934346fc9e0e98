import { TOOL_VERSION } from '../version.js';
import { UsageError } from '../core/errors.js';
import { applyCommand } from './commands/apply.js';
import { exportCommand } from './commands/export.js';
import { planCommand } from './commands/plan.js';
import { showCommand } from './commands/show.js';
import { simCommand } from './commands/sim.js';
import { validateCommand } from './commands/validate.js';
import { reportError } from './errors.js';
import { HELP } from './help.js';
const COMMANDS = {
    validate: validateCommand,
    plan: planCommand,
    show: showCommand,
    apply: applyCommand,
    export: exportCommand,
    sim: simCommand,
};
/** Runs one command line; returns the exit code. Never throws. */
export async function runCli(argv, io) {
    const [name, ...args] = argv;
    try {
        if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
            io.stdout(HELP['main'] ?? '');
            return name === undefined ? 1 : 0;
        }
        if (name === '-v' || name === '--version' || name === 'version') {
            io.stdout(`${TOOL_VERSION}\n`);
            return 0;
        }
        const command = COMMANDS[name];
        if (!command) {
            const close = Object.keys(COMMANDS).find((c) => c.startsWith(name.slice(0, 2)));
            throw new UsageError(`unknown command "${name}"${close ? ` (did you mean "${close}"?)` : ''}; see zpa-gitops --help`);
        }
        if (args.includes('--help') || args.includes('-h')) {
            io.stdout(HELP[name] ?? '');
            return 0;
        }
        return await command(args, io);
    }
    catch (error) {
        return reportError(error, io);
    }
}
