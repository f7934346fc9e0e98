/**
 * Last line of defence for anything we print or put in an error: the client secret and every token
 * ever issued are replaced by `***`, wherever they appear. Lines are built without them in the first
 * place; this catches a server that echoes them back.
 */

/**
 * Token shapes masked even when this process never saw the token (a reply echoing another
 * request's credentials): JWTs, GitHub's prefixed tokens, GitLab's prefixed tokens.
 */
const TOKEN_SHAPES = [
  /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
  /\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,})/g,
  /\bgl(?:pat|dt|cbt|ptt|rt|oas|ft|imt|agent|soat|ffct|rtr|wt)-[A-Za-z0-9._-]{8,}/g,
];

export class Redactor {
  private readonly secrets = new Set<string>();

  /**
   * A secret to mask wherever it appears. Very short strings would mask ordinary words, so they are
   * kept only when `always` says this one is a configured credential whatever its length.
   */
  add(secret: string, options: { always?: boolean } = {}): void {
    if (secret.length >= 6 || (options.always === true && secret.length > 0)) this.secrets.add(secret);
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is masked whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
    for (const shape of TOKEN_SHAPES) out = out.replace(shape, '***');
    // Any bearer token, even one we never saw (e.g. echoed from another request).
    return out.replace(/(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1***');
  }

  /** Redacted, then cut to `limit` characters: cutting first could leave half a token to print. */
  redactAndCut(text: string, limit: number): string {
    const redacted = this.redact(text);
    return redacted.length <= limit ? redacted : `${redacted.slice(0, limit)}…`;
  }
}

export type DebugSink = (line: string) => void;
