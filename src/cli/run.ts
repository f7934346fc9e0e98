import { TOOL_VERSION } from '../version.js';
import { UsageError } from '../core/errors.js';
import { applyCommand } from './commands/apply.js';
import { exportCommand } from './commands/export.js';
import { fmtCommand } from './commands/fmt.js';
import { planCommand } from './commands/plan.js';
import { showCommand } from './commands/show.js';
import { simCommand } from './commands/sim.js';
import { validateCommand } from './commands/validate.js';
import { applyColorFlag, asksForHelp } from './args.js';
import { reportError } from './errors.js';
import { HELP } from './help.js';
import type { CliIo } from './io.js';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  plan: planCommand,
  show: showCommand,
  apply: applyCommand,
  export: exportCommand,
  fmt: fmtCommand,
  sim: simCommand,
};

/** Runs one command line; returns the exit code. Never throws. */
export async function runCli(argv: string[], processIo: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const io = applyColorFlag(args, processIo);
  try {
    // `zpa-gitops help plan` is `zpa-gitops plan --help`, as in Terraform and git.
    if (name === 'help' && args[0] !== undefined) return await runCli([args[0], '--help'], io);
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
      throw new UsageError(
        `unknown command "${name}"${close ? ` (did you mean "${close}"?)` : ''}; see zpa-gitops --help`,
      );
    }
    if (asksForHelp(args)) {
      io.stdout(HELP[name] ?? '');
      return 0;
    }
    return await command(args, io);
  } catch (error) {
    return reportError(error, io);
  }
}
