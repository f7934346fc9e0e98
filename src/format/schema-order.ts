/**
 * The canonical key order of a manifest, read from schemas/manifest.schema.json itself so the
 * formatter and the schema cannot drift: keys come in the order the schema declares them.
 */

/** The subset of JSON Schema the manifest schema uses to nest objects. */
export interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  then?: SchemaNode;
  else?: SchemaNode;
  $defs?: Record<string, SchemaNode>;
}

export class SchemaOrder {
  constructor(private readonly root: SchemaNode) {}

  get top(): SchemaNode {
    return this.root;
  }

  /** The keys a node declares, in schema order (branches of if/then/else included). */
  keysOf(node: SchemaNode | undefined): string[] {
    const keys: string[] = [];
    for (const branch of this.branches(node)) for (const key of Object.keys(branch.properties ?? {})) keys.push(key);
    return [...new Set(keys)];
  }

  /** The schema of a mapping's value under `key`, or undefined where the schema says nothing. */
  property(node: SchemaNode | undefined, key: string): SchemaNode | undefined {
    for (const branch of this.branches(node)) {
      const found = branch.properties?.[key];
      if (found) return found;
    }
    for (const branch of this.branches(node))
      if (typeof branch.additionalProperties === 'object') return branch.additionalProperties;
    return undefined;
  }

  /** The schema of a sequence's items. */
  item(node: SchemaNode | undefined): SchemaNode | undefined {
    return this.branches(node).find((branch) => branch.items)?.items;
  }

  private branches(node: SchemaNode | undefined): SchemaNode[] {
    if (!node) return [];
    const resolved = this.resolve(node);
    return [resolved, ...this.branches(resolved.then), ...this.branches(resolved.else)];
  }

  private resolve(node: SchemaNode): SchemaNode {
    const name = /^#\/\$defs\/(.+)$/.exec(node.$ref ?? '')?.[1];
    const target = name === undefined ? undefined : this.root.$defs?.[name];
    return target ? this.resolve(target) : node;
  }
}
