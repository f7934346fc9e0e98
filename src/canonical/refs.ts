/** References as the API wants them, e.g. a link's `userPortals`: ids as strings, never numbers (NOTES.md). */
export function idRefs(ids: readonly string[]): { id: string }[] {
  return ids.map((id) => ({ id: String(id) }));
}
