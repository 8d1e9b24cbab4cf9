// The sender's side of the outbox: claiming batches and recording every outcome. Each method is one
// transaction that first checks the lease epoch, so a sender that lost the lease changes nothing.
// The recipient state machine is documented in src/shared/states.ts and the README.
import type { Db } from '../db/open';
import type { Lease } from './lease';
import type { SendResponse } from '../gateway/types';
import type { Encoding } from '../../../shared/states';

export interface ClaimedRecipient {
  id: number;
  msisdn: string;
  tagvalues: string[] | null;
}

export interface ClaimedBatch {
  id: number;
  campaignId: number;
  encoding: Encoding;
  sender: string;
  message: string;
  tags: string[];
  sendAt: number | null;
  recipients: ClaimedRecipient[];
}

/** Quiet hours' constraints on a claim (none: the fastest claim, any country mixed). */
export interface ClaimFilter {
  /** Every recipient of the batch has one country, so the batch can be held or sent as a whole. */
  byCountry?: boolean;
  /** Countries inside their quiet window now (null = recipients without a country); implies byCountry. */
  quietCountries?: readonly (string | null)[];
}

interface QueueHead {
  campaignId: number;
  encoding: string;
  country: string | null;
}

export interface AttemptOutcome {
  outcome: string;
  httpStatus: number | null;
  code: string | null;
  message: string | null;
  body: string | null;
}

export class Queue {
  constructor(
    private readonly db: Db,
    private readonly lease: Lease,
    private readonly now: () => number,
  ) {}

  private tx<T>(fn: () => T): T {
    return this.db
      .transaction(() => {
        this.lease.check();
        return fn();
      })
      .immediate();
  }

  /** After taking the lease: claimed work goes back to the queue; in_flight becomes uncertain. */
  recover(): { requeued: number; uncertain: number } {
    return this.tx(() => {
      const now = this.now();
      const requeued = this.db
        .prepare(
          "UPDATE recipients SET state = 'queued', batch_id = NULL, updated_at = ? WHERE state = 'claimed'",
        )
        .run(now).changes;
      this.db.prepare("UPDATE batches SET state = 'abandoned' WHERE state = 'claimed'").run();
      const uncertain = this.db
        .prepare(
          `UPDATE recipients SET state = 'uncertain', updated_at = ?,
             error = 'The app stopped while this batch was being sent: it may or may not have reached GatewayAPI.'
           WHERE state = 'in_flight'`,
        )
        .run(now).changes;
      this.db.prepare("UPDATE batches SET state = 'uncertain' WHERE state = 'in_flight'").run();
      this.db
        .prepare(
          "UPDATE attempts SET outcome = 'interrupted', finished_at = ?, message = 'Process stopped during the request' WHERE outcome = 'in_flight'",
        )
        .run(now);
      return { requeued, uncertain };
    });
  }

  /**
   * Claims the next batch: a due retry first, else up to `size` queued recipients of the oldest
   * active campaign, all of one encoding (one non-GSM name must not reprice the others). With
   * `filter` (quiet hours on) the batch also holds one country, and quiet countries are skipped.
   * Retries are claimed whatever their country: they were formed before any window began.
   */
  claimNext(size: number, filter?: ClaimFilter): ClaimedBatch | null {
    const byCountry = !!filter && (!!filter.byCountry || (filter.quietCountries?.length ?? 0) > 0);
    return this.tx(() => {
      const now = this.now();
      const retry = this.db
        .prepare(
          `SELECT b.id FROM batches b JOIN campaigns c ON c.id = b.campaign_id
           WHERE b.state = 'retry_wait' AND b.next_attempt_at <= ? AND c.status = 'active'
           ORDER BY b.next_attempt_at, b.id LIMIT 1`,
        )
        .get(now) as { id: number } | undefined;
      let batchId: number;
      if (retry) {
        batchId = retry.id;
        this.db.prepare("UPDATE batches SET state = 'claimed' WHERE id = ?").run(batchId);
        this.db
          .prepare("UPDATE recipients SET state = 'claimed', updated_at = ? WHERE batch_id = ? AND state = 'retry_wait'")
          .run(now, batchId);
      } else {
        const head = byCountry ? this.countryHead(filter?.quietCountries ?? []) : this.head();
        if (!head) return null;
        // With a country, its recipients may lie anywhere in the id range: go through the country
        // index, or the range below would walk the campaign's other countries row by row.
        const table = byCountry ? 'recipients INDEXED BY recipients_queued_country' : 'recipients';
        const same = `state = 'queued' AND campaign_id = ? AND encoding = ?${byCountry ? ' AND country IS ?' : ''}`;
        const args: (number | string | null)[] = [head.campaignId, head.encoding, ...(byCountry ? [head.country] : [])];
        const ids = this.db
          .prepare(`SELECT id FROM ${table} WHERE ${same} ORDER BY id LIMIT ?`)
          .pluck()
          .all(...args, size) as number[];
        batchId = Number(
          this.db
            .prepare(
              `INSERT INTO batches (campaign_id, encoding, state, size, lease_epoch, created_at)
               VALUES (?, ?, 'claimed', ?, ?, ?)`,
            )
            .run(head.campaignId, head.encoding, ids.length, this.lease.epoch, now).lastInsertRowid,
        );
        // The ids are the first N in id order for this filter, so a range update claims exactly them.
        this.db
          .prepare(`UPDATE ${table} SET state = 'claimed', batch_id = ?, updated_at = ? WHERE ${same} AND id BETWEEN ? AND ?`)
          .run(batchId, now, ...args, ids[0], ids[ids.length - 1]);
      }
      return this.loadBatch(batchId);
    });
  }

