/**
 * Limits ZPA enforces, or that we enforce for it. NOTES.md: "at most 500 links per portal". The
 * field length limits live in schemas/manifest.schema.json (`maxLength`), with their reasons.
 */
export const MAX_LINKS_PER_PORTAL = 500;
