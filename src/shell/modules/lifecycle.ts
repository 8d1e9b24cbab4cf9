// How the app starts and ends, before any window exists: every web contents guarded, a second
// launch focusing this one, quitting only after the core has closed, and the last window's close.
import { app } from 'electron';
import { installQuitGuard } from '../quit';
import { guardAllWebContents } from '../window';
import type { ShellModule } from './runner';

export const appLifecycle: ShellModule = {
  name: 'app lifecycle',
  enable(ctx) {
    guardAllWebContents(app, ctx.files.url);
    app.on('second-instance', () => ctx.focus());
    installQuitGuard(app, async () => ctx.core?.close(), {
      onError: (err) => ctx.logger.error('close failed', { err: String(err) }),
    });
    // Ctrl+C or a service manager's SIGTERM should close the core too, not kill it mid-write.
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => app.quit());
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    app.on('activate', () => {
      if (ctx.core && !ctx.win) ctx.openWindow();
    });
  },
};

/** The modules after this one need Electron's ready event (sessions, menus, windows). */
export const whenReady: ShellModule = {
  name: 'ready',
  enable: () => app.whenReady(),
};
