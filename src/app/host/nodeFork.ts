// The core's process started with Node's child_process.fork, in the shape utilityProcess.fork
// returns (./coreClient.ts CoreProcess): for tests and bench/stall, where no Electron runs.
import { fork } from 'node:child_process';
import type { CoreProcess, ForkCore } from './coreClient';

export interface NodeForkOptions {
  /** e.g. ['--import', 'tsx'] to run the TypeScript entry. */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  /** The child's stdout/stderr (default: inherit, like utilityProcess). */
  stdio?: 'inherit' | 'ignore' | 'pipe';
  /** Every process started, for tests that must leave none behind. */
  started?: number[];
}

export function nodeForkCore(modulePath: string, opts: NodeForkOptions = {}): ForkCore {
  return () => {
    const io = opts.stdio ?? 'inherit';
    const child = fork(modulePath, [], {
      execArgv: opts.execArgv ?? [],
      env: opts.env ?? process.env,
      stdio: ['ignore', io, io, 'ipc'],
      // Structured clone, as utilityProcess's postMessage.
      serialization: 'advanced',
    });
    if (child.pid) opts.started?.push(child.pid);
    const proc: CoreProcess = {
      get pid() {
        return child.pid;
      },
      postMessage(msg) {
        if (child.connected) child.send(msg as never);
      },
      on(event: 'message' | 'exit', listener: (arg: never) => void) {
        if (event === 'exit') child.on('exit', (code, signal) => (listener as (c: number) => void)(code ?? (signal ? 128 : -1)));
        else child.on('message', listener as (m: unknown) => void);
        return proc;
      },
      kill: () => child.kill(),
    };
    return proc;
  };
}
