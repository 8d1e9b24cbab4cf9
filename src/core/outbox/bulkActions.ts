// The user's decisions on many recipients at once (cancel a campaign, resend its failed ones,
// resend or mark as sent its uncertain ones) in short transactions with a turn of the event loop
// between them: one transaction over 100,000 rows held the main process (and every answer to the
// window) for 300 ms. A row in bulk_actions, written with the first step, says what is decided and
// how far it got, so a crash between two steps is finished by the next start (resumeOrphans), never
// left as half a decision. Every step moves recipients only out of the state the decision is about,
// so a step done twice changes nothing.
import { hostname } from 'node:os';
import type { Db } from '../db/open';
import { pidAlive, processStartTime } from './lease';

export type BulkKind = 'cancel' | 'resend_failed' | 'resend_uncertain' | 'mark_sent';
/** A campaign being stored in chunks: not resumable (the rows are gone with the process), only discarded. */
export type ActionKind = BulkKind | 'store';

/** At most this many recipients per transaction. */
export const BULK_CHUNK = 2000;
/**
 * And a transaction stops once it has taken this long: a row costs 5 µs on a quiet machine and
 * 50 µs on a loaded one (four indexes and the counter triggers per row), so a fixed count alone
 * held the loop for 100 ms there.
 */
const STEP_MS = 8;
/** An action begun on another machine (a synced folder) is taken over only after this long. */
const OTHER_HOST_AFTER_MS = 10 * 60_000;

export interface BulkOwner {
  holder: string;
  pid: number;
  host: string;
}

interface ActionRow {
  id: number;
  campaign_id: number;
  action: ActionKind;
  ids: string | null;
  done: number;
  holder: string;
  pid: number;
  host: string;
  pid_started: string | null;
  created_at: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Where `cancel` and the reopening of a cancelled campaign apply: nothing of it written yet. */
const UNSENT = "('queued', 'claimed', 'retry_wait')";

export class BulkActions {
  private readonly started: string | null;
  /** Test hook: runs between two steps (a throw there is a crash between transactions). */
  betweenSteps: (() => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    private readonly owner: BulkOwner = { holder: `pid-${process.pid}`, pid: process.pid, host: hostname() },
  ) {
    this.started = processStartTime(owner.pid);
  }

  /**
   * Cancels what has not been written to GatewayAPI yet. The campaign is marked cancelled in the
   * first transaction, so from then on nothing of it is claimed or sent, whatever happens next.
   */
  async cancel(campaignId: number): Promise<number> {
    const id = this.tx(() => {
      this.db.prepare("UPDATE campaigns SET status = 'cancelled' WHERE id = ?").run(campaignId);
      this.db.prepare("UPDATE batches SET state = 'cancelled' WHERE campaign_id = ? AND state = 'retry_wait'").run(campaignId);
      return this.record(campaignId, 'cancel', null);
    });
    return this.run(id);
  }

  /** A new attempt for the recipients that failed (after the user fixed the cause). */
  async resendFailed(campaignId: number): Promise<number> {
    const id = this.tx(() => this.record(campaignId, 'resend_failed', this.idsIn(campaignId, 'failed')));
    return this.run(id);
  }

  /** The user's decision on uncertain recipients (`ids` null: all of the campaign's). */
  async resolveUncertain(campaignId: number, ids: number[] | null, action: 'resend' | 'mark_sent'): Promise<number> {
    const kind: BulkKind = action === 'resend' ? 'resend_uncertain' : 'mark_sent';
    const id = this.tx(() => this.record(campaignId, kind, ids ?? this.idsIn(campaignId, 'uncertain')));
    return this.run(id);
  }

  /** Finishes actions whose process is gone (crashed between two steps); returns the campaigns touched. */
  async resumeOrphans(): Promise<number[]> {
    const rows = this.db.prepare("SELECT * FROM bulk_actions WHERE action <> 'store' ORDER BY id").all() as ActionRow[];
    const touched: number[] = [];
    for (const r of rows) {
      if (!this.orphaned(r)) continue;
      // Take it over, unless another process just did.
      const taken = this.db
        .prepare('UPDATE bulk_actions SET holder = ?, pid = ?, host = ?, pid_started = ? WHERE id = ? AND holder = ?')
        .run(this.owner.holder, this.owner.pid, this.owner.host, this.started, r.id, r.holder).changes;
      if (taken === 0) continue;
      await this.run(r.id);
      touched.push(r.campaign_id);
    }
    return touched;
  }

  /** Whether a decision on this campaign is still being applied (or waits to be finished). */
  pending(campaignId: number): boolean {
    return !!this.db.prepare('SELECT 1 FROM bulk_actions WHERE campaign_id = ?').get(campaignId);
  }

  /** Records that `campaignId` is being stored by this process (in the caller's transaction). */
  beginStore(campaignId: number): void {
    this.record(campaignId, 'store', null);
  }

  /** The campaign is stored whole (in the caller's transaction). */
  endStore(campaignId: number): void {
    this.db.prepare("DELETE FROM bulk_actions WHERE campaign_id = ? AND action = 'store'").run(campaignId);
  }

