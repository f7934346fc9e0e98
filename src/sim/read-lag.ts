/**
 * Reads that lag writes, as a replicated service's read replicas may: with a lag set, every API
 * read answers from the tenant as it was `ms` ago on the simulator's clock. Seeds, resets and
 * snapshots loaded through the control surface are seen at once (they set the scene; only the API's
 * own writes lag).
 */
import type { Clock } from '../core/clock.js';
import { SimState } from './state.js';

interface Version {
  /** From when reads `ms` later see this state. */
  from: number;
  state: SimState;
}

export class ReadLag {
  private lagMs = 0;
  /** Oldest first: the tenant before the first lagging write, then after each write. */
  private versions: Version[] = [];

  constructor(private readonly clock: Clock) {}

  get ms(): number {
    return this.lagMs;
  }

  /** A lag of 0 turns it off. Versions recorded so far are dropped: reads see the tenant as it is. */
  configure(ms: number): void {
    this.lagMs = ms;
    this.versions = [];
  }

  /** The scene was set (seed, reset, snapshot): reads see it at once. */
  forget(): void {
    this.versions = [];
  }

  /** Before an API write: what reads see until the write is `ms` old. */
  beforeWrite(state: SimState): void {
    if (this.lagMs > 0 && this.versions.length === 0)
      this.versions.push({ from: Number.NEGATIVE_INFINITY, state: copyOf(state) });
  }

  afterWrite(state: SimState): void {
    if (this.lagMs > 0) this.versions.push({ from: this.clock.now(), state: copyOf(state) });
  }

  /** The tenant a read at this moment answers from. */
  stateForRead(current: SimState): SimState {
    if (this.lagMs === 0 || this.versions.length === 0) return current;
    const seen = this.clock.now() - this.lagMs;
    const visible = this.versions.filter((v) => v.from <= seen);
    // Once the newest write is visible, the history is no longer needed.
    if (visible.length === this.versions.length) {
      this.versions = [];
      return current;
    }
    this.versions = this.versions.slice(Math.max(0, visible.length - 1));
    return this.versions[0]?.state ?? current;
  }
}

function copyOf(state: SimState): SimState {
  const copy = new SimState();
  copy.replace(state.snapshot(), state.lastId);
  return copy;
}
