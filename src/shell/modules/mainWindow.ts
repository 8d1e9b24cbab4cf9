// The one window: opened where it was last (on a display that still exists), its size remembered
// on close, brought to the front on a second launch or a notification click.
import { app, screen } from 'electron';
import { createMainWindow, WINDOW_SIZE } from '../window';
import { clampToDisplays, readWindowState, windowStatePath, writeWindowState } from '../windowState';
import type { ShellContext } from './context';
import type { ShellModule } from './runner';

/** The window's open and focus actions for the context (other modules call them). */
export function windowControls(
  ctx: Pick<ShellContext, 'dataDir' | 'logger' | 'files' | 'win'>,
): Pick<ShellContext, 'openWindow' | 'focus'> {
  const stateFile = windowStatePath(ctx.dataDir);
  return {
    openWindow() {
      const saved = readWindowState(stateFile);
      // The primary display first: a window whose display is gone opens there.
      const primary = screen.getPrimaryDisplay();
      const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
      const opened = createMainWindow(ctx.files, {
        devTools: !app.isPackaged,
        bounds: clampToDisplays(saved, areas, WINDOW_SIZE),
        maximized: saved?.maximized,
      });
      opened.on('close', () => {
        try {
          writeWindowState(stateFile, { bounds: opened.getNormalBounds(), maximized: opened.isMaximized() });
        } catch (err) {
          ctx.logger.warn('could not remember the window size', { err: String(err) });
        }
      });
      opened.on('closed', () => {
        ctx.win = null;
      });
      ctx.win = opened;
    },
    focus() {
      const win = ctx.win;
      if (!win || win.isDestroyed()) return;
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    },
  };
}

/** Opens the window once the core is open (the window's first calls need it). */
export const mainWindow: ShellModule = {
  name: 'main window',
  enable: (ctx) => ctx.openWindow(),
};