  /**
   * Campaigns left half-stored: still being stored by no live process (one that crashed, or one from
   * before the store was recorded). They are never shown nor sent; the user is told and may discard them.
   */
  halfStored(): { id: number; name: string; createdAt: number; stored: number }[] {
    const rows = this.db
      .prepare(
        `SELECT c.id, c.name, c.created_at AS createdAt, a.id AS actionId, a.holder, a.pid, a.host, a.pid_started, a.created_at
         FROM campaigns c LEFT JOIN bulk_actions a ON a.campaign_id = c.id AND a.action = 'store'
         WHERE c.stored = 0 ORDER BY c.id`,
      )
      .all() as ({ id: number; name: string; createdAt: number; actionId: number | null } & ActionRow)[];
    const stored = this.db.prepare('SELECT COALESCE(SUM(n), 0) FROM recipient_counts WHERE campaign_id = ?').pluck();
    return (
      rows
        // Without a record (stored by a version before it was kept): left behind if it is old.
        .filter((r) => (r.actionId == null ? this.now() - r.createdAt > OTHER_HOST_AFTER_MS : this.orphaned(r)))
        .map((r) => ({ id: r.id, name: r.name, createdAt: r.createdAt, stored: stored.get(r.id) as number }))
    );
  }

  private orphaned(r: ActionRow): boolean {
    if (r.holder === this.owner.holder) return false;
    if (r.host !== this.owner.host) return this.now() - r.created_at > OTHER_HOST_AFTER_MS;
    if (!pidAlive(r.pid)) return true;
    // A live pid: the same process unless its start time says the pid was reused.
    const started = r.pid_started == null ? null : processStartTime(r.pid);
    return started != null && started !== r.pid_started;
  }

  private tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  private record(campaignId: number, kind: ActionKind, ids: number[] | null): number {
    return Number(
      this.db
        .prepare(
          'INSERT INTO bulk_actions (campaign_id, action, ids, holder, pid, host, pid_started, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          campaignId,
          kind,
          ids ? JSON.stringify(ids) : null,
          this.owner.holder,
          this.owner.pid,
          this.owner.host,
          this.started,
          this.now(),
        ).lastInsertRowid,
    );
  }

  /**
   * The ids the decision is about, taken when it is made: recipients that fail again (or turn
   * uncertain again) while it is applied were sent after the decision and are not resent without
   * the user's say.
   */
  private idsIn(campaignId: number, state: string): number[] {
    return this.db
      .prepare('SELECT id FROM recipients WHERE campaign_id = ? AND state = ? ORDER BY id')
      .pluck()
      .all(campaignId, state) as number[];
  }

  /** Applies the action step by step from where it got to; returns the recipients it moved. */
  private async run(actionId: number): Promise<number> {
    const a = this.db.prepare('SELECT * FROM bulk_actions WHERE id = ?').get(actionId) as ActionRow | undefined;
    if (!a) return 0;
    let moved = 0;
    // The decision is recorded (committed): the steps each get their own turn of the loop.
    await this.pause();
    if (a.action === 'cancel' || a.action === 'resend_failed') {
      // Reopening a cancelled campaign for its failed recipients must not revive the cancelled
      // ones: its unsent recipients are cancelled first (a cancel still being applied, too).
      const cancelled = () => !!this.db.prepare("SELECT 1 FROM campaigns WHERE id = ? AND status = 'cancelled'").get(a.campaign_id);
      const step = this.db.prepare(
        `UPDATE recipients SET state = 'cancelled', updated_at = ?
         WHERE id IN (SELECT id FROM recipients WHERE campaign_id = ? AND state IN ${UNSENT} LIMIT ?)`,
      );
      let size = BULK_CHUNK / 4;
      while (cancelled()) {
        const t0 = performance.now();
        const n = this.tx(() => step.run(this.now(), a.campaign_id, size).changes);
        if (a.action === 'cancel') moved += n;
        if (n < size) break;
        // The next step sized to take about STEP_MS, as this one did.
        size = Math.round(Math.min(BULK_CHUNK, Math.max(50, (size * STEP_MS) / Math.max(1, performance.now() - t0))));
        await this.pause();
      }
    }
    if (a.ids != null) {
      const ids = JSON.parse(a.ids) as number[];
      const move = this.db.prepare(this.moveSql(a.action));
      if (a.action === 'resend_failed') {
        this.db.prepare("UPDATE campaigns SET status = 'active' WHERE id = ? AND status = 'cancelled'").run(a.campaign_id);
      }
      for (let i = a.done; i < ids.length;) {
        if (i > a.done) await this.pause();
        const t0 = performance.now();
        const limit = Math.min(ids.length, i + BULK_CHUNK);
        moved += this.tx(() => {
          const now = this.now();
          let n = 0;
          let k = i;
          while (k < limit) {
            n += move.run(now, a.campaign_id, ids[k]).changes;
            k++;
            if (k % 64 === 0 && performance.now() - t0 >= STEP_MS) break;
          }
          this.db.prepare('UPDATE bulk_actions SET done = ? WHERE id = ?').run(k, actionId);
          i = k;
          return n;
        });
      }
    }
    this.db.prepare('DELETE FROM bulk_actions WHERE id = ?').run(actionId);
    return moved;
  }

  private moveSql(kind: ActionKind): string {
    switch (kind) {
      case 'resend_failed':
        return `UPDATE recipients SET state = 'queued', batch_id = NULL, status = NULL, status_at = NULL, error = NULL,
                  error_code = NULL, updated_at = ? WHERE campaign_id = ? AND id = ? AND state = 'failed'`;
      case 'resend_uncertain':
        return `UPDATE recipients SET state = 'queued', batch_id = NULL, error = NULL, error_code = NULL, updated_at = ?
                WHERE campaign_id = ? AND id = ? AND state = 'uncertain'`;
      case 'mark_sent':
        return "UPDATE recipients SET state = 'marked_sent', updated_at = ? WHERE campaign_id = ? AND id = ? AND state = 'uncertain'";
      default:
        throw new Error(`no per-recipient step for ${kind}`);
    }
  }

  private async pause(): Promise<void> {
    this.betweenSteps?.();
    await yieldToEventLoop();
  }
}
