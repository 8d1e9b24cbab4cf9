// What the shell's modules share: the paths, the log, the renderer's files, and the two things
// that come and go while the app runs (the window and the opened core).
import type { BrowserWindow } from 'electron';
import type { SmsOutboxApp } from '../../app/openApp';
import type { Logger } from '../../core/types';
import type { RendererFiles } from '../rendererSource';

export interface ShellContext {
  readonly dataDir: string;
  readonly logFile: string;
  readonly logger: Logger;
  readonly files: RendererFiles;
  /** The one window, while open. */
  win: BrowserWindow | null;
  /** The opened outbox, once whenReady has opened it. */
  core: SmsOutboxApp | null;
  /** Opens the window (set by the window module). */
  openWindow(): void;
  /** Brings the window to the front, restoring it if minimised. */
  focus(): void;
}
