/**
 * The two guards on a plan's size, after octoDNS's delete and update thresholds: pruning, or
 * updating, more than a share of the live objects on managed scopes makes a plan unsafe, and
 * `apply` refuses it without `--allow-unsafe`. Detaches count as prunes, never as updates; a
 * declared `absent` is intent and counts as neither. Both count only the changes the plan keeps
 * (a targeted plan's), against every live object the kind manages.
 */
import type { PruneStats } from '../core/kind.js';
import type { Change, KindName, Plan, PlanSafety, SafetyBasis } from '../core/types.js';

export interface SafetyOptions {
  /** Pruning more than this share of the live objects on managed scopes makes a plan unsafe. */
  pruneThreshold: number;
  /** The thresholds apply only from this many live objects on. */
  pruneMinimum: number;
  /** Updating more than this share of them makes a plan unsafe (default 30 %). */
  updateThreshold?: number;
}

const DEFAULT_UPDATE_THRESHOLD = 0.3;

export const DEFAULT_SAFETY: SafetyOptions = {
  pruneThreshold: 0.3,
  pruneMinimum: 10,
  updateThreshold: DEFAULT_UPDATE_THRESHOLD,
};

/** A kind's prune statistics and the changes it kept. */
export interface GuardInput {
  kind: KindName;
  stats: Pick<PruneStats, 'counted' | 'managedLive'>;
  changes: readonly Change[];
}

export function assessSafety(inputs: readonly GuardInput[], options: SafetyOptions): PlanSafety {
  const updateThreshold = options.updateThreshold ?? DEFAULT_UPDATE_THRESHOLD;
  const basis: SafetyBasis = {
    thresholds: { prune: options.pruneThreshold, update: updateThreshold, minimum: options.pruneMinimum },
    managed: inputs.map(({ kind, stats }) => ({ kind, counted: stats.counted, live: stats.managedLive })),
  };
  return { ...verdictOf(inputs, options), basis };
}

/**
 * The verdict again, from a plan's changes and its basis alone: what `apply` believes of a saved
 * plan, whatever its `safe` says.
 */
function assessSafetyFromBasis(changes: readonly Change[], basis: SafetyBasis): PlanSafety {
  const inputs = basis.managed.map(({ kind, counted, live }) => ({
    kind,
    stats: { counted, managedLive: live },
    changes: changes.filter((c) => c.kind === kind),
  }));
  const { prune, update, minimum } = basis.thresholds;
  return { ...verdictOf(inputs, { pruneThreshold: prune, updateThreshold: update, pruneMinimum: minimum }), basis };
}

/**
 * The safety verdict a plan's changes and basis give, whatever its `safe` says. A plan without a
 * basis (a file written before it existed) has no guard to apply.
 */
export function recomputedSafety(plan: Pick<Plan, 'changes' | 'safety'>): PlanSafety {
  const { basis } = plan.safety;
  return basis ? assessSafetyFromBasis(plan.changes, basis) : { safe: true, reasons: [] };
}

function verdictOf(inputs: readonly GuardInput[], options: SafetyOptions): Omit<PlanSafety, 'basis'> {
  const reasons: string[] = [];
  for (const { stats, changes } of inputs) {
    const { counted, managedLive } = stats;
    if (managedLive < options.pruneMinimum) continue;
    const pruned = changes.filter(
      (c) => (c.action === 'delete' && c.reason === 'prune') || (c.action === 'update' && c.reason === 'detach'),
    ).length;
    const updated = changes.filter((c) => c.action === 'update' && c.reason === undefined).length;
    if (pruned / managedLive > options.pruneThreshold)
      reasons.push(
        `pruning would remove ${pruned} of ${managedLive} ${counted} ${share(pruned, managedLive, options.pruneThreshold)}`,
      );
    const updateThreshold = options.updateThreshold ?? DEFAULT_UPDATE_THRESHOLD;
    if (updated / managedLive > updateThreshold)
      reasons.push(
        `updating would change ${updated} of ${managedLive} ${counted} ${share(updated, managedLive, updateThreshold)}`,
      );
  }
  return { safe: reasons.length === 0, reasons };
}

function share(count: number, total: number, threshold: number): string {
  return `(${Math.round((count / total) * 100)} %, above the ${Math.round(threshold * 100)} % threshold)`;
}
