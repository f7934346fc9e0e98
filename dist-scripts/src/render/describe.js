import { kindOf } from '../kinds/registry.js';
import { formatValue, isMultiline, lineDiff, namesFor } from './values.js';
export function describePlan(plan, options = {}) {
    const groups = new Map();
    for (const change of plan.changes) {
        if (change.action === 'no-op' && !options.showNoOps)
            continue;
        const kind = kindOf(change.kind);
        const heading = kind.groupOf(change, plan.names);
        let group = groups.get(heading);
        if (!group)
            groups.set(heading, (group = { heading, entries: [] }));
        group.entries.push(describeChange(change, plan));
    }
    return [...groups.values()];
}
function describeChange(change, plan) {
    const kind = kindOf(change.kind);
    const label = `${kind.noun} ${JSON.stringify(change.key)}`;
    const names = (field) => namesFor(kind.references[field], plan);
    switch (change.action) {
        case 'create':
            return { sign: '+', title: `create ${label}`, details: fieldsOf(change.after, names) };
        case 'update': {
            const why = change.reason === 'detach' ? ' (taken off pruned portals)' : '';
            const details = change.fieldChanges.flatMap((fc) => describeFieldChange(fc.field, fc.before, fc.after, names(fc.field)));
            return { sign: '~', title: `update ${label}${why}`, details };
        }
        case 'delete': {
            const why = change.reason === 'absent' ? 'declared absent' : 'no longer listed on any portal it sat on';
            return { sign: '-', title: `delete ${label} (${why})`, details: [] };
        }
        case 'no-op':
            return { sign: '=', title: `unchanged ${label}`, details: [] };
    }
}
function fieldsOf(object, names) {
    return Object.entries(object)
        .filter(([, value]) => value !== '' && !(Array.isArray(value) && value.length === 0))
        .map(([field, value]) => ({ sign: ' ', text: `${field}: ${formatValue(value, names(field))}` }));
}
function describeFieldChange(field, before, after, names) {
    if (isMultiline(before, after)) {
        const lines = lineDiff(String(before), String(after));
        return [{ sign: ' ', text: `${field}:` }, ...lines.map(({ sign, line }) => ({ sign, text: `  ${line}` }))];
    }
    return [{ sign: ' ', text: `${field}: ${formatValue(before, names)} → ${formatValue(after, names)}` }];
}
export function summaryLine(plan) {
    const { create, update, delete: del } = plan.counts;
    if (create + update + del === 0)
        return 'No changes. The tenant matches the manifests.';
    return `Plan: ${create} to create, ${update} to update, ${del} to delete.`;
}
