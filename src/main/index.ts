// The Electron shell's composition root: lifecycle, one window, the bridge. All logic is in the
// Electron-free core (./app/openApp); this file only wires Electron's services into it.
import { app, BrowserWindow, dialog, ipcMain, net, Notification, powerMonitor, session } from 'electron';
import { join } from 'node:path';
import type { EventName, Notice } from '../shared/contract';
import { watchOnline } from './connectivity';
import { openApp, type SmsOutboxApp } from './app/openApp';
import { defaultDataDir } from './core/paths';
import { createKeytarStore } from './core/secrets/secretStore';
import type { Logger } from './core/types';
import { bindIpc, sendEvent } from './ipc';
import { explainOpenError } from './nativeBinding';
import { createNoticeNotifier } from './notifications';
import { installQuitGuard } from './quit';
import { createMainWindow, guardAllWebContents, hardenSession, rendererFiles } from './window';

const logger: Logger = {
  info: (msg, data) => console.log(msg, data ?? ''),
  warn: (msg, data) => console.warn(msg, data ?? ''),
  error: (msg, data) => console.error(msg, data ?? ''),
};

// Before anything reads it: the single-instance lock and Chromium's files follow userData, and the
// CLI finds the same database through the same function.
const dataDir = defaultDataDir();
app.setPath('userData', dataDir);
// Chromium's caches in a subfolder, so the data folder shows the outbox database, not browser clutter.
app.setPath('sessionData', join(dataDir, 'chromium'));
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another instance owns this data folder; it has been told to come to the front.
  app.quit();
} else {
  start();
}

function start(): void {
  const files = rendererFiles(__dirname);
  let win: BrowserWindow | null = null;
  let core: SmsOutboxApp | null = null;

  const focus = () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };

  const notify = createNoticeNotifier({ Notification, onClick: focus });
  const emit = (event: EventName, payload: unknown) => {
    sendEvent(win, event, payload);
    if (event === 'notice') notify(payload as Notice);
  };

  const openWindow = () => {
    win = createMainWindow(files);
    win.on('closed', () => {
      win = null;
    });
  };

  guardAllWebContents(app, files.url);
  app.on('second-instance', focus);
  installQuitGuard(app, async () => core?.close(), { onError: (err) => logger.error('close failed', { err: String(err) }) });
  // Ctrl+C or a service manager's SIGTERM should close the core too, not kill it mid-write.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => app.quit());

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && !win) openWindow();
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    try {
      core = await openApp({
        dataDir,
        // net.fetch follows the system's proxy settings, unlike Node's fetch.
        fetch: (url, init) => net.fetch(url, init),
        secrets: createKeytarStore(),
        emit,
        logger,
        version: app.getVersion(),
      });
    } catch (err) {
      logger.error('could not open the outbox', { err: String(err) });
      dialog.showErrorBox('SMS Outbox could not start', explainOpenError(err, app.isPackaged));
      app.exit(1);
      return;
    }
    const opened = core;
    bindIpc(ipcMain, { dispatch: (name, input) => opened.dispatch(name, input), getWindow: () => win, rendererUrl: files.url });
    openWindow();
    // After sleep or a network change, retry waiting work now rather than at the next backoff step.
    powerMonitor.on('resume', () => opened.wake());
    watchOnline(() => net.isOnline(), () => opened.wake());
  });
}
