/**
 * The schema is the single source of truth for the manifest's shape; these tests fail when the
 * TypeScript types of the raw document (src/manifest/document.ts) drift from it.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { CLIENT_CERTIFICATE_TYPES } from '../../src/core/types.js';
import {
  API_VERSION,
  CLIENT_SETTING_FIELD_TYPES,
  DOCUMENT_FIELD_TYPES,
  LINK_FIELD_TYPES,
  PORTAL_FIELD_TYPES,
  PROTOCOLS,
  type ManifestClientSetting,
  type ManifestDocument,
  type ManifestLink,
  type ManifestPortal,
} from '../../src/manifest/document.js';
import { extractDeclarations } from '../../src/manifest/extract.js';
import type { Positions } from '../../src/manifest/yaml-nodes.js';

interface SchemaNode {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  title?: string;
  description?: string;
  required?: string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  else?: SchemaNode;
  $defs?: Record<string, SchemaNode>;
}

const schema = JSON.parse(
  readFileSync(new URL('../../schemas/manifest.schema.json', import.meta.url), 'utf8'),
) as SchemaNode;
const defs = schema.$defs ?? {};

/** Keys whose property is not optional. */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** Exactly the given keys: a missing or extra key is a type error. */
const keysOf = <K extends string>(keys: Record<K, true>): string[] => Object.keys(keys).sort();

const REQUIRED = {
  document: keysOf<RequiredKeys<ManifestDocument>>({ apiVersion: true }),
  link: keysOf<RequiredKeys<ManifestLink>>({ name: true }),
  portal: [] as RequiredKeys<ManifestPortal>[],
  clientSetting: [] as RequiredKeys<ManifestClientSetting>[],
};

function resolve(node: SchemaNode): SchemaNode {
  const name = node.$ref?.replace('#/$defs/', '');
  return name ? { ...(defs[name] ?? {}), ...node } : node;
}

/** The JSON type a property holds, as the field-type tables in document.ts name it. */
function jsonType(node: SchemaNode): string | undefined {
  const resolved = resolve(node);
  if (resolved.enum?.every((v) => typeof v === 'string') || typeof resolved.const === 'string') return 'string';
  if (resolved.additionalProperties !== undefined || resolved.properties) return resolved.type ?? 'object';
  return resolved.type;
}

function fieldTypes(properties: Record<string, SchemaNode> | undefined): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(properties ?? {}).map(([key, node]) => [key, jsonType(node)]));
}

describe('manifest schema and ManifestDocument', () => {
  it('has the same top-level fields and types', () => {
    expect(fieldTypes(schema.properties)).toEqual(DOCUMENT_FIELD_TYPES);
    expect([...(schema.required ?? [])].sort()).toEqual(REQUIRED.document);
    expect(schema.properties?.['apiVersion']?.const).toBe(API_VERSION);
  });

  it('has the same link fields, types, required fields and protocols', () => {
    const link = defs['link'];
    expect(fieldTypes(link?.properties)).toEqual(LINK_FIELD_TYPES);
    expect([...(link?.required ?? [])].sort()).toEqual(REQUIRED.link);
    expect(link?.properties?.['protocol']?.enum).toEqual([...PROTOCOLS]);
  });

  it('has the same portal and client setting fields', () => {
    expect(fieldTypes(defs['userPortal']?.properties)).toEqual(PORTAL_FIELD_TYPES);
    expect(defs['userPortal']?.required ?? []).toEqual(REQUIRED.portal);
    expect(fieldTypes(defs['clientSetting']?.else?.properties)).toEqual(CLIENT_SETTING_FIELD_TYPES);
    expect(defs['clientSetting']?.else?.required ?? []).toEqual(REQUIRED.clientSetting);
    expect(Object.keys(schema.properties?.['clientSettings']?.properties ?? {})).toEqual([...CLIENT_CERTIFICATE_TYPES]);
  });

  it('gives every property a title and a description, since editors show them', () => {
    const missing: string[] = [];
    const visit = (properties: Record<string, SchemaNode> | undefined, where: string): void => {
      for (const [key, node] of Object.entries(properties ?? {})) {
        if (!node.title || !node.description) missing.push(`${where}.${key}`);
        visit(node.properties, `${where}.${key}`);
      }
    };
    visit(schema.properties, '');
    for (const [name, def] of Object.entries(defs)) {
      visit(def.properties, `$defs.${name}`);
      visit(def.else?.properties, `$defs.${name}`);
    }
    expect(missing).toEqual([]);
  });

  it('forbids unknown fields in every object', () => {
    const objects = [
      schema,
      defs['userPortal'],
      defs['link'],
      defs['clientSetting']?.else,
      schema.properties?.['clientSettings'],
    ];
    for (const node of objects) expect(node?.additionalProperties).toBe(false);
  });

  it('is a valid 2020-12 schema that accepts a full manifest', () => {
    const ajv = new Ajv2020({ strict: false });
    const document: ManifestDocument = {
      apiVersion: API_VERSION,
      microtenant: 'Default',
      clientSettings: {
        ZAPP_CLIENT: { enrollmentCert: 'Client', name: 'Client' },
        ISOLATION_CLIENT: { enrollmentCertId: '26781' },
        APP_PROTECTION: 'absent',
      },
      userPortals: {
        Engineering: {
          prune: true,
          links: [
            {
              name: 'Grafana',
              link: 'grafana.corp.example.com',
              protocol: 'https://',
              linkPath: '/d',
              description: 'd',
              enabled: true,
              icon: 'i.png',
            },
          ],
        },
      },
    };
    expect(ajv.validate(schema, document)).toBe(true);
  });

  it('extraction reads exactly the link fields LINK_FIELD_TYPES names, each only at its type', () => {
    // extract.ts spells the fields out one by one (for speed); this keeps them bound to the table.
    const here = { file: 'm.yaml', line: 1, col: 1 };
    const positions: Positions = { file: 'm.yaml', start: () => here, value: () => here, key: () => here };
    const wellTyped: Record<string, unknown> = {
      string: 'https://',
      boolean: false,
    };
    const illTyped: Record<string, unknown> = { string: 7, boolean: 'yes' };
    const mentionOf = (link: Record<string, unknown>) => {
      const data = { apiVersion: API_VERSION, userPortals: { P: { links: [{ name: 'L', ...link }] } } };
      return extractDeclarations(data, positions, '/m').declarations.portals[0]?.links[0];
    };
    const fields = Object.entries(LINK_FIELD_TYPES).filter(([field]) => field !== 'name' && field !== 'ignoreChanges');
    const all = Object.fromEntries(fields.map(([field, type]) => [field, wellTyped[type]]));
    const read = mentionOf(all);
    expect(read?.fields).toEqual(all);
    expect(Object.keys(read?.fields ?? {})).toEqual(fields.map(([field]) => field));
    expect(Object.keys(read?.fieldLocations ?? {})).toEqual(fields.map(([field]) => field));
    for (const [field, type] of fields) expect(mentionOf({ [field]: illTyped[type] })?.fields).toEqual({});
  });
});
