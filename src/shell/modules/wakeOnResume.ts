// After sleep or a network change, retry waiting work now rather than at the next backoff step.
import { net, powerMonitor } from 'electron';
import { watchOnline } from '../connectivity';
import type { ShellModule } from './runner';

export const wakeOnResume: ShellModule = {
  name: 'wake on resume',
  enable(ctx) {
    const core = ctx.core;
    if (!core) return 'stop';
    powerMonitor.on('resume', () => core.wake());
    watchOnline(
      () => net.isOnline(),
      () => core.wake(),
    );
  },
};
