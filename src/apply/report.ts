import type { Change } from '../core/types.js';

export type Outcome = 'done' | 'failed' | 'not-attempted';

export interface ChangeOutcome {
  change: Change;
  outcome: Outcome;
  /** Why it failed: the ZPA error id and reason where the API gave them. */
  error?: { message: string; zpaId?: string; reason?: string };
  /** Why it was not attempted, where that is more than "an earlier write failed" (what it refers to was not created). */
  reason?: string;
  /** How long its API call took. */
  ms?: number;
}

export interface ApplyReport {
  outcomes: ChangeOutcome[];
  counts: Record<Outcome, number>;
  /** Changes done whose live object does not match the plan's after-state (the API normalised or refused a value). */
  mismatches: string[];
  /** Write calls sent, including settling retries. */
  writeCalls: number;
  durationMs: number;
}

export interface ProgressEvent {
  /** 1-based count of changes completed so far. */
  index: number;
  total: number;
  result: ChangeOutcome;
}

export function countOutcomes(outcomes: readonly ChangeOutcome[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { done: 0, failed: 0, 'not-attempted': 0 };
  for (const o of outcomes) counts[o.outcome] += 1;
  return counts;
}
