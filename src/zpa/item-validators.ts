/**
 * The validators for a kind's reads and writes, from the `ReplyItem` its call names (core/kind.ts):
 * the shape of one object, and of the page, array or `{field: [...]}` holding them. Compiled once
 * per item and kept: a built-in item by name, a library kind's schema by the object it gave.
 */
import type { ReplyItem } from '../core/kind.js';
import { compileReplySchema, type ReplyValidator } from './reply-check.js';
import { CLIENT_SETTING_SCHEMA } from './reply-schemas/client-setting.js';
import { BA_CERTIFICATE_SCHEMA } from './reply-schemas/ba-certificate.js';
import { ENROLLMENT_CERT_SCHEMA } from './reply-schemas/enrollment-cert.js';
import { MICROTENANT_SCHEMA } from './reply-schemas/microtenant.js';
import { pageSchema } from './reply-schemas/page.js';
import { USER_PORTAL_LINK_READ_SCHEMA, USER_PORTAL_LINK_SCHEMA } from './reply-schemas/user-portal-link.js';
import { USER_PORTAL_SCHEMA } from './reply-schemas/user-portal.js';

export class ItemValidators {
  private readonly compiled = new Map<string, ReplyValidator>();
  constructor(private readonly item: object) {}

  /** One object. */
  get one(): ReplyValidator {
    return this.compile('one', () => this.item);
  }

  /** A page of them: `{totalPages, totalCount, list}`. */
  get page(): ReplyValidator {
    return this.compile('page', () => pageSchema(this.item));
  }

  /** A bare array of them. */
  get array(): ReplyValidator {
    return this.compile('array', () => arrayOf(this.item));
  }

  /** An object holding them under `field` (the bulk create's `{userPortalLinks: [...]}`). */
  holding(field: string): ReplyValidator {
    return this.compile(`holding:${field}`, () => holding(field, this.item));
  }

  private compile(key: string, schema: () => object): ReplyValidator {
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      validate = compileReplySchema(schema());
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

const BUILT_IN = new Map<string, ItemValidators>();
const GIVEN = new WeakMap<object, ItemValidators>();

export function itemValidators(item: ReplyItem): ItemValidators {
  if (typeof item === 'object') {
    let validators = GIVEN.get(item.schema);
    if (validators === undefined) {
      validators = new ItemValidators(item.schema);
      GIVEN.set(item.schema, validators);
    }
    return validators;
  }
  let validators = BUILT_IN.get(item);
  if (validators === undefined) {
    validators = new ItemValidators(builtInSchema(item));
    BUILT_IN.set(item, validators);
  }
  return validators;
}

/** Every built-in item's schema: a Record, so a new built-in item without one does not compile. */
const BUILT_IN_SCHEMAS: Readonly<Record<Exclude<ReplyItem, object>, object>> = {
  userPortalLink: USER_PORTAL_LINK_SCHEMA,
  userPortalLinkRead: USER_PORTAL_LINK_READ_SCHEMA,
  userPortal: USER_PORTAL_SCHEMA,
  enrollmentCert: ENROLLMENT_CERT_SCHEMA,
  baCertificate: BA_CERTIFICATE_SCHEMA,
  clientSetting: CLIENT_SETTING_SCHEMA,
  microtenant: MICROTENANT_SCHEMA,
};

function builtInSchema(item: Exclude<ReplyItem, object>): object {
  return BUILT_IN_SCHEMAS[item];
}

/**
 * The schemas the built-in items are checked with (the `holding` fields are those the kinds'
 * writes name): what the build compiles to standalone code, so the CLI compiles none at start-up.
 */
export function builtInItemSchemas(holdingFields: Readonly<Record<string, readonly string[]>>): object[] {
  return Object.entries(BUILT_IN_SCHEMAS).flatMap(([name, item]) => [
    item,
    pageSchema(item),
    arrayOf(item),
    ...(holdingFields[name] ?? []).map((field) => holding(field, item)),
  ]);
}

function arrayOf(item: object): object {
  return { type: 'array', description: 'an array of objects', items: item };
}

function holding(field: string, item: object): object {
  return {
    type: 'object',
    description: `an object {${field}: [...]}`,
    required: [field],
    properties: { [field]: arrayOf(item) },
  };
}
