// Who may talk to main: only our own window's main frame showing our own renderer file.
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

/** Same file as our renderer's index.html (hash and query ignored: they do not change the document). */
export function isOwnRendererUrl(url: string, rendererUrl: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(url);
    b = new URL(rendererUrl);
  } catch {
    return false;
  }
  if (a.protocol !== 'file:' || b.protocol !== 'file:' || a.host !== b.host) return false;
  return samePath(a.pathname, b.pathname);
}

function samePath(x: string, y: string): boolean {
  // Chromium and Node may percent-encode a path differently (spaces, non-ASCII user names).
  const dx = safeDecode(x);
  const dy = safeDecode(y);
  // Windows paths (/C:/…) are case-insensitive, drive letter included.
  return /^\/[A-Za-z]:\//.test(dx) ? dx.toLowerCase() === dy.toLowerCase() : dx === dy;
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
