/**
 * A loopback HTTP server that records every request and answers 401: where a test points
 * credentials that must never be used, to show nothing was sent to them.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Catcher {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** `METHOD path` of each request received, oldest first. */
  readonly received: string[];
  close(): Promise<void>;
}

export async function startCatcher(): Promise<Catcher> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    received.push(`${req.method ?? ''} ${req.url ?? ''}`);
    req.resume();
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"id":"caught","reason":"sent to the catcher"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
