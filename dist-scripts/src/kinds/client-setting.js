import { fieldChanges } from '../planner/field-changes.js';
import { fingerprint, sameCanonical } from '../planner/equality.js';
import { hasUsableId, idOf, optionalString, unescapeHtml, unusableIdDiagnostic } from './normalize.js';
function canonicalLive(live) {
    // The vendor page's one example says signingCertId/signingCertName; its field table and both SDKs
    // say enrollmentCertId/Name. We send the latter and read either.
    return {
        name: unescapeHtml(optionalString(live['name'])),
        enrollmentCertId: idOf(live['enrollmentCertId'] ?? live['signingCertId']),
        enrollmentCertName: unescapeHtml(optionalString(live['enrollmentCertName'] ?? live['signingCertName'])),
    };
}
function keyOfLive(live) {
    return optionalString(live['clientCertificateType']);
}
function plan(desired, live) {
    const liveByType = new Map(live.clientSettings.map((object) => [keyOfLive(object), object]));
    const changes = [];
    const diagnostics = live.clientSettings
        .filter((o) => !hasUsableId(o))
        .map((o) => unusableIdDiagnostic('client setting', keyOfLive(o)));
    for (const setting of desired.clientSettings) {
        const current = liveByType.get(setting.type);
        const base = { kind: 'clientSetting', key: setting.type, declaredAt: setting.location };
        if (setting.absent) {
            if (current) {
                const before = canonicalLive(current);
                changes.push({
                    ...base,
                    action: 'delete',
                    id: idOf(current['id']),
                    before,
                    fingerprint: fingerprint(before),
                    reason: 'absent',
                });
            }
            continue;
        }
        const after = {
            name: setting.name,
            enrollmentCertId: setting.enrollmentCertId,
            enrollmentCertName: setting.enrollmentCertName,
        };
        if (!current) {
            changes.push({ ...base, action: 'create', after });
            continue;
        }
        const before = canonicalLive(current);
        const id = idOf(current['id']);
        if (sameCanonical(before, after)) {
            changes.push({ ...base, action: 'no-op', id, before, fingerprint: fingerprint(before) });
        }
        else {
            changes.push({
                ...base,
                action: 'update',
                id,
                before,
                after,
                fieldChanges: fieldChanges(before, after),
                fingerprint: fingerprint(before),
            });
        }
    }
    return { changes, diagnostics };
}
function writes(changes) {
    const planned = [];
    for (const change of changes) {
        const type = change.key;
        switch (change.action) {
            case 'create':
            case 'update':
                // One upsert POST creates or updates; the type is the key.
                planned.push({
                    op: { call: 'upsertClientSetting', body: { clientCertificateType: type, ...change.after } },
                    changes: [change],
                    destructive: false,
                });
                break;
            case 'delete':
                planned.push({ op: { call: 'deleteClientSetting', type }, changes: [change], destructive: true });
                break;
            case 'no-op':
                break;
        }
    }
    return planned;
}
export const clientSettingKind = {
    name: 'clientSetting',
    collection: 'clientSettings',
    noun: 'client setting',
    liveObjects: (live) => live.clientSettings,
    keyOfLive,
    canonicalLive,
    plan,
    writes,
    groupOf: () => 'Client settings',
    references: { enrollmentCertId: 'enrollmentCerts' },
};
