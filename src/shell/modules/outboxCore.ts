// Starts the outbox core in its own process (Electron's utilityProcess running out/main/coreHost.js,
// see ../../app/host): SQLite's writes and fsyncs no longer hold the thread that answers the window.
// Main keeps what must stay here and answers the core's asks with it: the native confirm dialog,
// the OS keychain (keytar), Chromium's proxy lookup and the log file. Events reach the window (notices
// also as OS notifications). If the outbox cannot open, the user is told why and the app exits:
// nothing after this module runs. If the core stops later, it is started again (at most 3 times a
// minute), the window is told, and past that the app says so and quits.
import { app, dialog, Notification, session, utilityProcess, type BrowserWindow } from 'electron';
import { createCoreClient, type CoreProcess } from '../../app/host/coreClient';
import { Redactor, redactingLogger, rememberingSecrets } from '../../core/secrets/redact';
import { createKeytarStore } from '../../core/secrets/secretStore';
import { isEvent, type Emit } from '../../shared/contract';
import { translate } from '../../shared/i18n/translate';
import { dialogConfirm } from '../confirmDialog';
import { sendEvent } from '../ipc';
import { explainOpenError } from '../nativeBinding';
import { createNoticeNotifier } from '../notifications';
import { setApplicationMenu } from './applicationMenu';
import type { ShellContext } from './context';
import { mainLanguage, osLanguages, sayFor } from './language';
import type { ShellModule } from './runner';

/** The core's process, its output going to the log (without the token: main's redactor knows it too). */
function forkCore(ctx: ShellContext, redactor: Redactor): CoreProcess {
  const child = utilityProcess.fork(ctx.coreHostPath, [], { serviceName: 'SMS Outbox core', stdio: 'pipe' });
  const toLog = (level: 'info' | 'warn') => (chunk: Buffer | string) =>
    ctx.logger[level]('core output', { text: redactor.text(String(chunk)).slice(0, 4000) });
  child.stdout?.on('data', toLog('info'));
  child.stderr?.on('data', toLog('warn'));
  return child;
}

export const outboxCore: ShellModule = {
  name: 'outbox core',
  async enable(ctx) {
    const say = sayFor(ctx);
    const notify = createNoticeNotifier({ Notification, onClick: () => ctx.focus(), say });
    const emit: Emit = (event, payload) => {
      sendEvent(ctx.win, event, payload);
      if (isEvent('notice', event, payload)) notify(payload);
    };
    ctx.logger.info('starting', { version: app.getVersion(), packaged: app.isPackaged, dev: ctx.files.dev });
    // A second layer: main learns the token as it passes through the keychain, and scrubs the core's
    // records and output with it before they reach the log file.
    const redactor = new Redactor();
    const client = createCoreClient({
      fork: () => forkCore(ctx, redactor),
      init: { dataDir: ctx.dataDir, version: app.getVersion(), osLanguages: osLanguages() },
      // Money and trust decisions: main asks in its own native dialog (neither the window nor the core can answer).
      confirm: dialogConfirm<BrowserWindow>({
        showMessageBox: (w, options) => dialog.showMessageBox(w, options),
        getWindow: () => (ctx.win && !ctx.win.isDestroyed() ? ctx.win : null),
        language: () => mainLanguage(ctx),
      }),
      secrets: rememberingSecrets(createKeytarStore(), redactor),
      // undici runs in the core (never net.fetch: Chromium re-sends a POST on a broken keep-alive
      // connection); the system's proxy settings come from Chromium's resolver, here.
      resolveProxy: (url) => session.defaultSession.resolveProxy(url),
      emit,
      logger: redactingLogger(ctx.logger, redactor),
      // The menu follows Settings → Language at once (it used to change only at the next start).
      onLanguage: () => {
        if (ctx.core) setApplicationMenu(ctx);
      },
      onRestart: () =>
        emit('notice', {
          level: 'error',
          key: 'core-stopped',
          text: { code: 'core_stopped' },
          message: translate('en', { code: 'core_stopped' }),
        }),
      onGiveUp: ({ restarts }) => {
        dialog.showErrorBox('SMS Outbox', say({ code: 'core_gave_up', restarts, logFile: ctx.logFile }));
        app.quit();
      },
    });
    try {
      await client.start();
    } catch (err) {
      ctx.logger.error('could not open the outbox', { err: String(err) });
      dialog.showErrorBox(say({ code: 'start_failed' }), explainOpenError(err, app.isPackaged));
      app.exit(1);
      return 'stop';
    }
    // Only now: other modules (a macOS 'activate') take a core in the context as ready for the window.
    ctx.core = client;
    setApplicationMenu(ctx); // now in the language Settings chose
  },
};
