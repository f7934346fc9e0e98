export function countOutcomes(outcomes) {
    const counts = { done: 0, failed: 0, 'not-attempted': 0 };
    for (const o of outcomes)
        counts[o.outcome] += 1;
    return counts;
}
