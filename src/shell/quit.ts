// Quitting waits for the core to close (sender stops, database checkpoints) before the process
// exits: the first before-quit is cancelled, the core closes, then quit runs again and passes.
import type { App } from 'electron';

export interface QuitGuardOptions {
  /** Longest wait for close(); a hung close must not keep the app alive forever. */
  timeoutMs?: number;
  onError?: (err: unknown) => void;
}

export function installQuitGuard(
  app: Pick<App, 'quit'> & { on(event: 'before-quit', listener: (e: { preventDefault(): void }) => void): unknown },
  close: () => Promise<void>,
  opts: QuitGuardOptions = {},
): void {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  let phase: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (e) => {
    if (phase === 'closed') return;
    e.preventDefault();
    if (phase === 'closing') return;
    phase = 'closing';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        opts.onError?.(new Error(`close() did not finish within ${timeoutMs} ms; quitting anyway`));
        resolve();
      }, timeoutMs);
    });
    Promise.race([close().catch((err: unknown) => opts.onError?.(err)), timeout]).finally(() => {
      clearTimeout(timer);
      phase = 'closed';
      app.quit();
    });
  });
}
