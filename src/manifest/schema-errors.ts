/**
 * ajv errors to diagnostics a person can act on: located at the offending YAML node, phrased
 * with the manifest's own words, with a fix. Composite keywords (oneOf, if/then/else,
 * propertyNames) report their children too; those are folded into one message here.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { isScalar } from 'yaml';
import type { Diagnostic, SourceLocation } from '../core/types.js';
import { closest, problem, quote } from './diagnostic.js';
import { describePath } from './subject.js';
import type { Locator, Segment } from './yaml-nodes.js';

const COMPOSITES = new Set(['oneOf', 'anyOf', 'propertyNames', 'not']);

export function schemaDiagnostics(errors: readonly ErrorObject[], data: unknown, locator: Locator): Diagnostic[] {
  const typeFailed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const composites = errors.filter((e) => COMPOSITES.has(e.keyword));
  const kept = errors.filter((e) => {
    if (e.keyword === 'if') return false;
    // A failing key name is reported once, by its propertyNames error (children may sit behind a $ref).
    if (e.propertyName !== undefined && e.keyword !== 'propertyNames') return false;
    // A value of the wrong type fails everything else about it too; the type is the news.
    if (e.keyword !== 'type' && typeFailed.has(e.instancePath)) return false;
    return !composites.some(
      (c) => c !== e && c.instancePath === e.instancePath && e.schemaPath.startsWith(`${c.schemaPath}/`),
    );
  });
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of kept) {
    const diagnostic = toDiagnostic(error, data, locator);
    const key = `${JSON.stringify(diagnostic.location)} ${diagnostic.message}`;
    if (!seen.has(key)) diagnostics.push(diagnostic);
    seen.add(key);
  }
  return diagnostics;
}

function toDiagnostic(error: ErrorObject, data: unknown, locator: Locator): Diagnostic {
  const path = segments(error.instancePath);
  const subject = describePath(data, path);
  const params: Record<string, unknown> = error.params;
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownField(String(params['additionalProperty']), path, subject, error, locator);
    case 'required':
      return problem(
        'missing-field',
        `${subject} has no ${String(params['missingProperty'])}`,
        `add ${String(params['missingProperty'])}: …`,
        locator.value(path),
      );
    case 'type':
      return wrongType(error, path, subject, locator);
    case 'const':
    case 'enum':
      return notAllowed(error, path, subject, locator);
    case 'pattern':
      return badPattern(error, path, subject, locator);
    case 'minLength':
      return problem('invalid-value', `${subject} is empty`, 'give a value, or remove the key', locator.value(path));
    case 'maxLength':
      return tooLong(subject, error.data, Number(params['limit']), locator.value(path));
    case 'propertyNames':
      return badPropertyName(String(params['propertyName']), subject, path, locator);
    case 'not':
    case 'oneOf':
      return oneOfRequired(error, path, subject, locator);
    default:
      return problem(
        'schema-violation',
        `${subject} ${error.message ?? 'is not valid'}`,
        'see schemas/manifest.schema.json',
        locator.value(path),
      );
  }
}

function unknownField(
  name: string,
  path: Segment[],
  subject: string,
  error: ErrorObject,
  locator: Locator,
): Diagnostic {
  const allowed = Object.keys(propertiesOf(error.parentSchema));
  const suggestion = closest(name, allowed);
  const hint = suggestion ? `did you mean ${quote(suggestion)}?` : `use one of: ${allowed.join(', ')}`;
  const message =
    path.length === 1 && path[0] === 'clientSettings'
      ? `unknown client certificate type ${quote(name)}`
      : path.length === 0
        ? `unknown field ${quote(name)}`
        : `unknown field ${quote(name)} in ${subject}`;
  return problem('unknown-field', message, hint, locator.key([...path, name]));
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  number: 'a number',
  integer: 'a whole number',
};

function wrongType(error: ErrorObject, path: Segment[], subject: string, locator: Locator): Diagnostic {
  const expected = String(error.params['type']);
  const location = locator.value(path);
  if (isClientSetting(path)) return clientSettingShape(subject, location);
  if (error.data === null)
    return problem(
      'wrong-type',
      `${subject} has no value`,
      `give ${TYPE_NAMES[expected] ?? expected}, or remove the key`,
      location,
    );
  const source = sourceText(locator, path);
  if (expected === 'string' && (typeof error.data === 'number' || typeof error.data === 'boolean')) {
    if (error.schemaPath.includes('/$defs/id/') && /^\d+$/.test(source)) {
      return problem(
        'id-not-quoted',
        `${subject} must be a quoted string of digits`,
        `quote it: "${source}" (ids exceed 2^53, so a bare number loses digits)`,
        location,
      );
    }
    if (error.schemaPath.includes('/$defs/id/'))
      return problem(
        'invalid-id',
        `${subject} must be a quoted string of digits`,
        `ids are digits only, e.g. "26781"; found ${source || describeValue(error.data)}`,
        location,
      );
    return problem(
      'wrong-type',
      `${subject} must be a string, not ${typeof error.data === 'number' ? 'a number' : 'true or false'}`,
      `quote it: "${source}"`,
      location,
    );
  }
  if (expected === 'boolean' && typeof error.data === 'string') {
    return problem(
      'wrong-type',
      `${subject} must be true or false, not the string ${quote(error.data)}`,
      'write true or false without quotes (YAML 1.2 reads yes, no, on and off as strings)',
      location,
    );
  }
  return problem(
    'wrong-type',
    `${subject} must be ${TYPE_NAMES[expected] ?? expected}`,
    `found ${describeValue(error.data)}`,
    location,
  );
}

function notAllowed(error: ErrorObject, path: Segment[], subject: string, locator: Locator): Diagnostic {
  const location = locator.value(path);
  if (isClientSetting(path)) return clientSettingShape(subject, location);
  const allowed = error.keyword === 'const' ? [error.params['allowedValue']] : asArray(error.params['allowedValues']);
  const words = allowed.map((v) => quote(v));
  if (path.at(-2) === 'ignoreChanges') return unknownIgnoredField(error, subject, allowed.map(String), location);
  const message = `${subject} must be ${words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : words[0]}`;
  const suggestion = typeof error.data === 'string' ? closest(error.data, allowed.map(String)) : undefined;
  return problem(
    'invalid-value',
    message,
    suggestion ? `did you mean ${quote(suggestion)}?` : `found ${describeValue(error.data)}`,
    location,
  );
}

/** `ignoreChanges: [enabeld]`: the field names are the manifest's own, so name the field, not the index. */
function unknownIgnoredField(error: ErrorObject, subject: string, allowed: string[], location: SourceLocation) {
  const where = subject.replace(/^ignoreChanges\.\d+/, 'ignoreChanges');
  const suggestion = typeof error.data === 'string' ? closest(error.data, allowed) : undefined;
  return problem(
    'unknown-ignored-field',
    `${where} names ${typeof error.data === 'string' ? `the unknown field ${quote(error.data)}` : describeValue(error.data)}`,
    suggestion ? `did you mean ${quote(suggestion)}?` : `use ${allowed.join(', ')}`,
    location,
  );
}

