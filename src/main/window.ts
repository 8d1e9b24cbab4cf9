// The one BrowserWindow and the rules every webContents lives under: sandboxed, isolated, no Node,
// no navigation away from our own file, no new windows, no permissions, no remote content.
import { BrowserWindow, type App, type Session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isOwnRendererUrl } from './trust';

/** Sent as a header as well as the renderer's meta tag; frame-ancestors only works as a header. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export interface RendererFiles {
  preload: string;
  html: string;
  url: string;
}

/** Where the build put the preload and the renderer, relative to out/main. */
export function rendererFiles(mainDir: string): RendererFiles {
  const html = join(mainDir, '..', 'renderer', 'index.html');
  return { preload: join(mainDir, '..', 'preload', 'index.cjs'), html, url: pathToFileURL(html).href };
}

export function hardenSession(ses: Session): void {
  // Electron docs say the header does not reach file:// pages on some versions; the renderer's meta
  // tag carries the same policy, so this is a second layer, not the only one.
  ses.webRequest.onHeadersReceived((details, callback) => {
    // Documents only: API responses fetched by main need no policy.
    if (details.resourceType !== 'mainFrame' && details.resourceType !== 'subFrame') return callback({});
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
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
    contents.on('will-redirect', (e) => blockForeign(e, e.url));
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export function createMainWindow(files: RendererFiles): BrowserWindow {
  const win = new BrowserWindow({
    title: 'SMS Outbox',
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    webPreferences: {
      preload: files.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(files.html);
  return win;
}
