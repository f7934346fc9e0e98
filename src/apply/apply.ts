/**
 * Carrying out a plan with the fewest calls, in steps: creates and updates kind by kind in
 * dependency order (portals, then the links on them), then deletes and detaches in the reverse
 * order (links off portals, then the portals), so a run cut short leaves extra links, never
 * missing ones, and never deletes what something still sits on. Inside a step the writes run
 * concurrently. A change that refers to an object the plan creates is written once that create has
 * landed, with its real id; when it did not land, the change is not attempted and says why. A write whose outcome is unknown is settled by
 * reading before anything is retried, so nothing is ever created twice. After an unrecoverable
 * failure no new write starts; every change ends as done, failed or not attempted.
 */
import pLimit from 'p-limit';
import { systemClock, type Clock } from '../core/clock.js';
import { ApiError, NOT_SENT_REASON } from '../core/errors.js';
import type { PlannedWrite } from '../core/kind.js';
import type { ApiObject, Change, LiveState } from '../core/types.js';
import type { KindSet } from '../core/kind-set.js';
import { BUILT_IN_KINDS } from '../kinds/built-in.js';
import { idOf } from '../canonical/normalize.js';
import { fieldChanges } from '../canonical/field-changes.js';
import type { LiveSource } from '../live/source.js';
import { parsePlannedRef, refsOfChange, withRealIds } from '../canonical/planned-refs.js';
import { CreatedIds } from './created-ids.js';
import { hasLanded, wasCreated } from './landed.js';
import { liveObjectsOf } from './live-object.js';
import { rereadTouched, sizesOf } from './reread.js';
import { countOutcomes, type ApplyReport, type ChangeOutcome, type ProgressEvent } from './report.js';
import type { ApiWriter } from './writer.js';

export const DEFAULT_PARALLELISM = 4;

/**
 * How long a read that does not yet show a write is read again before it is believed: nothing the
 * vendor publishes promises that a read right after a write sees it, and replicated services often
 * answer from a replica a moment behind.
 */
const DEFAULT_READ_PATIENCE_MS = 5000;

/** The first wait before reading again; each later one doubles, up to the patience left. */
const FIRST_REREAD_WAIT_MS = 250;

export interface ApplyOptions {
  writer: ApiWriter;
  source: LiveSource;
  /** The live state the plan was computed from (PUT bodies start from these objects). */
  live: LiveState;
  /**
   * How many live objects each collection holds, to choose between page reads and single GETs when
   * reading back (reread.ts); by default the sizes in `live`.
   */
  sizeOf?: (collection: string) => number | undefined;
  parallelism?: number;
  /** The kinds the changes are of (core/kind-set.ts); the built-in ones by default. */
  kinds?: KindSet;
  onProgress?: (event: ProgressEvent) => void;
  /**
   * Aborted by a first SIGINT/SIGTERM: no new write starts, those in flight finish (or are settled
   * by reading), the rest are "not attempted". The verifying read is skipped to exit promptly.
   */
  signal?: AbortSignal;
  /** Waits between patient re-reads run on it (the system clock by default). */
  clock?: Clock;
  /** How long settling and verifying read again before believing a read (DEFAULT_READ_PATIENCE_MS). */
  readPatienceMs?: number;
}

export async function applyChanges(changes: readonly Change[], options: ApplyOptions): Promise<ApplyReport> {
  const started = performance.now();
  const kinds = options.kinds ?? BUILT_IN_KINDS;
  const run = new ApplyRun(options, kinds, changes);
  // Every write is planned before the first is sent: a kind that cannot carry a change stops here.
  const writes = plannedWrites(changes, options.live, kinds);
  const limit = pLimit(Math.max(1, options.parallelism ?? DEFAULT_PARALLELISM));
  const byDepth = new Map<number, PlannedWrite[]>();
  for (const write of writes) {
    const depth = kinds.depthOf(write.changes[0]?.kind ?? '');
    byDepth.set(depth, [...(byDepth.get(depth) ?? []), write]);
  }
  const destructive: PlannedWrite[][] = [];
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    const ready = await run.withRealIds(byDepth.get(depth) ?? []);
    destructive.unshift(ready.filter((w) => w.destructive));
    await Promise.all(ready.filter((w) => !w.destructive).map((w) => limit(() => run.execute(w))));
  }
  for (const step of destructive) await Promise.all(step.map((w) => limit(() => run.execute(w))));
  const mismatches = options.signal?.aborted ? [] : await run.verify();
  return {
    outcomes: run.outcomes,
    counts: countOutcomes(run.outcomes),
    mismatches,
    writeCalls: run.writeCalls,
    durationMs: performance.now() - started,
  };
}

/**
 * Each kind's writes for its changes. Every change to make must be carried by exactly one write:
 * a kind that leaves one out would otherwise have it reported as done without a call.
 */
