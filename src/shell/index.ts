// The Electron shell's composition root: what must happen before anything else (paths, the
// privileged scheme, the single-instance lock), then the shell's modules in order (./modules). All
// logic is in the Electron-free core (../app/openApp); the modules only wire Electron's services into it.
import { app, dialog, protocol } from 'electron';
import { join } from 'node:path';
import { defaultDataDir } from '../core/folders/paths';
import type { Logger } from '../core/types';
import { createFileLogger, logFilePath } from './log';
import { applicationMenu } from './modules/applicationMenu';
import { bridge } from './modules/bridge';
import type { ShellContext } from './modules/context';
import { appLifecycle, whenReady } from './modules/lifecycle';
import { mainWindow, windowControls } from './modules/mainWindow';
import { outboxCore } from './modules/outboxCore';
import { runModules } from './modules/runner';
import { secureSession } from './modules/secureSession';
import { wakeOnResume } from './modules/wakeOnResume';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './protocol';
import { refusalMessage, refusedAtStart } from './switches';
import { languageFor } from '../shared/i18n/languages';
import { osLanguages } from './modules/language';
import { rendererFiles } from './rendererSource';

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
  const box = refusalMessage(refused, languageFor('system', osLanguages()));
  dialog.showErrorBox(box.title, box.text);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // Another instance owns this data folder; it has been told to come to the front.
  app.quit();
} else {
  start();
}

/** The shell, one concern per module, in the order they must happen (see ./modules). */
function start(): void {
  const files = rendererFiles(__dirname, { isPackaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL });
  // Beside this file in out/main (electron.vite.config.ts builds both); __dirname here is the entry's.
  const coreHostPath = join(__dirname, 'coreHost.js');
  const shared = { dataDir, logFile, logger, files, coreHostPath, win: null, core: null };
  const ctx: ShellContext = Object.assign(shared, windowControls(shared));
  runModules(ctx, [
    appLifecycle, // before ready: guards, second launch, quit, last window
    whenReady,
    secureSession, // hardened session, app:// with the CSP
    applicationMenu,
    outboxCore, // starts the core's process and opens the folder; stops here if it cannot
    bridge,
    mainWindow,
    wakeOnResume,
  ]).catch((err: unknown) => logger.error('start failed', { err: String(err) }));
}
