/**
 * Carrying out a plan with the fewest calls: additive writes first, destructive last, so a run cut
 * short leaves extra links, never missing ones. A write whose outcome is unknown is settled by
 * reading before anything is retried, so nothing is ever created twice. After an unrecoverable
 * failure no new write starts; every change ends as done, failed or not attempted.
 */
import pLimit from 'p-limit';
import { ApiError } from '../core/errors.js';
import { KINDS, kindOf } from '../kinds/registry.js';
import { idOf } from '../kinds/normalize.js';
import { fieldChanges } from '../planner/field-changes.js';
import { readCollections } from '../live/read-live.js';
import { hasLanded, wasCreated } from './landed.js';
import { countOutcomes } from './report.js';
import { sendWrite } from './writer.js';
export const DEFAULT_PARALLELISM = 4;
export async function applyChanges(changes, options) {
    const started = performance.now();
    const run = new ApplyRun(options, changes.filter((c) => c.action !== 'no-op').length);
    const writes = plannedWrites(changes, options.live);
    const limit = pLimit(Math.max(1, options.parallelism ?? DEFAULT_PARALLELISM));
    for (const destructive of [false, true]) {
        await Promise.all(writes.filter((w) => w.destructive === destructive).map((w) => limit(() => run.execute(w))));
    }
    const mismatches = await run.verify();
    return {
        outcomes: run.outcomes,
        counts: countOutcomes(run.outcomes),
        mismatches,
        writeCalls: run.writeCalls,
        durationMs: performance.now() - started,
    };
}
export function plannedWrites(changes, live) {
    const liveById = new Map();
    for (const kind of KINDS)
        for (const object of kind.liveObjects(live))
            liveById.set(idOf(object['id']), object);
    return KINDS.flatMap((kind) => kind.writes(changes.filter((c) => c.kind === kind.name), liveById));
}
class ApplyRun {
    options;
    total;
    outcomes = [];
    writeCalls = 0;
    stopped = false;
    constructor(options, total) {
        this.options = options;
        this.total = total;
    }
    async execute(write) {
        if (this.stopped)
            return this.finish(write.changes, 'not-attempted');
        const started = performance.now();
        try {
            this.writeCalls += 1;
            await sendWrite(write.op, this.options.writer);
            this.finish(write.changes, 'done', performance.now() - started);
        }
        catch (error) {
            if (!(error instanceof ApiError))
                throw error;
            if (error.ambiguous)
                return this.settle(write, started);
            if (error.notFound && write.changes.every((c) => c.action === 'delete')) {
                return this.finish(write.changes, 'done', performance.now() - started); // already gone
            }
            this.fail(write.changes, error, started);
        }
    }
    /** The write may or may not have happened: read, count what landed, retry only the rest, once. */
    async settle(write, started) {
        const fresh = await this.reread(write.changes);
        if (!fresh)
            return this.fail(write.changes, undefined, started);
        const landed = write.changes.filter((c) => hasLanded(c, fresh) || wasCreated(c, fresh));
        const remaining = write.changes.filter((c) => !landed.includes(c));
        this.finish(landed, 'done', performance.now() - started);
        if (remaining.length === 0)
            return;
        if (this.stopped)
            return this.finish(remaining, 'not-attempted');
        for (const retry of plannedWrites(remaining, fresh)) {
            try {
                this.writeCalls += 1;
                await sendWrite(retry.op, this.options.writer);
                this.finish(retry.changes, 'done', performance.now() - started);
            }
            catch (error) {
                this.fail(retry.changes, error instanceof ApiError ? error : undefined, started);
            }
        }
    }
    async reread(changes) {
        const collections = [...new Set(changes.map((c) => kindOf(c.kind).collection))];
        try {
            return { ...this.options.live, ...(await readCollections(this.options.source, collections)) };
        }
        catch {
            return undefined;
        }
    }
    fail(changes, error, started) {
        this.stopped = true;
        const detail = {
            message: error?.message ?? 'the outcome of the call is unknown and could not be read back',
        };
        if (error?.zpaId)
            detail.zpaId = error.zpaId;
        if (error?.reason)
            detail.reason = error.reason;
        for (const change of changes)
            this.record({ change, outcome: 'failed', error: detail, ms: performance.now() - started });
    }
    finish(changes, outcome, ms) {
        for (const change of changes)
            this.record(ms === undefined ? { change, outcome } : { change, outcome, ms });
    }
    record(result) {
        this.outcomes.push(result);
        this.options.onProgress?.({ index: this.outcomes.length, total: this.total, result });
    }
    /** One read of each collection touched, compared with the plan's after-state. */
    async verify() {
        const done = this.outcomes.filter((o) => o.outcome === 'done').map((o) => o.change);
        if (done.length === 0)
            return [];
        const fresh = await this.reread(done);
        if (!fresh)
            return ['could not read the tenant back to verify the changes'];
        return done.filter((c) => !hasLanded(c, fresh)).map((c) => describeMismatch(c, fresh));
    }
}
function describeMismatch(change, live) {
    const kind = kindOf(change.kind);
    const label = `${kind.noun} "${change.key}"`;
    if (change.action === 'delete')
        return `${label} still exists after its delete`;
    if (change.action !== 'create' && change.action !== 'update')
        return `${label} does not match the plan`;
    const objects = kind
        .liveObjects(live)
        .filter((o) => (change.action === 'create' ? kind.keyOfLive(o) === change.key : idOf(o['id']) === change.id));
    const [object, ...others] = objects;
    if (!object)
        return `${label} is missing after apply`;
    if (others.length > 0)
        return `${label} exists ${objects.length} times after apply`;
    const fields = fieldChanges(change.after, kind.canonicalLive(object)).map((f) => `${f.field} is ${JSON.stringify(f.after)}, planned ${JSON.stringify(f.before)}`);
    return `${label} differs from the plan after apply: ${fields.join('; ')}`;
}
