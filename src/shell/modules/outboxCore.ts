// Opens the Electron-free core with Electron's services: undici with the system's proxy, the OS
// keychain, the log, and events to the window (notices also as OS notifications). If the outbox
// cannot open, the user is told why and the app exits: nothing after this module runs.
import { app, dialog, Notification, session, type BrowserWindow } from 'electron';
import { languageFor } from '../../shared/i18n/languages';
import { dialogConfirm } from '../confirmDialog';
import { isEvent, type Emit } from '../../shared/contract';
import { openApp } from '../../app/openApp';
import { createHttpFetch } from '../../core/http/undiciFetch';
import { createKeytarStore } from '../../core/secrets/secretStore';
import { sendEvent } from '../ipc';
import { explainOpenError } from '../nativeBinding';
import { createNoticeNotifier } from '../notifications';
import type { ShellModule } from './runner';
import { osLanguages, sayFor } from './language';
import { setApplicationMenu } from './applicationMenu';

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
    try {
      ctx.core = await openApp({
        dataDir: ctx.dataDir,
        // undici, never net.fetch (Chromium re-sends a POST on a broken keep-alive connection);
        // the system's proxy settings come from Chromium's resolver.
        fetch: createHttpFetch({ resolveProxy: (url) => session.defaultSession.resolveProxy(url) }).fetch,
        secrets: createKeytarStore(),
        emit,
        logger: ctx.logger,
        version: app.getVersion(),
        osLanguages: osLanguages(),
        // Money and trust decisions: main asks in its own native dialog (the window only asks main).
        confirm: dialogConfirm<BrowserWindow>({
          showMessageBox: (w, options) => dialog.showMessageBox(w, options),
          getWindow: () => (ctx.win && !ctx.win.isDestroyed() ? ctx.win : null),
          language: () => languageFor(ctx.core?.engine.settings().language, app.getPreferredSystemLanguages()),
        }),
      });
      setApplicationMenu(ctx); // now in the language Settings chose
    } catch (err) {
      ctx.logger.error('could not open the outbox', { err: String(err) });
      dialog.showErrorBox(say({ code: 'start_failed' }), explainOpenError(err, app.isPackaged));
      app.exit(1);
      return 'stop';
    }
  },
};