function plannedWrites(changes: readonly Change[], live: LiveState, kinds: KindSet): PlannedWrite[] {
  for (const change of changes) kinds.kind(change.kind); // a kind this set does not hold stops the run here
  const liveById = new Map<string, ApiObject>();
  for (const kind of kinds.kinds)
    for (const object of live[kind.collection] ?? []) liveById.set(idOf(object['id']), object);
  const writes = kinds.kinds.flatMap((kind) =>
    kind.writes(
      changes.filter((c) => c.kind === kind.name),
      liveById,
    ),
  );
  const carried = new Map<Change, number>();
  for (const change of writes.flatMap((w) => w.changes)) carried.set(change, (carried.get(change) ?? 0) + 1);
  const missing = changes.filter((c) => c.action !== 'no-op' && carried.get(c) !== 1);
  if (missing.length > 0)
    throw new Error(`no single write carries ${missing.map((c) => `${c.kind} "${c.key}"`).join(', ')}`);
  return writes;
}

class ApplyRun {
  readonly outcomes: ChangeOutcome[] = [];
  writeCalls = 0;
  private stopped = false;
  private readonly total: number;
  private readonly created: CreatedIds;

  constructor(
    private readonly options: ApplyOptions,
    private readonly kinds: KindSet,
    changes: readonly Change[],
  ) {
    this.total = changes.filter((c) => c.action !== 'no-op').length;
    this.created = new CreatedIds(kinds, changes);
  }

  /**
   * The writes of one step with the ids of what earlier steps created: a write whose changes refer
   * to a planned create is planned again from the changes with real ids. A change whose create did
   * not land is not attempted, with the reason.
   */
  async withRealIds(writes: readonly PlannedWrite[]): Promise<PlannedWrite[]> {
    if (!this.created.any) return [...writes];
    const unread = this.created.takeUnread();
    if (unread.length > 0) {
      const fresh = await this.reread(unread);
      if (fresh) this.created.noteLive(unread, fresh);
    }
    const ready: PlannedWrite[] = [];
    const replan: Change[] = [];
    for (const write of writes) {
      if (write.changes.some((c) => refsOfChange(c).length > 0)) replan.push(...write.changes);
      else ready.push(write);
    }
    if (replan.length === 0) return ready;
    const real: Change[] = [];
    for (const change of replan) {
      const withIds = withRealIds(change, this.created.ids);
      if (withIds) real.push(withIds);
      else this.record({ change, outcome: 'not-attempted', reason: this.missingReason(change) });
    }
    return [...ready, ...plannedWrites(real, this.options.live, this.kinds)];
  }

  private missingReason(change: Change): string {
    const missing = refsOfChange(change).filter((ref) => !this.created.ids.has(ref));
    const names = missing.map((ref) => {
      const planned = parsePlannedRef(ref);
      return planned
        ? `${this.kinds.has(planned.kind) ? this.kinds.kind(planned.kind).noun : planned.kind} ${JSON.stringify(planned.key)}`
        : ref;
    });
    return `${names.join(', ')} ${names.length === 1 ? 'was' : 'were'} not created`;
  }

  private get halted(): boolean {
    return this.stopped || this.options.signal?.aborted === true;
  }