  /** The queue's head in recipients_queue order, so no sort of the whole queue per claim. */
  private head(): QueueHead | undefined {
    const h = this.db
      .prepare(
        `SELECT r.campaign_id AS campaignId, r.encoding FROM recipients r
         JOIN campaigns c ON c.id = r.campaign_id
         WHERE r.state = 'queued' AND c.status = 'active'
         ORDER BY r.campaign_id, r.encoding, r.id LIMIT 1`,
      )
      .get() as { campaignId: number; encoding: string } | undefined;
    return h && { ...h, country: null };
  }

  /**
   * The head among countries that are not quiet: one seek per queued country, the earliest
   * (campaign, encoding, id) wins, so campaigns still go oldest first.
   */
  private countryHead(quiet: readonly (string | null)[]): QueueHead | undefined {
    const skip = new Set(quiet);
    const first = this.db.prepare(
      `SELECT r.campaign_id AS campaignId, r.encoding, r.id FROM recipients r
       JOIN campaigns c ON c.id = r.campaign_id
       WHERE r.state = 'queued' AND r.country IS ? AND c.status = 'active'
       ORDER BY r.campaign_id, r.encoding, r.id LIMIT 1`,
    );
    let best: (QueueHead & { id: number }) | undefined;
    for (const country of this.queuedCountries()) {
      if (skip.has(country)) continue;
      const h = first.get(country) as { campaignId: number; encoding: string; id: number } | undefined;
      if (!h) continue;
      const earlier =
        !best ||
        h.campaignId < best.campaignId ||
        (h.campaignId === best.campaignId && (h.encoding < best.encoding || (h.encoding === best.encoding && h.id < best.id)));
      if (earlier) best = { ...h, country };
    }
    return best;
  }

  /**
   * The distinct countries of queued recipients (null = none recorded), paused campaigns included:
   * a skip-scan of recipients_queued_country, one seek per country, not a pass over the queue.
   * INDEXED BY: without statistics the planner would scan recipients_queue and sort instead.
   */
  queuedCountries(): (string | null)[] {
    const out: (string | null)[] = [];
    if (this.db.prepare("SELECT 1 FROM recipients WHERE state = 'queued' AND country IS NULL LIMIT 1").get()) out.push(null);
    let c = this.db
      .prepare("SELECT country FROM recipients INDEXED BY recipients_queued_country WHERE state = 'queued' AND country IS NOT NULL ORDER BY country LIMIT 1")
      .pluck()
      .get() as string | undefined;
    const next = this.db
      .prepare("SELECT country FROM recipients INDEXED BY recipients_queued_country WHERE state = 'queued' AND country > ? ORDER BY country LIMIT 1")
      .pluck();
    while (c !== undefined) {
      out.push(c);
      c = next.get(c) as string | undefined;
    }
    return out;
  }

  private loadBatch(batchId: number): ClaimedBatch {
    const b = this.db
      .prepare(
        `SELECT b.id, b.campaign_id AS campaignId, b.encoding, c.sender, c.message, c.tags, c.send_at AS sendAt
         FROM batches b JOIN campaigns c ON c.id = b.campaign_id WHERE b.id = ?`,
      )
      .get(batchId) as Omit<ClaimedBatch, 'recipients' | 'tags'> & { tags: string };
    const rows = this.db
      .prepare("SELECT id, msisdn, tagvalues FROM recipients WHERE batch_id = ? AND state = 'claimed' ORDER BY id")
      .all(batchId) as { id: number; msisdn: string; tagvalues: string | null }[];
    return {
      ...b,
      tags: JSON.parse(b.tags) as string[],
      recipients: rows.map((r) => ({
        id: r.id,
        msisdn: r.msisdn,
        tagvalues: r.tagvalues ? (JSON.parse(r.tagvalues) as string[]) : null,
      })),
    };
  }

