// "Is the simulator reachable?": the HTTP server on 127.0.0.1, its open sockets, and going
// offline (stop listening, cut connections: clients see "connection refused") and back online.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { write } from './replies';
import type { ServedRequest } from './server';

export class Listener {
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  listening = false;

  constructor(handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>, requests: ServedRequest[]) {
    this.server = http.createServer((req, res) => {
      handle(req, res).catch((err: unknown) => {
        // A bug in the simulator, or the client went away mid-body: answer if anyone still listens.
        requests.push({ method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0], status: 500 });
        write(res, { status: 500, body: { message: `Simulator error: ${(err as Error)?.message ?? err}` } });
      });
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  listen(port: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      this.server.once('error', onError);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', onError);
        this.listening = true;
        resolve();
      });
    });
  }

  stop(): Promise<void> {
    return new Promise<void>((resolve) => {
      if (!this.listening) return resolve();
      this.listening = false;
      this.server.close(() => resolve());
      for (const s of this.sockets) s.destroy();
    });
  }
}
