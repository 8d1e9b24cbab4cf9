// A black-holed GatewayAPI: a TCP server on 127.0.0.1 that accepts connections and never says a
// word. Reached over https:// the TLS handshake never completes, so a client's connect phase never
// ends (a firewall dropping packets, a stalled TLS proxy): what the connect deadline is for.
import net from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

export interface Blackhole {
  /** https://127.0.0.1:PORT — the handshake stalls. */
  url: string;
  port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Everything received, all connections together (a TLS ClientHello at most: never a request). */
  received(): Buffer;
  close(): Promise<void>;
}

export async function startBlackhole(): Promise<Blackhole> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const chunks: Buffer[] = [];
  const server = net.createServer((s) => {
    connections++;
    sockets.add(s);
    s.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
    });
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    get connections() {
      return connections;
    },
    received: () => Buffer.concat(chunks),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
