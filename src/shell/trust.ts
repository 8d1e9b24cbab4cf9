// Who may talk to main: only our own window's main frame showing our own renderer page.
// Pure (type-only Electron imports) so it runs under Node tests.

/** The parts of WebFrameMain the check reads. */
export interface FrameLike {
  url: string;
  processId: number;
  routingId: number;
  parent: FrameLike | null;
}

export interface WindowLike {
  isDestroyed(): boolean;
  webContents: { id: number; mainFrame: FrameLike; isDestroyed(): boolean };
}

/**
 * Same document as our renderer: same scheme, host and path as app://bundle/index.html (or, in
 * `npm run dev` only, the dev server's page). Hash and query are ignored: they do not change the
 * document. `/` and `/index.html` are the same page.
 */
export function isOwnRendererUrl(url: string, rendererUrl: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(url);
    b = new URL(rendererUrl);
  } catch {
    return false;
  }
  if (a.protocol !== b.protocol || a.host !== b.host) return false;
  return pagePath(a.pathname) === pagePath(b.pathname);
}

function pagePath(p: string): string {
  // Chromium and Node may percent-encode a path differently.
  const decoded = safeDecode(p);
  return decoded === '/' ? '/index.html' : decoded;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function isTrustedSender(
  event: { sender: { id: number }; senderFrame: FrameLike | null },
  win: WindowLike | null,
  rendererUrl: string,
): boolean {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return false;
  if (event.sender.id !== win.webContents.id) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const main = win.webContents.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isOwnRendererUrl(frame.url, rendererUrl);
}
