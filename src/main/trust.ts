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
  return a.protocol === 'file:' && b.protocol === 'file:' && a.host === b.host && a.pathname === b.pathname;
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
