// One sender per data folder. The lease row carries an epoch; every claim and outcome write checks
// it, so a sender that lost the lease (e.g. it froze and another took over) can change nothing.
import type { Db } from '../db/open';

export interface LeaseHolder {
  holder: string;
  pid: number;
  host: string;
}

export interface LeaseOptions {
  /** A holder whose heartbeat is older than this is presumed dead (other host, or pid reuse). */
  staleMs: number;
  now: () => number;
  /** Whether a pid on this host is alive; injectable for tests. */
  isAlive?: (pid: number) => boolean;
}

export class LeaseLostError extends Error {
  constructor() {
    super('Another SMS Outbox process took over sending for this data folder.');
    this.name = 'LeaseLostError';
  }
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LeaseRow {
  holder: string | null;
  pid: number | null;
  host: string | null;
  epoch: number;
  heartbeat_at: number | null;
}

export class Lease {
  epoch: number | null = null;

  constructor(
    private readonly db: Db,
    readonly me: LeaseHolder,
    private readonly opts: LeaseOptions,
  ) {}

  private row(): LeaseRow {
    return this.db.prepare('SELECT holder, pid, host, epoch, heartbeat_at FROM lease WHERE id = 1').get() as LeaseRow;
  }

  /** Who holds it now, if someone else alive does. */
  heldBy(): LeaseRow | null {
    const r = this.row();
    if (!r.holder || r.holder === this.me.holder) return null;
    return this.holderAlive(r) ? r : null;
  }

  private holderAlive(r: LeaseRow): boolean {
    if (!r.holder) return false;
    const now = this.opts.now();
    const fresh = r.heartbeat_at != null && now - r.heartbeat_at < this.opts.staleMs;
    if (r.host === this.me.host && r.pid != null) {
      // Same machine: the pid tells for sure, unless it was reused (then the heartbeat is stale).
      return (this.opts.isAlive ?? pidAlive)(r.pid) && fresh;
    }
    return fresh;
  }

  /** Takes the lease if free or held by a dead holder. Returns the new epoch, or null. */
  tryAcquire(): number | null {
    return this.db
      .transaction(() => {
        const r = this.row();
        if (r.holder && r.holder !== this.me.holder && this.holderAlive(r)) return null;
        const epoch = r.epoch + 1;
        this.db
          .prepare('UPDATE lease SET holder = ?, pid = ?, host = ?, epoch = ?, heartbeat_at = ? WHERE id = 1')
          .run(this.me.holder, this.me.pid, this.me.host, epoch, this.opts.now());
        this.epoch = epoch;
        return epoch;
      })
      .immediate();
  }

  /** Throws LeaseLostError unless we still hold it; call inside every writing transaction. */
  check(): void {
    const r = this.row();
    if (this.epoch == null || r.epoch !== this.epoch || r.holder !== this.me.holder) {
      this.epoch = null;
      throw new LeaseLostError();
    }
  }

  heartbeat(): boolean {
    const res = this.db
      .prepare('UPDATE lease SET heartbeat_at = ? WHERE id = 1 AND holder = ? AND epoch = ?')
      .run(this.opts.now(), this.me.holder, this.epoch ?? -1);
    if (res.changes === 0) this.epoch = null;
    return res.changes === 1;
  }

  release(): void {
    if (this.epoch == null) return;
    this.db
      .prepare('UPDATE lease SET holder = NULL, pid = NULL, heartbeat_at = NULL WHERE id = 1 AND holder = ? AND epoch = ?')
      .run(this.me.holder, this.epoch);
    this.epoch = null;
  }
}
