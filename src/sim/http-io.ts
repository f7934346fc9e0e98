/** Reading request bodies and writing replies with node:http. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Far above any real call (a bulk create of 500 links with icons), far below trouble. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError(`request body over ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface Reply {
  status: number;
  /** JSON-serialised unless `text` is given; no body when both are undefined. */
  body?: unknown;
  /** Sent as it is, with a JSON content type (used to send broken JSON on purpose). */
  text?: string;
  headers?: Record<string, string>;
}

export function send(res: ServerResponse, reply: Reply): void {
  // The client may have gone (a timeout during an injected delay): nothing to answer.
  if (res.destroyed || res.socket?.destroyed) return;
  const text = reply.text ?? (reply.body === undefined ? undefined : JSON.stringify(reply.body));
  const headers: Record<string, string | number> = { ...reply.headers };
  if (text !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(text);
  }
  res.writeHead(reply.status, headers);
  res.end(text);
}
