// A full disk pauses sending instead of crashing or burning through batches: every write that fails
// with SQLITE_FULL reports here; sending stops claiming (the pause lives in memory, since it cannot
// be written), answers GatewayAPI already gave stay in memory and are retried by the sender, and a
// probe checks every second whether there is room again. Then sending goes on by itself.
import type { Db } from './open';
import type { Logger } from '../types';
import { isDiskFull } from './errors';

export const DISK_FULL_MESSAGE =
  'The disk holding the data folder is full. Nothing more is sent until there is space again; answers GatewayAPI already gave are kept in memory and written as soon as there is room. Free some space: sending continues by itself.';

/** What a probe write needs to succeed: room for a real batch's outcome, not just one page. */
const PROBE_BYTES = 256 * 1024;

export interface DiskWatchOptions {
  db: Db;
  logger: Logger;
  /** The disk just filled up. */
  onFull: () => void;
  /** There is room again. */
  onSpace: () => void;
  probeMs?: number;
}

export class DiskWatch {
  private fullSince: number | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly o: DiskWatchOptions) {}

  get full(): boolean {
    return this.fullSince !== null;
  }

  /** Reports a failed write; true when it was the disk being full (then sending pauses). */
  failed(e: unknown): boolean {
    if (!isDiskFull(e)) return false;
    if (this.fullSince !== null) return true;
    this.fullSince = Date.now();
    this.o.logger.error('the disk is full; sending paused until there is space', { error: String(e) });
    this.timer = setInterval(() => this.probe(), this.o.probeMs ?? 1000);
    this.timer.unref?.();
    this.o.onFull();
    return true;
  }

  /** Tries now (the user pressed Resume). */
  probe(): void {
    if (this.fullSince === null) return;
    const { db } = this.o;
    // A write-ahead log that grew until the disk filled holds mostly old copies of the same pages:
    // a TRUNCATE checkpoint gives that space back (partly, while another process still reads).
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Not fatal: the probe below decides.
    }
    try {
      // Room for real work, not for one page: insert and delete PROBE_BYTES in one transaction.
      db.transaction(() => {
        db.prepare("INSERT INTO settings (key, value) VALUES ('disk_probe', zeroblob(?))").run(PROBE_BYTES);
        db.prepare("DELETE FROM settings WHERE key = 'disk_probe'").run();
      }).immediate();
    } catch (e) {
      if (!isDiskFull(e)) this.o.logger.warn('disk probe failed', { error: String(e) });
      return;
    }
    this.o.logger.info('there is space on the disk again', { fullForMs: Date.now() - this.fullSince });
    this.stop();
    this.o.onSpace();
  }

  stop(): void {
    this.fullSince = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
