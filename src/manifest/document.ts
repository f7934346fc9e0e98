/**
 * The raw manifest document, exactly as schemas/manifest.schema.json allows it. The schema is the
 * source of truth; test/manifest/schema-binding.test.ts fails if these types drift from it.
 */
import type { ClientCertificateType, IgnorableLinkField, IgnorablePortalField } from '../core/types.js';

export const API_VERSION = 'zpa-gitops/v1';
/** Any version of this tool's format: a file that names one is a manifest, supported or not. */
export const API_GROUP = 'zpa-gitops/';

export const PROTOCOLS = ['https://', 'http://'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** The word that asks for a client setting type to be removed. */
export const ABSENT = 'absent';

export interface ManifestClientSetting {
  enrollmentCert?: string;
  enrollmentCertId?: string;
  name?: string;
}

export interface ManifestLink {
  name: string;
  link?: string;
  protocol?: Protocol;
  linkPath?: string;
  description?: string;
  enabled?: boolean;
  icon?: string;
  ignoreChanges?: IgnorableLinkField[];
}

/** A portal's own fields: one domain mode (`extLabel` + `extDomain`, or `domain` + a certificate). */
export interface ManifestPortalFields {
  description?: string;
  enabled?: boolean;
  userNotification?: string;
  userNotificationEnabled?: boolean;
  extLabel?: string;
  extDomain?: string;
  domain?: string;
  certificate?: string;
  certificateId?: string;
}

export interface ManifestPortal {
  portal?: ManifestPortalFields;
  prune?: boolean;
  ignore?: string[];
  ignoreChanges?: (IgnorableLinkField | IgnorablePortalField)[];
  links?: ManifestLink[];
}

export interface ManifestDocument {
  apiVersion: typeof API_VERSION;
  microtenant?: string;
  microtenantId?: string;
  clientSettings?: Partial<Record<ClientCertificateType, ManifestClientSetting | typeof ABSENT>>;
  userPortals?: Record<string, ManifestPortal | typeof ABSENT>;
}

/**
 * The JSON type of each field, used to narrow a document the schema rejected: the loader keeps
 * reading the well-formed parts so that every problem is reported at once.
 */
export const LINK_FIELD_TYPES = {
  name: 'string',
  link: 'string',
  protocol: 'string',
  linkPath: 'string',
  description: 'string',
  enabled: 'boolean',
  icon: 'string',
  ignoreChanges: 'array',
} as const satisfies Record<keyof ManifestLink, 'string' | 'boolean' | 'array'>;

export const CLIENT_SETTING_FIELD_TYPES = {
  enrollmentCert: 'string',
  enrollmentCertId: 'string',
  name: 'string',
} as const satisfies Record<keyof ManifestClientSetting, 'string'>;

export const PORTAL_FIELD_TYPES = {
  portal: 'object',
  prune: 'boolean',
  ignore: 'array',
  ignoreChanges: 'array',
  links: 'array',
} as const satisfies Record<keyof ManifestPortal, 'boolean' | 'array' | 'object'>;

export const DOCUMENT_FIELD_TYPES = {
  apiVersion: 'string',
  microtenant: 'string',
  microtenantId: 'string',
  clientSettings: 'object',
  userPortals: 'object',
} as const satisfies Record<keyof ManifestDocument, 'string' | 'object'>;
