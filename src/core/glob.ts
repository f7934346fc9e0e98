/**
 * Glob patterns on names, as `ignore` takes them: `*` matches any run of characters (none
 * included), `?` exactly one; every other character matches itself, case-sensitively like ZPA's
 * names. No brackets or braces: link names often hold them literally.
 */

/** Compiles a pattern once; the matcher tests whole names. */
export function compileGlob(pattern: string): (name: string) => boolean {
  const source = [...pattern]
    .map((char) => (char === '*' ? '[\\s\\S]*' : char === '?' ? '[\\s\\S]' : escapeRegExp(char)))
    .join('');
  // `u` so `?` takes one code point (an emoji is one character in a name), anchored at both ends.
  const regex = new RegExp(`^${source}$`, 'u');
  return (name) => regex.test(name);
}

function escapeRegExp(char: string): string {
  return /[\\^$.|*+?()[\]{}]/.test(char) ? `\\${char}` : char;
}
