// The child's end of the line to main, whichever way it was started: Electron's utilityProcess gives
// the child `process.parentPort` (messages arrive as `e.data`); Node's child_process.fork (tests,
// bench/stall) gives `process.send` and 'message' events. The host speaks to this one shape.

export interface HostPort {
  post(msg: unknown): void;
  onMessage(fn: (msg: unknown) => void): void;
  /** Main is gone (fork only: Electron ends a utility process with its main process). */
  onDisconnect(fn: () => void): void;
}

/** The part of Electron's ParentPort the host uses (structural: src/app imports nothing from Electron). */
interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  postMessage(msg: unknown): void;
}

type ProcessLike = NodeJS.EventEmitter & {
  parentPort?: ParentPortLike;
  send?: (msg: unknown) => boolean;
  connected?: boolean;
};

export function parentPortOf(proc: ProcessLike): HostPort {
  const pp = proc.parentPort;
  if (pp) {
    return {
      post: (msg) => pp.postMessage(msg),
      onMessage: (fn) => void pp.on('message', (e) => fn(e?.data)),
      onDisconnect: () => {},
    };
  }
  const send = proc.send;
  if (!send) throw new Error('The outbox core must be started by the app (utilityProcess) or with child_process.fork.');
  return {
    post: (msg) => {
      // A parent that is gone cannot be told anything; 'disconnect' ends this process.
      if (proc.connected === false) return;
      try {
        send.call(proc, msg);
      } catch {
        /* channel closed meanwhile */
      }
    },
    onMessage: (fn) => void proc.on('message', fn),
    onDisconnect: (fn) => void proc.on('disconnect', fn),
  };
}
