import { systemClock } from '../../core/clock.js';
import { UsageError } from '../../core/errors.js';
import { DOCTOR_FORMATS, renderDoctor } from '../../doctor/render.js';
import { runDoctor } from '../../doctor/run-doctor.js';
import { oneOf, parseCommandArgs } from '../args.js';
import { CommandInterrupts } from '../interrupts.js';
import type { CliIo } from '../io.js';
import { connect, loadDesired } from '../shared.js';

/** What the first SIGINT or SIGTERM means while the write probe runs. */
const PROBE_NOTICE = 'the write probe starts no new step; deleting its probe links.';

/**
 * `doctor [PATH...]`: exit 0 when everything plan needs works (for those manifests, when given), 1
 * otherwise; 130/143 when a signal stopped the write probe.
 */
export async function doctorCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('doctor', args, {
    format: { type: 'string' },
    'write-probe': { type: 'string' },
  });
  const format = oneOf('format', values.format, DOCTOR_FORMATS, 'text');
  const probe = values['write-probe'];
  if (probe !== undefined && probe.trim() === '') throw new UsageError('--write-probe needs a user portal name or id');
  // Bad manifests stop here, before any call, as they stop plan.
  const desired = positionals.length > 0 ? await loadDesired(positionals, io) : undefined;
  const interrupts = new CommandInterrupts(io, PROBE_NOTICE);
  const run = () =>
    runDoctor({
      env: io.env,
      clock: systemClock,
      connect: (settings, onReply) => connect(io, { settings, onReply }),
      ...(probe === undefined ? {} : { writeProbe: probe, signal: interrupts.signal }),
      ...(desired === undefined ? {} : { desired }),
    });
  // Only the write probe writes: a read-only doctor keeps the signals' default (exit at once).
  const report = probe === undefined ? await run() : await interrupts.during(run);
  io.stdout(renderDoctor(report, format));
  return interrupts.exitCode(report.ok ? 'ok' : 'checks-failed');
}
