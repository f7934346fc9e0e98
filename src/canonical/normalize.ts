/**
 * The normalisation rules that keep plans free of false drift. Every kind builds its canonical
 * shape from these, so each rule lives in one place and has one test.
 */

/** Absent, `""` and `null` are the same value for an optional string (ZPA omits empty fields on reads). */
export function optionalString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/**
 * ZPA may return names and descriptions HTML-escaped (`&amp;`): a known drift source in the vendor's
 * Terraform provider (issue #149). Unescape before comparing.
 */
export function unescapeHtml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+|#39);/g, (whole, entity: string) => {
    if (entity in NAMED_ENTITIES) return NAMED_ENTITIES[entity] ?? whole;
    const code = entity.startsWith('#x')
      ? Number.parseInt(entity.slice(2), 16)
      : entity.startsWith('#')
        ? Number.parseInt(entity.slice(1), 10)
        : NaN;
    // An entity naming no Unicode character stays as it was, rather than crash the plan.
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** `enabled` is true unless the API says false. */
export function enabledFlag(value: unknown): boolean {
  return value !== false && value !== 'false';
}

/**
 * Icons compare by content: a `data:` URI is re-encoded so that whitespace, line breaks or a
 * different base64 padding style in what the API returns do not show as a change.
 */
export function normalizeDataUri(value: unknown): string {
  const text = optionalString(value).trim();
  if (text === '') return text;
  const match = /^data:([^;,]+)((?:;[^;,]+)*);base64,(.*)$/s.exec(text);
  if (!match) return text;
  const [, mime = '', params = '', payload = ''] = match;
  const bytes = Buffer.from(payload.replace(/\s+/g, ''), 'base64');
  return `data:${mime.toLowerCase()}${params};base64,${bytes.toString('base64')}`;
}

/** Ids as a sorted set: a link's portals compare as a set, never as a list. */
export function idSet(ids: Iterable<string>): string[] {
  // Most sets are one portal, or already in order: checked in one pass, no Set made.
  if (Array.isArray(ids) && isStrictlyAscending(ids as readonly string[])) return [...(ids as string[])];
  return [...new Set(ids)].sort(compareIds);
}

function isStrictlyAscending(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (compareIds(ids[i - 1] as string, ids[i] as string) >= 0) return false;
  return true;
}

/** Numeric order for decimal id strings, without converting them to numbers (they exceed 2^53). */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The id of an API object as a string; ZPA sends ids as strings, but never trust a number. */
export function idOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return '';
}

/** A live object without a usable id cannot be written to: planning refuses rather than guess. */
export function hasUsableId(object: Record<string, unknown>): boolean {
  return /^[0-9]+$/.test(idOf(object['id']));
}
