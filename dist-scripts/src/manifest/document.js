export const API_VERSION = 'zpa-gitops/v1';
/** Any version of this tool's format: a file that names one is a manifest, supported or not. */
export const API_GROUP = 'zpa-gitops/';
export const PROTOCOLS = ['https://', 'http://'];
/** The word that asks for a client setting type to be removed. */
export const ABSENT = 'absent';
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
};
export const CLIENT_SETTING_FIELD_TYPES = {
    enrollmentCert: 'string',
    enrollmentCertId: 'string',
    name: 'string',
};
export const PORTAL_FIELD_TYPES = {
    prune: 'boolean',
    links: 'array',
};
export const DOCUMENT_FIELD_TYPES = {
    apiVersion: 'string',
    microtenant: 'string',
    microtenantId: 'string',
    clientSettings: 'object',
    userPortals: 'object',
};
