// The one BrowserWindow and the rules every webContents lives under: sandboxed, isolated, no Node,
// no navigation away from our own page, no new windows, no permissions, no remote content.
import { BrowserWindow, type App, type Rectangle, type Session } from 'electron';
import { join } from 'node:path';
import { RENDERER_URL } from './protocol';
import { isOwnRendererUrl } from './trust';

export interface RendererFiles {
  preload: string;
  /** The built renderer folder, served as app://bundle/. */
  root: string;
  /** The page the window shows: app://bundle/index.html, or the dev server's page in `npm run dev`. */
  url: string;
  /** True only for `npm run dev` (unpackaged, electron-vite's dev server running). */
  dev: boolean;
}

export interface RendererEnv {
  isPackaged: boolean;
  /** electron-vite dev sets ELECTRON_RENDERER_URL; a packaged app ignores it. */
  devServerUrl?: string;
}

/** Where the build put the preload and the renderer, relative to out/main, and which page to show. */
export function rendererFiles(mainDir: string, env: RendererEnv = { isPackaged: true }): RendererFiles {
  const devUrl = !env.isPackaged && env.devServerUrl && /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//.test(env.devServerUrl)
    ? env.devServerUrl
    : undefined;
  return {
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    root: join(mainDir, '..', 'renderer'),
    url: devUrl ?? RENDERER_URL,
    dev: devUrl !== undefined,
  };
}

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
