/**
 * A loopback port this test holds for its whole life, while nothing may be listening on it: connections
 * to it are refused, yet no other test (or worker) can be given it by `listen(0)`.
 *
 * How: a socket connected from 127.0.0.1 to a small anchor server of ours is bound to an ephemeral
 * local port by the kernel. That port stays bound, so the kernel never hands it to another `listen(0)`,
 * but no socket listens on it, so a connect to it is refused (ECONNREFUSED). libuv binds with
 * SO_REUSEADDR, so a server of ours can still `listen` on it (and stop) as often as the test needs.
 * This replaces "close the server and start it again on the same port", which races other workers.
 */
import net from 'node:net';

export interface HeldPort {
  readonly port: number;
  release(): Promise<void>;
}

export async function holdPort(): Promise<HeldPort> {
  const accepted: net.Socket[] = [];
  const anchor = net.createServer((socket) => {
    socket.on('error', () => undefined);
    accepted.push(socket);
  });
  await new Promise<void>((resolve) => anchor.listen(0, '127.0.0.1', resolve));
  const { port: anchorPort } = anchor.address() as net.AddressInfo;
  const holder = net.connect({ host: '127.0.0.1', port: anchorPort, localAddress: '127.0.0.1' });
  holder.on('error', () => undefined);
  await new Promise<void>((resolve) => holder.once('connect', resolve));
  const port = holder.localPort;
  if (port === undefined) throw new Error('held port: the socket has no local port');
  return {
    port,
    release: async () => {
      holder.destroy();
      for (const socket of accepted) socket.destroy();
      await new Promise<void>((resolve) => anchor.close(() => resolve()));
    },
  };
}
