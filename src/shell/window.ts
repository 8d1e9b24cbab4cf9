// The one BrowserWindow and the rules every webContents lives under: sandboxed, isolated, no Node,
// no navigation away from our own page, no new windows, no permissions, no remote content.
import { BrowserWindow, type App, type Rectangle, type Session } from 'electron';
import type { RendererFiles } from './rendererSource';
import { isOwnRendererUrl } from './trust';

export function hardenSession(ses: Session): void {
  // The CSP travels as a header from the app:// handler (./protocol) and as the page's meta tag.
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

/** Applies to every webContents ever created, including ones we did not expect. */
export function guardAllWebContents(app: App, rendererUrl: string): void {
  app.on('web-contents-created', (_event, contents) => {
    const blockForeign = (e: { preventDefault(): void }, url: string) => {
      if (!isOwnRendererUrl(url, rendererUrl)) e.preventDefault();
    };
    contents.on('will-navigate', (e) => blockForeign(e, e.url));
    contents.on('will-frame-navigate', (e) => blockForeign(e, e.url));
    contents.on('will-redirect', (e) => blockForeign(e, e.url));
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export const WINDOW_SIZE = { width: 1200, height: 800, minWidth: 800, minHeight: 560 };

export interface WindowOptions {
  /** DevTools only in development runs; a packaged build has none. */
  devTools: boolean;
  bounds?: Partial<Rectangle> & { width: number; height: number };
  maximized?: boolean;
}

export function createMainWindow(files: RendererFiles, opts: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'SMS Outbox',
    ...WINDOW_SIZE,
    ...opts.bounds,
    show: false,
    webPreferences: {
      preload: files.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A middle click on a link would otherwise ask for a new window (denied anyway, see above).
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: opts.devTools,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => {
    if (opts.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(files.url);
  return win;
}
