// How the app starts and ends, before any window exists: every web contents guarded, a second
// launch focusing this one, quitting only after the core has closed, and the last window's close.
import { app, dialog } from 'electron';
import { installCrashGuard } from '../../app/crashGuard';
import { installQuitGuard } from '../quit';
import { guardAllWebContents } from '../window';
import { sayFor } from './language';
import type { ShellModule } from './runner';

export const appLifecycle: ShellModule = {
  name: 'app lifecycle',
  enable(ctx) {
    guardAllWebContents(app, ctx.files.url);
    app.on('second-instance', () => ctx.focus());
    installQuitGuard(app, async () => ctx.core?.close(), {
      // Past the core's own quit handshake (10 s, then it is killed), so the kill comes first.
      timeoutMs: 12_000,
      onError: (err) => ctx.logger.error('close failed', { err: String(err) }),
    });
    // Ctrl+C or a service manager's SIGTERM should close the core too, not kill it mid-write.
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => app.quit());
    // An error nobody caught: logged, and shown once as a sentence (Electron's own dialog would show
    // a stack trace). The app keeps running; every write is one transaction, so nothing is half-stored.
    let shown = false;
    installCrashGuard(process, ({ kind, text, error }) => {
      ctx.logger.error(kind === 'rejection' ? 'unhandled rejection' : 'uncaught exception', {
        err: String(error),
        stack: error instanceof Error ? error.stack : undefined,
      });
      if (shown || !app.isReady()) return;
      shown = true;
      // In the user's language (Settings, else the OS's); the log keeps the English detail.
      const say = sayFor(ctx);
      dialog.showErrorBox(say({ code: 'notification_title' }), say({ code: 'crash_box', problem: text, logFile: ctx.logFile }));
    });
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