  async execute(write: PlannedWrite): Promise<void> {
    if (this.halted) return this.finish(write.changes, 'not-attempted');
    const started = performance.now();
    try {
      this.writeCalls += 1;
      const reply = await this.options.writer.write(write.call);
      this.finish(write.changes, 'done', performance.now() - started);
      this.created.noteReply(write.changes, reply);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.ambiguous) return this.settle(write, started);
      if (error.reason === NOT_SENT_REASON) return this.finish(write.changes, 'not-attempted');
      if (error.notFound && write.changes.every((c) => c.action === 'delete')) {
        return this.finish(write.changes, 'done', performance.now() - started); // already gone
      }
      this.fail(write.changes, error, started);
    }
  }

  /**
   * The write may or may not have happened: read, with patience, until all of it shows. Whatever
   * shows is done. When part of it shows, the reads have seen the write, so the rest did not land:
   * only that is written again, once. When none of it shows within the patience it is "not
   * confirmed yet" and never written again: a read that lags could be hiding it.
   */
  private async settle(write: PlannedWrite, started: number): Promise<void> {
    const landedIn = (c: Change, live: LiveState) => hasLanded(c, live, this.kinds) || wasCreated(c, live, this.kinds);
    const fresh = await this.readPatiently(write.changes, (live) => write.changes.every((c) => landedIn(c, live)));
    if (!fresh) return this.fail(write.changes, undefined, started);
    const landed = write.changes.filter((c) => landedIn(c, fresh));
    const remaining = write.changes.filter((c) => !landed.includes(c));
    this.finish(landed, 'done', performance.now() - started);
    this.created.noteLive(landed, fresh);
    if (remaining.length === 0) return;
    if (landed.length === 0) return this.unconfirmed(remaining, started);
    if (this.halted) return this.finish(remaining, 'not-attempted');
    for (const retry of plannedWrites(remaining, fresh, this.kinds)) {
      try {
        this.writeCalls += 1;
        const reply = await this.options.writer.write(retry.call);
        this.finish(retry.changes, 'done', performance.now() - started);
        this.created.noteReply(retry.changes, reply);
      } catch (error) {
        if (error instanceof ApiError && error.reason === NOT_SENT_REASON && !error.ambiguous)
          this.finish(retry.changes, 'not-attempted');
        else this.fail(retry.changes, error instanceof ApiError ? error : undefined, started);
      }
    }
  }

  /**
   * What `changes` touch, read until `settled` holds of it or the patience runs out (the last read
   * either way; undefined when the last read failed). Each wait doubles the one before.
   */
  private async readPatiently(
    changes: readonly Change[],
    settled: (live: LiveState) => boolean,
  ): Promise<LiveState | undefined> {
    const clock = this.options.clock ?? systemClock;
    const deadline = clock.now() + (this.options.readPatienceMs ?? DEFAULT_READ_PATIENCE_MS);
    for (let wait = FIRST_REREAD_WAIT_MS; ; wait *= 2) {
      const fresh = await this.reread(changes);
      const left = deadline - clock.now();
      if ((fresh && settled(fresh)) || left <= 0 || this.options.signal?.aborted) return fresh;
      await clock.sleep(Math.min(wait, left));
    }
  }

  private unconfirmed(changes: readonly Change[], started: number): void {
    this.stopped = true;
    const seconds = Math.round((this.options.readPatienceMs ?? DEFAULT_READ_PATIENCE_MS) / 1000);
    const detail = {
      message: `not confirmed yet: its reply was lost and the tenant's reads did not show it within ${seconds} s; it was not sent again (run plan: a re-run converges)`,
    };
    for (const change of changes)
      this.record({ change, outcome: 'failed', error: detail, ms: performance.now() - started });
  }

  /** What `changes` touch, read again (only that: reread.ts), over the plan's live state. */
  private async reread(changes: readonly Change[]): Promise<LiveState | undefined> {
    const sizeOf = this.options.sizeOf ?? sizesOf(this.options.live);
    try {
      return { ...this.options.live, ...(await rereadTouched(this.options.source, changes, sizeOf, this.kinds)) };
    } catch {
      return undefined;
    }
  }

  private fail(changes: readonly Change[], error: ApiError | undefined, started: number): void {
    this.stopped = true;
    const detail: NonNullable<ChangeOutcome['error']> = {
      message: error?.message ?? 'the outcome of the call is unknown and could not be read back',
    };
    if (error?.zpaId) detail.zpaId = error.zpaId;
    if (error?.reason) detail.reason = error.reason;
    for (const change of changes)
      this.record({ change, outcome: 'failed', error: detail, ms: performance.now() - started });
  }

  private finish(changes: readonly Change[], outcome: 'done' | 'not-attempted', ms?: number): void {
    for (const change of changes) this.record(ms === undefined ? { change, outcome } : { change, outcome, ms });
  }

  private record(result: ChangeOutcome): void {
    this.outcomes.push(result);
    this.options.onProgress?.({ index: this.outcomes.length, total: this.total, result });
  }

  /**
   * What the done changes touch, read again (reread.ts) until it matches the plan's after-state or
   * the patience runs out: a read that lags is not a mismatch.
   */
  async verify(): Promise<string[]> {
    const done = this.outcomes.filter((o) => o.outcome === 'done').map((o) => o.change);
    if (done.length === 0) return [];
    const fresh = await this.readPatiently(done, (live) => done.every((c) => hasLanded(c, live, this.kinds)));
    if (!fresh) return ['could not read the tenant back to verify the changes'];
    const patience = Math.round((this.options.readPatienceMs ?? DEFAULT_READ_PATIENCE_MS) / 1000);
    const after = patience > 0 ? ` (not confirmed yet: so in every read for ${patience} s)` : '';
    return done
      .filter((c) => !hasLanded(c, fresh, this.kinds))
      .map((c) => `${describeMismatch(this.kinds, c, fresh)}${after}`);
  }
}

function describeMismatch(kinds: KindSet, change: Change, live: LiveState): string {
  const kind = kinds.kind(change.kind);
  const label = `${kind.noun} "${change.key}"`;
  if (change.action === 'delete') return `${label} still exists after its delete`;
  if (change.action !== 'create' && change.action !== 'update') return `${label} does not match the plan`;
  const objects = liveObjectsOf(kind, change, live);
  const [object, ...others] = objects;
  if (!object) return `${label} is missing after apply`;
  if (others.length > 0) return `${label} exists ${objects.length} times after apply`;
  const fields = fieldChanges(change.after, kind.canonicalLive(object)).map(
    (f) => `${f.field} is ${JSON.stringify(f.after)}, planned ${JSON.stringify(f.before)}`,
  );
  return `${label} differs from the plan after apply: ${fields.join('; ')}`;
}
