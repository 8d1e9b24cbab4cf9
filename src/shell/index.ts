// The Electron shell's composition root: lifecycle, one window, the bridge. All logic is in the
// Electron-free core (./app/openApp); this file only wires Electron's services into it.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, Notification, powerMonitor, protocol, screen, session, shell } from 'electron';
import { join } from 'node:path';
import type { EventName, Notice } from '../shared/contract';
import { CSP } from '../shared/csp';
import { watchOnline } from './connectivity';
import { openApp, type SmsOutboxApp } from '../app/openApp';
import { defaultDataDir } from '../core/folders/paths';
import { createKeytarStore } from '../core/secrets/secretStore';
import type { Logger } from '../core/types';
import { bindIpc, sendEvent } from './ipc';
import { createFileLogger, logFilePath } from './log';
import { aboutText, menuTemplate } from './menu';
import { explainOpenError } from './nativeBinding';
import { createNoticeNotifier } from './notifications';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { installQuitGuard } from './quit';
import { refusalMessage, refusedAtStart } from './switches';
import { rendererFiles } from './rendererSource';
import { createMainWindow, guardAllWebContents, hardenSession, WINDOW_SIZE } from './window';
import { clampToDisplays, readWindowState, windowStatePath, writeWindowState } from './windowState';
import { createHttpFetch } from '../core/http/undiciFetch';
import { dialogConfirm } from './confirmDialog';
import { languageFor } from '../shared/i18n/languages';

// A packaged build refuses debugger, remote-control and network switches and an environment that
// turns certificate checks off (the fuses cover --inspect and NODE_OPTIONS; the rest has no fuse).
// Development runs keep them.
const refused = app.isPackaged ? refusedAtStart(process.argv, process.env) : [];

// Before anything reads it: the single-instance lock and Chromium's files follow userData, and the
// CLI finds the same database through the same function.
const dataDir = defaultDataDir();
const logFile = logFilePath(dataDir);
const logger: Logger = createFileLogger({ file: logFile, echo: !app.isPackaged });
app.setPath('userData', dataDir);
// Chromium's caches in a subfolder, so the data folder shows the outbox database, not browser clutter.
app.setPath('sessionData', join(dataDir, 'chromium'));
app.enableSandbox();
// Must happen before ready: app:// gets a real, secure origin (see ./protocol).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

if (refused.length > 0) {
  logger.error('refused to start with unsafe switches or environment', { switches: refused });
  // Started from the desktop there is no terminal: a box (safe before ready; on Linux it goes to stderr).
  dialog.showErrorBox('SMS Outbox cannot start', refusalMessage(refused));
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // Another instance owns this data folder; it has been told to come to the front.
  app.quit();
} else {
  start();
}

function start(): void {
  const files = rendererFiles(__dirname, { isPackaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL });
  const stateFile = windowStatePath(dataDir);
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
    const saved = readWindowState(stateFile);
    // The primary display first: a window whose display is gone opens there.
    const primary = screen.getPrimaryDisplay();
    const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
    const opened = createMainWindow(files, {
      devTools: !app.isPackaged,
      bounds: clampToDisplays(saved, areas, WINDOW_SIZE),
      maximized: saved?.maximized,
    });
    opened.on('close', () => {
      try {
        writeWindowState(stateFile, { bounds: opened.getNormalBounds(), maximized: opened.isMaximized() });
      } catch (err) {
        logger.warn('could not remember the window size', { err: String(err) });
      }
    });
    opened.on('closed', () => {
      win = null;
    });
    win = opened;
  };

  const showAbout = () => {
    const text = aboutText({ name: 'SMS Outbox', version: app.getVersion(), dataDir, logFile });
    const box = { type: 'info' as const, title: 'About SMS Outbox', ...text, buttons: ['OK', 'Open data folder', 'Open log file'] };
    void (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box)).then(({ response }) => {
      if (response === 1) void shell.openPath(dataDir);
      if (response === 2) void shell.openPath(logFile);
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
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: files.root, csp: CSP }));
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          platform: process.platform,
          isPackaged: app.isPackaged,
          about: { name: 'SMS Outbox', version: app.getVersion(), dataDir, logFile },
          onAbout: showAbout,
        }),
      ),
    );
    logger.info('starting', { version: app.getVersion(), packaged: app.isPackaged, dev: files.dev });
    try {
      core = await openApp({
        dataDir,
        // undici, never net.fetch (Chromium re-sends a POST on a broken keep-alive connection);
        // the system's proxy settings come from Chromium's resolver.
        fetch: createHttpFetch({ resolveProxy: (url) => session.defaultSession.resolveProxy(url) }).fetch,
        secrets: createKeytarStore(),
        emit,
        logger,
        version: app.getVersion(),
        // Money and trust decisions: main asks in its own native dialog (the window only asks main).
        confirm: dialogConfirm<BrowserWindow>({
          showMessageBox: (w, options) => dialog.showMessageBox(w, options),
          getWindow: () => (win && !win.isDestroyed() ? win : null),
          language: () => languageFor(core?.engine.settings().language, app.getPreferredSystemLanguages()),
        }),
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
    watchOnline(
      () => net.isOnline(),
      () => opened.wake(),
    );
  });
}
