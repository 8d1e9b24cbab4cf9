// What the shell's modules share: the paths, the log, the renderer's files, and the two things
// that come and go while the app runs (the window and the core's client).
import type { BrowserWindow } from 'electron';
import type { CoreClient } from '../../app/host/coreClient';
import type { Logger } from '../../core/types';
import type { RendererFiles } from '../rendererSource';

export interface ShellContext {
  readonly dataDir: string;
  readonly logFile: string;
  readonly logger: Logger;
  readonly files: RendererFiles;
  /** The built core host (out/main/coreHost.js) the core's utility process runs. */
  readonly coreHostPath: string;
  /** The one window, while open. */
  win: BrowserWindow | null;
  /** The outbox core (its own process, ../../app/host), once it has opened the data folder. */
  core: CoreClient | null;
  /** Opens the window (set by the window module). */
  openWindow(): void;
  /** Brings the window to the front, restoring it if minimised. */
  focus(): void;
}
