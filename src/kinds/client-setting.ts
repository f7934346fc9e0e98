/**
 * Client settings: one per client certificate type, written by an upsert POST keyed by type
 * and deleted by `DELETE ?type=` (shared/zpa-api/NOTES.md, "Client settings").
 */
import type { DesiredObject, PlannedWrite, ReadCall, ResourceKind } from '../core/kind.js';
import { CLIENT_CERTIFICATE_TYPES, type ApiObject, type Diagnostic } from '../core/types.js';
import { idOf, optionalString, unescapeHtml } from '../canonical/normalize.js';
import { assertNever } from '../core/assert-never.js';

export type ClientSettingCanonical = {
  name: string;
  enrollmentCertId: string;
  enrollmentCertName: string;
};

// NOTES.md lists "whether client settings are microtenant scoped" as unknown. Sending microtenantId
// could scope (or be refused on) a tenant-wide setting, so these calls never carry it.
const READS: Record<string, ReadCall> = {
  /** `GET /clientSetting/all`. `GET /clientSetting` alone returns only the default one. */
  clientSettings: {
    path: '/clientSetting/all',
    paged: false,
    scoped: false,
    shape: 'client-settings',
    item: 'clientSetting',
  },
  /** NOTES.md, "Look-ups": enrollment certificates are listed under v2. */
  enrollmentCerts: { path: '/enrollmentCert', version: 'v2', paged: true, scoped: false, item: 'enrollmentCert' },
};

function canonicalLive(live: ApiObject): ClientSettingCanonical {
  // The vendor page's one example says signingCertId/signingCertName; its field table and both SDKs
  // say enrollmentCertId/Name. We send the latter and read either.
  return {
    name: unescapeHtml(optionalString(live['name'])),
    enrollmentCertId: idOf(live['enrollmentCertId'] ?? live['signingCertId']),
    enrollmentCertName: unescapeHtml(optionalString(live['enrollmentCertName'] ?? live['signingCertName'])),
  };
}

const desiredObjects: ResourceKind<ClientSettingCanonical>['desiredObjects'] = (desired, lookUp) => {
  const objects: DesiredObject<ClientSettingCanonical>[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const setting of desired.clientSettings) {
    const { type: key, location } = setting;
    if (setting.absent) {
      objects.push({ key, location, absent: true });
      continue;
    }
    // The loader guarantees a certificate on a present setting; never read its absence as `absent`.
    const result = lookUp(
      'enrollment certificate',
      setting.enrollmentCert ?? { name: '' },
      'enrollmentCerts',
      location,
    );
    if ('problem' in result) {
      diagnostics.push(result.problem);
      continue;
    }
    const cert = result.found;
    const after = { name: setting.name ?? cert.name, enrollmentCertId: cert.id, enrollmentCertName: cert.name };
    objects.push({ key, location, after: () => after });
  }
  return { objects, diagnostics };
};

/** Always sends `type`: without it the server deletes the default setting (NOTES.md). */
function typeQuery(key: string): Record<string, string> {
  if (!(CLIENT_CERTIFICATE_TYPES as readonly string[]).includes(key))
    throw new RangeError(`unknown client certificate type ${key}`);
  return { type: key };
}

const writes: ResourceKind<ClientSettingCanonical>['writes'] = (changes) => {
  const planned: PlannedWrite[] = [];
  for (const change of changes) {
    switch (change.action) {
      case 'create':
      case 'update':
        // One upsert POST creates or updates; the type is the key. Success is 204 with no body, or
        // 200/201 with one: an array (the page's example), one object (the Go SDK) or a {list}.
        planned.push({
          call: {
            method: 'POST',
            path: '/clientSetting',
            body: { clientCertificateType: change.key, ...change.after },
            scoped: false,
            reply: { expect: 'client-setting' },
          },
          changes: [change],
          destructive: false,
        });
        break;
      case 'delete':
        planned.push({
          call: {
            method: 'DELETE',
            path: '/clientSetting',
            query: typeQuery(change.key),
            scoped: false,
            reply: { expect: 'nothing' },
          },
          changes: [change],
          destructive: true,
        });
        break;
      case 'no-op':
        break;
      default:
        assertNever(change);
    }
  }
  return planned;
};

export const clientSettingKind: ResourceKind<ClientSettingCanonical> = {
  name: 'clientSetting',
  noun: 'client setting',
  wording: { plural: 'client settings', key: (key) => `of type "${key}"`, reasons: { absent: 'declared absent' } },
  collection: 'clientSettings',
  reads: READS,
  collectionsFor(desired) {
    if (desired.clientSettings.length === 0) return [];
    // Certificates are needed to resolve a name, and for the certificate name the upsert must send.
    return desired.clientSettings.some((s) => !s.absent) ? ['clientSettings', 'enrollmentCerts'] : ['clientSettings'];
  },
  desiredObjects,
  keyOfLive: (live) => optionalString(live['clientCertificateType']),
  canonicalLive,
  writes,
  groupOf: () => 'Client settings',
  references: { enrollmentCertId: 'enrollmentCerts' },
  nameTables: { enrollmentCerts: 'enrollmentCerts' },
  addressTypes: {
    'client-setting': { plural: 'client settings' },
    'client-settings': { plural: 'client settings', bare: true },
  },
  addressesOf: (change) => [`client-setting:${change.key}`, 'client-settings'],
  knownAddresses: (desired, live) => [
    'client-settings',
    ...desired.clientSettings.map((s) => `client-setting:${s.type}`),
    ...(live['clientSettings'] ?? []).map((s) => `client-setting:${optionalString(s['clientCertificateType'])}`),
  ],
};