  /** Committed (synchronous=FULL) before the first byte of the request is written. */
  markInFlight(batchId: number, recipients: number): number {
    return this.tx(() => {
      const now = this.now();
      this.db
        .prepare(
          "UPDATE batches SET state = 'in_flight', first_attempt_at = COALESCE(first_attempt_at, ?), tries = tries + 1 WHERE id = ?",
        )
        .run(now, batchId);
      this.db
        .prepare("UPDATE recipients SET state = 'in_flight', updated_at = ? WHERE batch_id = ? AND state = 'claimed'")
        .run(now, batchId);
      return Number(
        this.db
          .prepare("INSERT INTO attempts (batch_id, started_at, outcome, recipients) VALUES (?, ?, 'in_flight', ?)")
          .run(batchId, now, recipients).lastInsertRowid,
      );
    });
  }

  private finishAttempt(attemptId: number, o: AttemptOutcome): void {
    this.db
      .prepare(
        'UPDATE attempts SET finished_at = ?, outcome = ?, http_status = ?, code = ?, message = ?, body = ? WHERE id = ?',
      )
      .run(this.now(), o.outcome, o.httpStatus, o.code, o.message, o.body, attemptId);
  }

  private setRecipients(batchId: number, from: string, to: string, code: string | null, error: string | null): number {
    return this.db
      .prepare(
        'UPDATE recipients SET state = ?, error_code = ?, error = ?, updated_at = ? WHERE batch_id = ? AND state = ?',
      )
      .run(to, code, error, this.now(), batchId, from).changes;
  }

  markSubmitted(batchId: number, attemptId: number, res: SendResponse, firstPollAt: number, scheduled: boolean): void {
    this.tx(() => {
      const state = scheduled ? 'scheduled' : 'submitted';
      this.db
        .prepare(
          `UPDATE batches SET state = ?, gateway_id = ?, submitted_at = ?, cost = ?, currency = ?,
             poll_next_at = ?, poll_step = 0, error_code = NULL, error = NULL WHERE id = ?`,
        )
        .run(state, res.ids[0] ?? null, this.now(), res.usage?.total_cost ?? null, res.usage?.currency ?? null, firstPollAt, batchId);
      this.setRecipients(batchId, 'in_flight', state, null, null);
      this.finishAttempt(attemptId, { outcome: 'submitted', httpStatus: 200, code: null, message: null, body: null });
    });
  }

  /**
   * Provably not processed: wait and retry the same batch. An uncounted try (offline) is given back,
   * and while no counted try is left the give-up clock (first_attempt_at) has not started either: a
   * night offline must not make the first 503 of the morning fail the batch.
   */
  markRetry(batchId: number, attemptId: number, nextAt: number, o: AttemptOutcome, countTry: boolean): void {
    this.tx(() => {
      const giveBack = countTry ? 0 : 1;
      this.db
        .prepare(
          `UPDATE batches SET state = 'retry_wait', next_attempt_at = ?, error_code = ?, error = ?,
             tries = tries - ?, first_attempt_at = CASE WHEN tries - ? <= 0 THEN NULL ELSE first_attempt_at END
           WHERE id = ?`,
        )
        .run(nextAt, o.code, o.message, giveBack, giveBack, batchId);
      this.setRecipients(batchId, 'in_flight', 'retry_wait', o.code, o.message);
      this.finishAttempt(attemptId, o);
    });
  }

  /** May have been accepted: never resent without the user's say. */
  markUncertain(batchId: number, attemptId: number, o: AttemptOutcome): void {
    this.tx(() => {
      this.db.prepare("UPDATE batches SET state = 'uncertain', error_code = ?, error = ? WHERE id = ?").run(o.code, o.message, batchId);
      this.setRecipients(batchId, 'in_flight', 'uncertain', o.code, o.message);
      this.finishAttempt(attemptId, o);
    });
  }

  /** Permanent refusal of the whole request (or retries gave up). */
  markFailed(batchId: number, attemptId: number | null, o: AttemptOutcome, from = 'in_flight'): void {
    this.tx(() => {
      this.db.prepare("UPDATE batches SET state = 'failed', error_code = ?, error = ? WHERE id = ?").run(o.code, o.message, batchId);
      this.setRecipients(batchId, from, 'failed', o.code, o.message);
      if (attemptId != null) this.finishAttempt(attemptId, o);
    });
  }

  /** Refused before processing (auth, credit, frozen): everything goes back to the queue. */
  markRefused(batchId: number, attemptId: number, o: AttemptOutcome): void {
    this.tx(() => {
      this.db.prepare("UPDATE batches SET state = 'refused', error_code = ?, error = ? WHERE id = ?").run(o.code, o.message, batchId);
      this.db
        .prepare("UPDATE recipients SET state = 'queued', batch_id = NULL, updated_at = ? WHERE batch_id = ? AND state = 'in_flight'")
        .run(this.now(), batchId);
      this.finishAttempt(attemptId, o);
    });
  }

