/**
 * Text from outside (the tenant, a server, a planted file) as a reviewer must see it. A terminal
 * obeys control characters: ESC or the 8-bit CSI (U+009B) can erase or rewrite lines already
 * printed, and bidi overrides (U+202E) reorder what a name appears to say. Each such character is
 * shown as a `\uXXXX` escape instead. Backslashes are left alone, so escaping twice changes nothing
 * and our own messages read as written. `keepNewlines` is for multi-line text we composed.
 */
const HIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const HIDDEN_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

export function visible(text: string, options: { keepNewlines?: boolean } = {}): string {
  const pattern = options.keepNewlines ? HIDDEN : HIDDEN_OR_NEWLINE;
  return text.replace(pattern, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A value quoted for a message: JSON's quotes and escapes, then every hidden character shown. */
export function quoted(text: string): string {
  return visible(JSON.stringify(text));
}
