// The app's one open data folder, and switching it between live and demo: each mode has its own
// folder (demo inside the live one), and the choice survives a restart (mode.json).
import { mkdirSync } from 'node:fs';
import { AppError } from '../shared/result';
import type { MessageOf } from '../shared/i18n/messages';
import type { Mode } from '../shared/contract';
import { readAppMode, saveAppMode } from '../core/folders/appMode';
import type { Engine } from '../core/engine';
import { demoDataDir } from '../core/folders/paths';
import type { Simulator } from '../simulator';
import type { OpenedFolder } from './openFolder';

export type FolderOpener = (mode: Mode, dataDir: string) => Promise<OpenedFolder>;

export class ActiveFolder {
  private opened: OpenedFolder | null = null;

  constructor(
    private readonly liveDir: string,
    private readonly open: FolderOpener,
    /** Told when the folder was used by the other mode, so sending stays off. */
    private readonly refused: (problem: MessageOf<'folder_mode_conflict'>) => void,
  ) {}

  /** Opens the folder of the mode the user chose last. */
  async start(): Promise<void> {
    mkdirSync(this.liveDir, { recursive: true });
    await this.openMode(readAppMode(this.liveDir));
  }

  /** Closes this mode's folder and opens the other's; false when already in `next`. */
  async switchTo(next: Mode): Promise<boolean> {
    if (next === this.mode) return false;
    await this.close();
    saveAppMode(this.liveDir, next);
    await this.openMode(next);
    return true;
  }

  private async openMode(mode: Mode): Promise<void> {
    const opened = await this.open(mode, mode === 'demo' ? demoDataDir(this.liveDir) : this.liveDir);
    this.opened = opened;
    // A folder the CLI used in the other mode is never sent from (demo messages must not go out for real).
    if (opened.conflict) this.refused(opened.conflict);
    else opened.engine.start();
  }

  private get current(): OpenedFolder {
    if (!this.opened) throw new Error('No data folder is open.');
    return this.opened;
  }

  get mode(): Mode {
    return this.current.mode;
  }
  get dataDir(): string {
    return this.current.dataDir;
  }
  get engine(): Engine {
    return this.current.engine;
  }
  get simulator(): Simulator | null {
    return this.current.simulator;
  }

  /** Before anything is stored for sending: refuses in a folder of the other mode, else records ours. */
  markSending(): void {
    const { conflict, engine, mode } = this.current;
    if (conflict) throw new AppError('conflict', conflict);
    engine.markFolderMode(mode);
  }

  async close(): Promise<void> {
    await this.opened?.close();
  }
}
