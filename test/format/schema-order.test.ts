/** The canonical key order comes from the schema itself, and the schema line from what is found above a file. */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PUBLISHED_SCHEMA_URL, schemaLineFor } from '../../src/format/schema-line.js';
import { SchemaOrder } from '../../src/format/schema-order.js';
import { readSchema } from '../../src/schemas.js';
import { ROOT } from '../support/built-cli.js';
import { removeWorkspaces, workspace } from '../support/workspace.js';

afterAll(() => removeWorkspaces());

describe('SchemaOrder', async () => {
  const order = new SchemaOrder(await readSchema('manifest.schema.json'));
  const portal = order.property(order.property(order.top, 'userPortals'), 'Any portal name');
  const link = order.item(order.property(portal, 'links'));

  it('reads each level in the order the schema declares', () => {
    expect(order.keysOf(order.top)).toEqual([
      'apiVersion',
      'microtenant',
      'microtenantId',
      'clientSettings',
      'userPortals',
    ]);
    expect(order.keysOf(portal)).toEqual(['portal', 'prune', 'ignore', 'ignoreChanges', 'links']);
    expect(order.keysOf(link)).toEqual([
      'name',
      'link',
      'protocol',
      'linkPath',
      'description',
      'enabled',
      'icon',
      'ignoreChanges',
    ]);
  });

  it('follows $ref and the else branch of a client setting', () => {
    const setting = order.property(order.property(order.top, 'clientSettings'), 'ZAPP_CLIENT');
    expect(order.keysOf(setting)).toEqual(['enrollmentCert', 'enrollmentCertId', 'name']);
    expect(order.property(order.top, 'nonsense')).toBeUndefined();
  });
});

describe('schemaLineFor', () => {
  it('points at this repository’s schema from the examples', async () => {
    expect(await schemaLineFor(join(ROOT, 'examples/manifests/portals/ops.yaml'))).toBe(
      'yaml-language-server: $schema=../../../schemas/manifest.schema.json',
    );
  });

  it('prefers an installed node_modules/zpa-gitops, ignores another project’s schemas/, else the published URL', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'schemas'));
    writeFileSync(join(dir, 'schemas/manifest.schema.json'), '{"$id": "https://example.com/other.json"}');
    expect(await schemaLineFor(join(dir, 'zpa/a.yaml'))).toBe(`yaml-language-server: $schema=${PUBLISHED_SCHEMA_URL}`);
    mkdirSync(join(dir, 'node_modules/zpa-gitops/schemas'), { recursive: true });
    cpSync(
      join(ROOT, 'schemas/manifest.schema.json'),
      join(dir, 'node_modules/zpa-gitops/schemas/manifest.schema.json'),
    );
    expect(await schemaLineFor(join(dir, 'zpa/a.yaml'))).toBe(
      'yaml-language-server: $schema=../node_modules/zpa-gitops/schemas/manifest.schema.json',
    );
  });
});
