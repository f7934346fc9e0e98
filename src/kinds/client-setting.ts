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

/**
 * NOTES.md, "User portal links" and "Still unknown": whether client settings are microtenant scoped is
 * unknown, and both vendor SDKs add `ZPA_MICROTENANT_ID` to every call. In the Default microtenant
 * these calls carry none (what has always worked); in another one they carry its id, as the SDKs do,
 * and the plan's target line says so.
 */
const SCOPE = 'outside-default';

const READS: Record<string, ReadCall> = {
  /**
   * NOTES.md, "Client settings": read both `GET /clientSetting` and `GET /clientSetting/all` and merge
   * by type. The vendor page's examples show the default `ZAPP_CLIENT` setting only under the first
   * and the other types only under `/all`; the Python SDK says the first returns every type. The same
   * id seen twice is one setting (the client merges by id); two ids for one type are refused by the
   * planner as live duplicates, naming both.
   */
  clientSettings: {
    path: '/clientSetting',
    alsoAt: ['/clientSetting/all'],
    paged: false,
    scoped: SCOPE,
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

function isKnownType(type: string): boolean {
  return (CLIENT_CERTIFICATE_TYPES as readonly string[]).includes(type);
}

/** Always sends `type`: without it the server deletes the default setting (NOTES.md). */
function typeQuery(key: string): Record<string, string> {
  if (!isKnownType(key)) throw new RangeError(`unknown client certificate type ${key}`);
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
            scoped: SCOPE,
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
            scoped: SCOPE,
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
  // NOTES.md, "Client settings": the set of types is not settled (four on the page, three in the Go
  // SDK, "CLIENT_CONNECTOR" in Python docstrings). A type we do not know is left alone, with a warning.
  unmanagedReason: (live) => {
    const type = optionalString(live['clientCertificateType']);
    return isKnownType(type)
      ? undefined
      : `its type "${type}" is not one zpa-gitops knows (${CLIENT_CERTIFICATE_TYPES.join(', ')})`;
  },
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
    ...(live['clientSettings'] ?? [])
      .map((s) => optionalString(s['clientCertificateType']))
      .filter(isKnownType)
      .map((type) => `client-setting:${type}`),
  ],
};