/** Field length limits: schemas/manifest.schema.json says where each comes from. */
function tooLong(subject: string, value: unknown, limit: number, location: SourceLocation | undefined): Diagnostic {
  const length = typeof value === 'string' ? [...value].length : 0;
  return problem(
    'too-long',
    `${subject} is ${length} characters long; at most ${limit} are accepted`,
    'shorten it',
    location,
  );
}

function controlCharacter(subject: string, value: unknown, location: SourceLocation | undefined): Diagnostic {
  const found = typeof value === 'string' ? CONTROL.exec(value)?.[0] : undefined;
  const code =
    found === undefined ? '' : ` (U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`;
  return problem(
    'control-character',
    `${subject} contains a control character${code}`,
    'remove it (escapes such as "\\t" or "\\u0007" in double-quoted YAML make them)',
    location,
  );
}

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
const MAX_PORTAL_NAME = 255;

function badPropertyName(name: string, subject: string, path: Segment[], locator: Locator): Diagnostic {
  const location = locator.key([...path, name]);
  const what = `${subject === 'userPortals' ? 'portal' : 'key'} name ${quote(name)}`;
  if (CONTROL.test(name)) return controlCharacter(what, name, location);
  if ([...name].length > MAX_PORTAL_NAME) return tooLong(what, name, MAX_PORTAL_NAME, location);
  return problem('blank-name', `${what} is empty or only spaces`, 'give it a name', location);
}

