// The poller's side of the outbox: which batches are due for a status poll, and applying reports.
// A final status is never replaced; transient reports after a final one are ignored.
import type { Message } from '../../shared/i18n/messages';
import type { Db } from '../db/open';
import type { RecipientReport } from '../gateway/types';
import { FINAL_STATUSES, NO_FINAL_REPORT, isFinalStatus } from '../../shared/states';

export interface DuePoll {
  id: number;
  gatewayId: number;
  campaignId: number;
  pollStep: number;
  submittedAt: number;
  sendAt: number | null;
}

/** Reports applied per transaction at most… */
export const POLL_CHUNK = 2000;
/** …and a transaction stops once it has taken this long (a loaded machine is 10× slower per row). */
const STEP_MS = 8;

const FINAL_SQL = [...FINAL_STATUSES, NO_FINAL_REPORT].map((s) => `'${s}'`).join(',');

export class Polls {
  /** Test hook: runs between two transactions of one batch's reports (a throw there is a crash). */
  betweenChunks: (() => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  due(limit = 50): DuePoll[] {
    return this.db
      .prepare(
        `SELECT b.id, b.gateway_id AS gatewayId, b.campaign_id AS campaignId, b.poll_step AS pollStep,
                b.submitted_at AS submittedAt, c.send_at AS sendAt
         FROM batches b JOIN campaigns c ON c.id = b.campaign_id
         WHERE b.poll_next_at IS NOT NULL AND b.poll_next_at <= ? AND b.gateway_id IS NOT NULL
         ORDER BY b.poll_next_at LIMIT ?`,
      )
      .all(this.now(), limit) as DuePoll[];
  }

  /** Earliest scheduled poll, or null when nothing is pending (then no requests at all). */
  nextAt(): number | null {
    const r = this.db.prepare('SELECT MIN(poll_next_at) AS t FROM batches WHERE poll_next_at IS NOT NULL').get() as {
      t: number | null;
    };
    return r.t;
  }

  schedule(batchId: number, nextAt: number, step: number): void {
    this.db.prepare('UPDATE batches SET poll_next_at = ?, poll_step = ? WHERE id = ?').run(nextAt, step, batchId);
  }

  /**
   * Applies reports; returns how many recipients changed and how many are still not final. A batch
   * of 10,000 is applied in transactions of POLL_CHUNK reports with a turn of the event loop between
   * them (one transaction took 150 ms of the main process). A crash between two leaves the batch
   * due for polling (it is taken off only after the last), and the next poll applies the rest:
   * a report already applied changes nothing the second time.
   */
  async apply(batchId: number, reports: RecipientReport[]): Promise<{ changed: number; pending: number }> {
    let changed = 0;
    for (let i = 0; i < reports.length;) {
      if (i > 0) {
        this.betweenChunks?.();
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const t0 = performance.now();
      changed += this.db
        .transaction(() => {
          const apply = this.reportWriter();
          let n = 0;
          const end = Math.min(reports.length, i + POLL_CHUNK);
          while (i < end) {
            n += apply(batchId, reports[i++]);
            // Stop early on a loaded machine: a transaction holds the loop for about STEP_MS at most.
            if (i % 64 === 0 && performance.now() - t0 >= STEP_MS) break;
          }
          return n;
        })
        .immediate();
    }
    const pending = this.pending(batchId);
    if (pending === 0) this.db.prepare('UPDATE batches SET poll_next_at = NULL WHERE id = ?').run(batchId);
    return { changed, pending };
  }

  /** Writes one report (and its status event when it changed something); returns the rows changed. */
  private reportWriter(): (batchId: number, r: RecipientReport) => number {
    const now = this.now();
    const update = this.db.prepare(
      `UPDATE recipients SET status = ?, status_at = ?, error_code = ?, error = ?, updated_at = ?,
         -- Still SCHEDULED at the gateway: keep it cancellable; any other report means it went out.
         state = CASE WHEN state = 'scheduled' AND ? <> 'SCHEDULED' THEN 'submitted' ELSE state END
       WHERE batch_id = ? AND msisdn = ? AND (status IS NULL OR status NOT IN (${FINAL_SQL}))
         AND status IS NOT ?`,
    );
    const event = this.db.prepare(
      `INSERT INTO status_events (recipient_id, status, code, error, at, received_at)
       SELECT id, ?, ?, ?, ?, ? FROM recipients WHERE batch_id = ? AND msisdn = ?`,
    );
    return (batchId, r) => {
      const final = isFinalStatus(r.status);
      // Transient reports move a transient status along; they never touch a final one (SQL guard).
      const at = r.time != null ? r.time * 1000 : now;
      const res = update.run(
        r.status,
        at,
        final ? r.code : null,
        final ? reportReason(r) : null,
        now,
        r.status,
        batchId,
        r.msisdn,
        r.status,
      );
      if (res.changes > 0) event.run(r.status, r.code, r.error, at, now, batchId, r.msisdn);
      return res.changes;
    };
  }

  pending(batchId: number): number {
    return (
      this.db
        .prepare(
          `SELECT COUNT(*) AS n FROM recipients WHERE batch_id = ? AND state IN ('submitted', 'scheduled')
             AND (status IS NULL OR status NOT IN (${FINAL_SQL}))`,
        )
        .get(batchId) as { n: number }
    ).n;
  }

  /**
   * Nothing of this campaign is left to send or to poll (cheap: two indexed lookups). A batch stops
   * being polled once all its recipients are final, expired or cancelled.
   */
  campaignSettled(campaignId: number): boolean {
    return !this.db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM batches WHERE campaign_id = ? AND poll_next_at IS NOT NULL)
             OR EXISTS (SELECT 1 FROM recipients WHERE state IN ('queued', 'claimed', 'in_flight', 'retry_wait') AND campaign_id = ?)`,
      )
      .pluck()
      .get(campaignId, campaignId);
  }

  /** Validity passed without a final report. */
  expire(batchId: number): number {
    return this.db
      .transaction(() => {
        const n = this.db
          .prepare(
            `UPDATE recipients SET status = '${NO_FINAL_REPORT}', status_at = ?, updated_at = ?
             WHERE batch_id = ? AND state IN ('submitted', 'scheduled') AND (status IS NULL OR status NOT IN (${FINAL_SQL}))`,
          )
          .run(this.now(), this.now(), batchId).changes;
        this.db.prepare('UPDATE batches SET poll_next_at = NULL WHERE id = ?').run(batchId);
        return n;
      })
      .immediate();
  }
}

/**
 * A final report's error, stored as a message code: the table says what the status means in the
 * reader's language, with GatewayAPI's own dsnerror text kept beside it (parseStoredReason).
 */
function reportReason(r: { status: string; code: string | null; error: string | null }): string | null {
  if (r.error == null && r.code == null) return null;
  const reason: Message = {
    code: 'delivery_report',
    status: r.status,
    httpStatus: null,
    gwCode: r.code,
    original: r.error,
    incident: null,
  };
  return JSON.stringify(reason);
}
