// The GatewayAPI simulator in a child process, so a benchmark measures our process alone.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { SimRequest, SimStats } from './simChild';

export interface SimHandle {
  url: string;
  ask(m: SimRequest): Promise<SimStats | { type: string }>;
  close(): Promise<void>;
}

export function startSimChild(token: string): Promise<SimHandle> {
  const child: ChildProcess = fork(join(__dirname, 'simChild.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, SIM_TOKEN: token },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m: { type: string; url: string }) => {
      if (m.type !== 'ready') return reject(new Error('simulator did not start'));
      resolve({
        url: m.url,
        ask: (req) =>
          new Promise((ok) => {
            child.once('message', ok);
            child.send(req);
          }),
        close: () =>
          new Promise<void>((ok) => {
            child.once('exit', () => ok());
            child.send({ type: 'close' });
          }),
      });
    });
  });
}
