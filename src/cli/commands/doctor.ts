import { systemClock } from '../../core/clock.js';
import { UsageError } from '../../core/errors.js';
import { DOCTOR_FORMATS, renderDoctor } from '../../doctor/render.js';
import { runDoctor } from '../../doctor/run-doctor.js';
import { oneOf, parseCommandArgs } from '../args.js';
import { exitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { connect } from '../shared.js';

/** `doctor`: exit 0 when everything plan needs works, 1 otherwise. */
export async function doctorCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('doctor', args, {
    format: { type: 'string' },
    'write-probe': { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`doctor takes no paths, got "${positionals[0]}"`);
  const format = oneOf('format', values.format, DOCTOR_FORMATS, 'text');
  const probe = values['write-probe'];
  if (probe !== undefined && probe.trim() === '') throw new UsageError('--write-probe needs a user portal name or id');
  const report = await runDoctor({
    env: io.env,
    clock: systemClock,
    connect: (settings, onReply) => connect(io, { settings, onReply }),
    ...(probe === undefined ? {} : { writeProbe: probe }),
  });
  io.stdout(renderDoctor(report, format));
  return exitCode(report.ok ? 'ok' : 'checks-failed');
}