function badPattern(error: ErrorObject, path: Segment[], subject: string, locator: Locator): Diagnostic {
  if (String(error.params['pattern']).startsWith('^[^\\u0000-'))
    return controlCharacter(subject, error.data, locator.value(path));
  const said = (error.parentSchema as { patternErrorMessage?: unknown } | undefined)?.patternErrorMessage;
  const rule = typeof said === 'string' ? said : `must match ${String(error.params['pattern'])}`;
  const location = locator.value(path);
  if (error.schemaPath.includes('/$defs/id/'))
    return problem(
      'invalid-id',
      `${subject} ${rule}`,
      `ids are digits only, e.g. "26781"; found ${quote(error.data)}`,
      location,
    );
  if (error.params['pattern'] === '\\S' || path.at(-1) === 'microtenant')
    return problem('blank-name', `${subject} ${rule}`, 'give a name', location);
  if (path.at(-1) === 'linkPath' && typeof error.data === 'string')
    return problem('invalid-value', `${subject} ${rule}`, `write ${quote(`/${error.data}`)}`, location);
  return problem('invalid-value', `${subject} ${rule}`, `found ${quote(error.data)}`, location);
}

/** `oneOf` whose branches each require one property, and `not: { required: [...] }`: "one of these". */
function oneOfRequired(error: ErrorObject, path: Segment[], subject: string, locator: Locator): Diagnostic {
  const branches = error.keyword === 'not' ? [error.schema] : asArray(error.schema);
  const names = branches.flatMap((b) => asArray((b as { required?: unknown } | null)?.required).map(String));
  const passing: unknown = error.params['passingSchemas'];
  if (error.keyword === 'oneOf' && passing === null) {
    return problem(
      'missing-field',
      `${subject} needs ${names.join(' or ')}`,
      `add ${names.join(': …, or ')}: …`,
      locator.value(path),
    );
  }
  const given = names.filter((n) => locator.find([...path, n]));
  const later =
    given
      .map((n) => locator.key([...path, n]))
      .sort(compareLocations)
      .at(-1) ?? locator.value(path);
  return problem(
    'conflicting-fields',
    `${subject === 'the manifest' ? 'the manifest' : subject} gives both ${given.join(' and ')}`,
    'keep one',
    later,
  );
}

function clientSettingShape(subject: string, location: SourceLocation): Diagnostic {
  return problem(
    'invalid-value',
    `${subject} must be "absent" or a mapping`,
    'write absent, or give enrollmentCert (a name) or enrollmentCertId (a quoted id)',
    location,
  );
}

function isClientSetting(path: Segment[]): boolean {
  return path.length === 2 && path[0] === 'clientSettings';
}

/** The value as written in the file: a number keeps every digit the user typed. */
function sourceText(locator: Locator, path: Segment[]): string {
  const node = locator.find(path)?.node;
  return isScalar(node) && typeof node.source === 'string' ? node.source : '';
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'string' ? 'the string' : typeof value === 'number' ? 'the number' : 'the value'} ${quote(value)}`;
}

function propertiesOf(schema: unknown): Record<string, unknown> {
  const properties = (schema as { properties?: unknown } | null)?.properties;
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>) : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function segments(pointer: string): Segment[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function compareLocations(a: SourceLocation, b: SourceLocation): number {
  return a.line - b.line || a.col - b.col;
}
