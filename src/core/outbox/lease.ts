// One sender per data folder. The lease row carries an epoch; every claim and outcome write checks
// it, so a sender that lost the lease (e.g. it froze and another took over) can change nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  /** When a process started (an opaque string), null where the OS does not say; for tests. */
  startedAt?: (pid: number) => string | null;
}

export class LeaseLostError extends Error {
  constructor() {
    super('Another SMS Outbox process took over sending for this data folder.');
    this.name = 'LeaseLostError';
  }
}

/**
 * A process's start time, which tells a pid's own process from a later one that reuses the pid.
 * Linux: /proc/<pid>/stat field 22 (clock ticks since boot). macOS and other Unixes: `ps -o lstart`.
 * Windows: null (the heartbeat then decides, as for another host).
 */
export function processStartTime(pid: number): string | null {
  try {
    if (process.platform === 'linux') {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return fields[19] ?? null;
    }
    if (process.platform === 'win32') return null;
    const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 2000 }).trim();
    return out === '' ? null : out;
  } catch {
    return null;
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
  pid_started: string | null;
}

export class Lease {
  epoch: number | null = null;
  private readonly startedAt: (pid: number) => string | null;
  private readonly myStart: string | null;

  constructor(
    private readonly db: Db,
    readonly me: LeaseHolder,
    private readonly opts: LeaseOptions,
  ) {
    this.startedAt = opts.startedAt ?? processStartTime;
    this.myStart = this.startedAt(me.pid);
  }

  private row(): LeaseRow {
    return this.db.prepare('SELECT holder, pid, host, epoch, heartbeat_at, pid_started FROM lease WHERE id = 1').get() as LeaseRow;
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
      // Same machine: a dead pid has lost it. A live one keeps it whatever its heartbeat (asleep,
      // stalled, clock stepped) as long as it is the same process; where the start time is unknown
      // the heartbeat must tell a reused pid apart.
      if (!(this.opts.isAlive ?? pidAlive)(r.pid)) return false;
      const started = r.pid_started == null ? null : this.startedAt(r.pid);
      return started != null ? started === r.pid_started : fresh;
    }
    // Another machine (refused for a data folder, but a folder can be copied or synced): only the
    // heartbeat can tell.
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
          .prepare('UPDATE lease SET holder = ?, pid = ?, host = ?, epoch = ?, heartbeat_at = ?, pid_started = ? WHERE id = 1')
          .run(this.me.holder, this.me.pid, this.me.host, epoch, this.opts.now(), this.myStart);
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
      .prepare(
        'UPDATE lease SET holder = NULL, pid = NULL, heartbeat_at = NULL, pid_started = NULL WHERE id = 1 AND holder = ? AND epoch = ?',
      )
      .run(this.me.holder, this.epoch);
    this.epoch = null;
  }
}
