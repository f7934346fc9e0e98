/**
 * Interrupts of a command that reads, then may write (plan, apply, the write probe): the first
 * SIGINT or SIGTERM (CI runners send SIGTERM on cancel) stops new writes; those in flight finish or
 * are settled by reading; the account of done / failed / not attempted is printed; the exit code is
 * 130 or 143. A second signal exits at once (see process-io.ts). A signal while the tenant is still
 * read and planned ends the run at once: nothing was written.
 */
import { exitCode, interruptedOutcome, type Outcome } from './exit-codes.js';
import { InterruptedBeforeWritesError, type CliIo, type InterruptSignal } from './io.js';

/** What apply says on the first signal. */
const APPLY_NOTICE = 'no new write will start; waiting for the ones in flight.';

export class CommandInterrupts {
  private readonly controller = new AbortController();
  received: InterruptSignal | undefined;

  /** `notice`: what stopping means for this command (doctor's write probe still deletes its probes). */
  constructor(
    private readonly io: CliIo,
    private readonly notice: string = APPLY_NOTICE,
  ) {}

  /** Aborted by the first signal: given to the client (no new write attempt) and the applier. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The exit code for a run the signal stopped, or for `outcome` when none arrived. */
  exitCode(outcome: Outcome): number {
    return exitCode(this.received === undefined ? outcome : interruptedOutcome(this.received));
  }

  /**
   * Runs `work`, which only reads (sign-in, the live reads, planning), with the signals trapped: the
   * first ends it at once with InterruptedBeforeWritesError (exit 130 or 143), whatever the reads
   * still wait for; they are left behind, as the process exits once that is printed.
   */
  async beforeWrites<T>(work: () => Promise<T>): Promise<T> {
    let stop: ((signal: InterruptSignal) => void) | undefined;
    const stopped = new Promise<never>((_resolve, reject) => {
      stop = (signal) => reject(new InterruptedBeforeWritesError(signal));
    });
    const release = this.io.trapInterrupts?.((signal) => {
      this.stopOn(signal);
      stop?.(signal);
    });
    try {
      return await Promise.race([work(), stopped]);
    } finally {
      release?.();
    }
  }

  /** Runs `work` with the signals trapped; outside it they keep their default (nothing is being written). */
  async during<T>(work: () => Promise<T>): Promise<T> {
    const release = this.io.trapInterrupts?.((signal) => {
      this.stopOn(signal);
      this.io.stderr(`\n${signal} received: ${this.notice} Send it again to exit at once.\n`);
    });
    try {
      return await work();
    } finally {
      release?.();
    }
  }

  /** The first signal: remembered for the exit code, and no new write starts. */
  private stopOn(signal: InterruptSignal): void {
    this.received = signal;
    this.controller.abort();
  }
}