  /**
   * Per-recipient refusal (blacklisted, country, duplicate): the named recipients fail, the rest go
   * back to the queue. With none named, the batch is split in halves that are retried at once, so
   * the culprits are found in log2(n) requests.
   */
  markRecipientsRefused(batchId: number, attemptId: number, msisdns: string[], o: AttemptOutcome): { failed: number } {
    return this.tx(() => {
      const now = this.now();
      const rows = this.db
        .prepare("SELECT id, msisdn FROM recipients WHERE batch_id = ? AND state = 'in_flight' ORDER BY id")
        .all(batchId) as { id: number; msisdn: string }[];
      const named = new Set(msisdns.map((m) => m.replace(/\D/g, '')));
      const hits = rows.filter((r) => named.has(r.msisdn));
      this.db.prepare("UPDATE batches SET state = 'split', error_code = ?, error = ? WHERE id = ?").run(o.code, o.message, batchId);
      this.finishAttempt(attemptId, o);
      const fail = this.db.prepare("UPDATE recipients SET state = 'failed', error_code = ?, error = ?, updated_at = ? WHERE id = ?");
      if (hits.length > 0 || rows.length === 1) {
        const culprits = hits.length > 0 ? hits : rows;
        for (const r of culprits) fail.run(o.code, o.message, now, r.id);
        this.db
          .prepare("UPDATE recipients SET state = 'queued', batch_id = NULL, updated_at = ? WHERE batch_id = ? AND state = 'in_flight'")
          .run(now, batchId);
        return { failed: culprits.length };
      }
      const b = this.db.prepare('SELECT campaign_id, encoding FROM batches WHERE id = ?').get(batchId) as {
        campaign_id: number;
        encoding: string;
      };
      const half = Math.ceil(rows.length / 2);
      for (const part of [rows.slice(0, half), rows.slice(half)]) {
        const id = Number(
          this.db
            .prepare(
              `INSERT INTO batches (campaign_id, encoding, state, size, lease_epoch, created_at, next_attempt_at)
               VALUES (?, ?, 'retry_wait', ?, ?, ?, ?)`,
            )
            .run(b.campaign_id, b.encoding, part.length, this.lease.epoch, now, now).lastInsertRowid,
        );
        const move = this.db.prepare("UPDATE recipients SET state = 'retry_wait', batch_id = ?, updated_at = ? WHERE id = ?");
        for (const r of part) move.run(id, now, r.id);
      }
      return { failed: 0 };
    });
  }

  /** A claim that was never written (shutdown): back to where it came from. */
  releaseClaim(batchId: number): void {
    this.tx(() => {
      this.db
        .prepare("UPDATE recipients SET state = 'queued', batch_id = NULL, updated_at = ? WHERE batch_id = ? AND state = 'claimed'")
        .run(this.now(), batchId);
      this.db.prepare("UPDATE batches SET state = 'abandoned' WHERE id = ?").run(batchId);
    });
  }

  /** Makes these waiting batches due now (the network is back: no need to wait out the backoff). */
  retryNow(batchIds: number[]): void {
    this.tx(() => {
      const stmt = this.db.prepare(
        "UPDATE batches SET next_attempt_at = ? WHERE id = ? AND state = 'retry_wait' AND next_attempt_at > ?",
      );
      const now = this.now();
      for (const id of batchIds) stmt.run(now, id, now);
    });
  }

  /** Earliest time a waiting retry becomes due, or null. */
  nextRetryAt(): number | null {
    const r = this.db
      .prepare(
        `SELECT MIN(b.next_attempt_at) AS t FROM batches b JOIN campaigns c ON c.id = b.campaign_id
         WHERE b.state = 'retry_wait' AND c.status = 'active'`,
      )
      .get() as { t: number | null };
    return r.t;
  }

  campaignActive(campaignId: number): boolean {
    return !!this.db.prepare("SELECT 1 FROM campaigns WHERE id = ? AND status = 'active'").get(campaignId);
  }

  tries(batchId: number): number {
    return (this.db.prepare('SELECT tries FROM batches WHERE id = ?').get(batchId) as { tries: number }).tries;
  }

  firstAttemptAt(batchId: number): number | null {
    const r = this.db.prepare('SELECT first_attempt_at AS t FROM batches WHERE id = ?').get(batchId) as { t: number | null };
    return r.t;
  }

  hasQueued(): boolean {
    return !!this.db
      .prepare(
        "SELECT 1 FROM recipients r JOIN campaigns c ON c.id = r.campaign_id WHERE r.state = 'queued' AND c.status = 'active' LIMIT 1",
      )
      .get();
  }
}
