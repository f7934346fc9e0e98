import { TOOL_VERSION } from '../version.js';
import { UsageError } from '../core/errors.js';
import { applyColorFlag, asksForHelp } from './args.js';
import { closest } from '../core/closest.js';
import { reportError } from './errors.js';
import { exitCode } from './exit-codes.js';
import { HELP } from './help.js';
import type { CliIo } from './io.js';

type Command = (args: string[], io: CliIo) => Promise<number>;

/**
 * Each command's module is imported only when it is chosen: `--version` and `validate` load
 * neither the HTTP client (got) nor the simulator, which only `sim` loads.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  plan: async () => (await import('./commands/plan.js')).planCommand,
  show: async () => (await import('./commands/show.js')).showCommand,
  apply: async () => (await import('./commands/apply.js')).applyCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
  fmt: async () => (await import('./commands/fmt.js')).fmtCommand,
  doctor: async () => (await import('./commands/doctor.js')).doctorCommand,
  sim: async () => (await import('./commands/sim.js')).simCommand,
  comment: async () => (await import('./commands/comment.js')).commentCommand,
  'reviewed-digest': async () => (await import('./commands/reviewed-digest.js')).reviewedDigestCommand,
};

/** Runs one command line; returns the exit code. Never throws. */
export async function runCli(argv: string[], processIo: CliIo): Promise<number> {
  const [name, ...args] = withGlobalFlagsAfterCommand(argv);
  const io = applyColorFlag(args, processIo);
  try {
    // `zpa-gitops help plan` is `zpa-gitops plan --help`, as in Terraform and git.
    if (name === 'help' && args[0] !== undefined) return await runCli([args[0], '--help'], io);
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      io.stdout(HELP['main'] ?? '');
      return exitCode(name === undefined ? 'no-command' : 'ok');
    }
    if (name === '-v' || name === '--version' || name === 'version') {
      io.stdout(`${TOOL_VERSION}\n`);
      return exitCode('ok');
    }
    const load = COMMANDS[name];
    if (!load) {
      const close =
        closest(name, Object.keys(COMMANDS)) ?? Object.keys(COMMANDS).find((c) => c.startsWith(name.slice(0, 2)));
      throw new UsageError(
        `unknown command "${name}"${close ? ` (did you mean "${close}"?)` : ''}; see zpa-gitops --help`,
      );
    }
    if (asksForHelp(args)) {
      io.stdout(HELP[name] ?? '');
      return exitCode('ok');
    }
    const command = await load();
    return await command(args, io);
  } catch (error) {
    return reportError(error, io);
  }
}

/** Flags every command takes, which habit also puts before the command: `zpa-gitops -no-color plan`. */
const GLOBAL_FLAGS = new Set(['--no-color', '-no-color']);

function withGlobalFlagsAfterCommand(argv: string[]): string[] {
  const leading = argv.findIndex((arg) => !GLOBAL_FLAGS.has(arg));
  if (leading <= 0) return argv;
  return [...argv.slice(leading, leading + 1), ...argv.slice(0, leading), ...argv.slice(leading + 1)];
}
