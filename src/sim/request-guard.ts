/**
 * Who may talk to the simulator: only a client that reached it by the address it printed. A web
 * page can make a browser send requests to 127.0.0.1; a rebound DNS name then carries its own name
 * in `Host`, and a cross-site request carries the page's `Origin`. Both are refused before anything
 * is read or changed, so no page can read the tenant or the client secret, or reset the state.
 */
import type { IncomingMessage } from 'node:http';
import type { Reply } from './http-io.js';

/** `Sec-Fetch-Site` values a browser sends for a request a page of another site started. */
const FOREIGN_SITES = new Set(['cross-site', 'same-site']);

/** Undefined when the request may go on; else the refusal to send. `baseUrl` is `http://127.0.0.1:PORT`. */
export function refuseForeignRequest(req: IncomingMessage, baseUrl: string): Reply | undefined {
  const own = new URL(baseUrl);
  const host = req.headers.host;
  if (host !== own.host)
    return {
      status: 421,
      body: {
        id: 'sim.host.refused',
        reason: `The simulator answers only requests for ${own.host}, not ${host === undefined ? 'a request without a Host header' : JSON.stringify(host)}`,
      },
    };
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if ((origin !== undefined && origin !== own.origin) || (typeof site === 'string' && FOREIGN_SITES.has(site)))
    return {
      status: 403,
      body: {
        id: 'sim.origin.refused',
        reason: `The simulator answers no cross-site request (Origin ${JSON.stringify(origin ?? 'absent')}, Sec-Fetch-Site ${JSON.stringify(site ?? 'absent')})`,
      },
    };
  return undefined;
}
