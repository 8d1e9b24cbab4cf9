// The sender's side of the outbox: claiming batches and recording every outcome. Each method is one
// transaction that first checks the lease epoch, so a sender that lost the lease changes nothing.
// The recipient state machine is documented in src/shared/states.ts and the README.
import type { Message } from '../../shared/i18n/messages';
import { unsynced, type Db } from '../db/open';
import { LeaseLostError, type Lease } from './lease';
import type { SendResponse } from '../gateway/types';
import type { Encoding } from '../../shared/states';

/** The stored reason (a message code, see shared/i18n) for recipients the app stopped on mid-request. */
const APP_STOPPED = JSON.stringify({ code: 'reason_app_stopped' } satisfies Message);

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

/** Back to the queue, unless the campaign was cancelled meanwhile: cancel is final. */
/** Longest server message kept (a proxy's HTML page can be megabytes; the attempt keeps its own excerpt). */
export const BATCH_MESSAGE_MAX = 1000;
export function batchMessage(message: string | null): string | null {
  return message == null || message.length <= BATCH_MESSAGE_MAX ? message : `${message.slice(0, BATCH_MESSAGE_MAX - 1)}…`;
}

/**
 * The claim's UPDATE returns what the request needs, instead of a second query through the batch
 * index that reads the same rows again (and sorted them in a temporary B-tree).
 */
const CLAIMED_ROWS = 'RETURNING id, msisdn, tagvalues';
type RecipientRow = { id: number; msisdn: string; tagvalues: string | null };

const REQUEUE = `state = CASE WHEN EXISTS (SELECT 1 FROM campaigns c WHERE c.id = recipients.campaign_id AND c.status = 'cancelled')
  THEN 'cancelled' ELSE 'queued' END, batch_id = NULL`;

export class Queue {
  /** SQL that limits claims to some campaigns (`sms-outbox send` sends only its own); '' = all. */
  private scope = '';

  constructor(
    private readonly db: Db,
    private readonly lease: Lease,
    private readonly now: () => number,
  ) {}

  /**
   * Claims (and the sender's idea of pending work) only for these campaigns; null = every campaign.
   * Recovery, polling and everything else still cover the whole folder.
   */
  limitTo(campaignIds: readonly number[] | null): void {
    if (campaignIds === null) {
      this.scope = '';
      return;
    }
    const ids = campaignIds.filter((id) => Number.isSafeInteger(id));
    this.scope = ` AND c.id IN (${ids.length > 0 ? ids.join(',') : 'NULL'})`;
  }

  private tx<T>(fn: () => T): T {
    return this.db
      .transaction(() => {
        this.lease.check();
        return fn();
      })
      .immediate();
  }

  /**
   * An outcome write for one batch: it goes through only while the lease still has the epoch the
   * batch was claimed under (a process that lost the lease and took it back must not overwrite
   * what the recovery in between decided).
   */
  private batchTx<T>(batchId: number, fn: () => T): T {
    return this.db
      .transaction(() => {
        this.lease.check();
        const b = this.db.prepare('SELECT lease_epoch AS epoch FROM batches WHERE id = ?').get(batchId) as { epoch: number } | undefined;
        if (!b || b.epoch !== this.lease.epoch) throw new LeaseLostError();
        return fn();
      })
      .immediate();
  }

  /** After taking the lease: claimed work goes back to the queue; in_flight becomes uncertain. */
  recover(): { requeued: number; uncertain: number } {
    return this.tx(() => {
      const now = this.now();
      const requeued = this.db.prepare(`UPDATE recipients SET ${REQUEUE}, updated_at = ? WHERE state = 'claimed'`).run(now).changes;
      this.db.prepare("UPDATE batches SET state = 'abandoned' WHERE state = 'claimed'").run();
      const uncertain = this.db
        .prepare(
          `UPDATE recipients SET state = 'uncertain', updated_at = ?, error = ?
           WHERE state = 'in_flight'`,
        )
        .run(now, APP_STOPPED).changes;
      this.db.prepare("UPDATE batches SET state = 'uncertain' WHERE state = 'in_flight'").run();
      this.db
        .prepare("UPDATE attempts SET outcome = 'interrupted', finished_at = ?, message = ? WHERE outcome = 'in_flight'")
        .run(now, APP_STOPPED);
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
    // A claim's commit does not wait for the disk: see unsynced().
    return unsynced(this.db, () => this.claim(size, filter));
  }

  private claim(size: number, filter?: ClaimFilter): ClaimedBatch | null {
    const byCountry = !!filter && (!!filter.byCountry || (filter.quietCountries?.length ?? 0) > 0);
    const quiet = filter?.quietCountries ?? [];
    const quietNamed = quiet.filter((c): c is string => c != null);
    // Retries respect quiet hours too: a batch with a recipient in a quiet country waits.
    const notQuiet =
      quiet.length === 0
        ? ''
        : `AND NOT EXISTS (SELECT 1 FROM recipients r WHERE r.batch_id = b.id AND r.state = 'retry_wait'
             AND (r.country IN (${quietNamed.map(() => '?').join(',')})${quiet.includes(null) ? ' OR r.country IS NULL' : ''}))`;
    return this.tx(() => {
      const now = this.now();
      const retry = this.db
        .prepare(
          `SELECT b.id FROM batches b JOIN campaigns c ON c.id = b.campaign_id
           WHERE b.state = 'retry_wait' AND b.next_attempt_at <= ? AND c.status = 'active'${this.scope} ${notQuiet}
           ORDER BY b.next_attempt_at, b.id LIMIT 1`,
        )
        .get(now, ...quietNamed) as { id: number } | undefined;
      let batchId: number;
      let rows: RecipientRow[];
      if (retry) {
        batchId = retry.id;
        this.db.prepare("UPDATE batches SET state = 'claimed', lease_epoch = ? WHERE id = ?").run(this.lease.epoch, batchId);
        rows = this.db
          .prepare(`UPDATE recipients SET state = 'claimed', updated_at = ? WHERE batch_id = ? AND state = 'retry_wait' ${CLAIMED_ROWS}`)
          .all(now, batchId) as RecipientRow[];
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
        rows = this.db
          .prepare(
            `UPDATE ${table} SET state = 'claimed', batch_id = ?, updated_at = ? WHERE ${same} AND id BETWEEN ? AND ? ${CLAIMED_ROWS}`,
          )
          .all(batchId, now, ...args, ids[0], ids[ids.length - 1]) as RecipientRow[];
      }
      return this.loadBatch(batchId, rows);
    });
  }

  /** The queue's head in recipients_queue order, so no sort of the whole queue per claim. */
  private head(): QueueHead | undefined {
    const h = this.db
      .prepare(
        `SELECT r.campaign_id AS campaignId, r.encoding FROM recipients r
         JOIN campaigns c ON c.id = r.campaign_id
         WHERE r.state = 'queued' AND c.status = 'active'${this.scope}
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
       WHERE r.state = 'queued' AND r.country IS ? AND c.status = 'active'${this.scope}
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
      .prepare(
        "SELECT country FROM recipients INDEXED BY recipients_queued_country WHERE state = 'queued' AND country IS NOT NULL ORDER BY country LIMIT 1",
      )
      .pluck()
      .get() as string | undefined;
    const next = this.db
      .prepare(
        "SELECT country FROM recipients INDEXED BY recipients_queued_country WHERE state = 'queued' AND country > ? ORDER BY country LIMIT 1",
      )
      .pluck();
    while (c !== undefined) {
      out.push(c);
      c = next.get(c) as string | undefined;
    }
    return out;
  }

  /** The distinct countries of recipients waiting for a retry (few: a retry is a batch or a number). */
  retryCountries(): (string | null)[] {
    return this.db
      .prepare(
        `SELECT DISTINCT r.country FROM batches b JOIN recipients r ON r.batch_id = b.id
         WHERE b.state = 'retry_wait' AND r.state = 'retry_wait'`,
      )
      .pluck()
      .all() as (string | null)[];
  }

  /** The claimed batch with its recipients (as the claim's UPDATE returned them), in id order. */
  private loadBatch(batchId: number, rows: RecipientRow[]): ClaimedBatch {
    const b = this.db
      .prepare(
        `SELECT b.id, b.campaign_id AS campaignId, b.encoding, c.sender, c.message, c.tags, c.send_at AS sendAt
         FROM batches b JOIN campaigns c ON c.id = b.campaign_id WHERE b.id = ?`,
      )
      .get(batchId) as Omit<ClaimedBatch, 'recipients' | 'tags'> & { tags: string };
    // RETURNING promises no order; the request lists recipients in id (file) order.
    rows.sort((x, y) => x.id - y.id);
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

  /**
   * Committed (synchronous=FULL) before the first byte of the request is written. Null when the
   * campaign is no longer active (paused or cancelled while the batch waited): then nothing may be
   * sent, and the caller gives the claim back. Safe to repeat after a failed commit: the attempt
   * already opened is returned.
   */
  markInFlight(batchId: number, recipients: number): number | null {
    return this.batchTx(batchId, () => {
      const now = this.now();
      const b = this.db
        .prepare('SELECT b.state, c.status FROM batches b JOIN campaigns c ON c.id = b.campaign_id WHERE b.id = ?')
        .get(batchId) as { state: string; status: string };
      if (b.state === 'in_flight') {
        return this.db.prepare("SELECT MAX(id) FROM attempts WHERE batch_id = ? AND outcome = 'in_flight'").pluck().get(batchId) as number;
      }
      if (b.state !== 'claimed' || b.status !== 'active') return null;
      this.db
        .prepare("UPDATE batches SET state = 'in_flight', first_attempt_at = COALESCE(first_attempt_at, ?), tries = tries + 1 WHERE id = ?")
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
      .prepare('UPDATE attempts SET finished_at = ?, outcome = ?, http_status = ?, code = ?, message = ?, body = ? WHERE id = ?')
      .run(this.now(), o.outcome, o.httpStatus, o.code, o.message, o.body, attemptId);
  }

  /**
   * A batch-wide outcome: the recipients get the state and code; the server's message is stored once,
   * bounded, on the batch row (batchMessage), and read from there (campaigns.ts RECIPIENT_ERROR), not
   * copied into each of up to 10,000 recipient rows.
   */
  private setRecipients(batchId: number, from: string, to: string, code: string | null): number {
    return this.db
      .prepare('UPDATE recipients SET state = ?, error_code = ?, error = NULL, updated_at = ? WHERE batch_id = ? AND state = ?')
      .run(to, code, this.now(), batchId, from).changes;
  }

  markSubmitted(batchId: number, attemptId: number, res: SendResponse, firstPollAt: number, scheduled: boolean): void {
    this.batchTx(batchId, () => {
      const state = scheduled ? 'scheduled' : 'submitted';
      this.db
        .prepare(
          `UPDATE batches SET state = ?, gateway_id = ?, submitted_at = ?, cost = ?, currency = ?,
             poll_next_at = ?, poll_step = 0, error_code = NULL, error = NULL WHERE id = ?`,
        )
        .run(state, res.ids[0] ?? null, this.now(), res.usage?.total_cost ?? null, res.usage?.currency ?? null, firstPollAt, batchId);
      this.setRecipients(batchId, 'in_flight', state, null);
      this.finishAttempt(attemptId, { outcome: 'submitted', httpStatus: 200, code: null, message: null, body: null });
    });
  }

  /**
   * Provably not processed: wait and retry the same batch. An uncounted try (offline) is given back,
   * and while no counted try is left the give-up clock (first_attempt_at) has not started either: a
   * night offline must not make the first 503 of the morning fail the batch.
   */
  markRetry(batchId: number, attemptId: number, nextAt: number, o: AttemptOutcome, countTry: boolean): void {
    this.batchTx(batchId, () => {
      const giveBack = countTry ? 0 : 1;
      this.db
        .prepare(
          `UPDATE batches SET state = 'retry_wait', next_attempt_at = ?, error_code = ?, error = ?,
             tries = tries - ?, first_attempt_at = CASE WHEN tries - ? <= 0 THEN NULL ELSE first_attempt_at END
           WHERE id = ?`,
        )
        .run(nextAt, o.code, batchMessage(o.message), giveBack, giveBack, batchId);
      this.setRecipients(batchId, 'in_flight', 'retry_wait', o.code);
      this.finishAttempt(attemptId, o);
    });
  }

  /** May have been accepted: never resent without the user's say. */
  markUncertain(batchId: number, attemptId: number, o: AttemptOutcome): void {
    this.batchTx(batchId, () => {
      this.db
        .prepare("UPDATE batches SET state = 'uncertain', error_code = ?, error = ? WHERE id = ?")
        .run(o.code, batchMessage(o.message), batchId);
      this.setRecipients(batchId, 'in_flight', 'uncertain', o.code);
      this.finishAttempt(attemptId, o);
    });
  }

  /** Permanent refusal of the whole request (or retries gave up). */
  markFailed(batchId: number, attemptId: number | null, o: AttemptOutcome, from = 'in_flight'): void {
    this.batchTx(batchId, () => {
      this.db
        .prepare("UPDATE batches SET state = 'failed', error_code = ?, error = ? WHERE id = ?")
        .run(o.code, batchMessage(o.message), batchId);
      this.setRecipients(batchId, from, 'failed', o.code);
      if (attemptId != null) this.finishAttempt(attemptId, o);
    });
  }

  /** Refused before processing (auth, credit, frozen): everything goes back to the queue. */
  markRefused(batchId: number, attemptId: number, o: AttemptOutcome): void {
    this.batchTx(batchId, () => {
      this.db
        .prepare("UPDATE batches SET state = 'refused', error_code = ?, error = ? WHERE id = ?")
        .run(o.code, batchMessage(o.message), batchId);
      this.db
        .prepare(`UPDATE recipients SET ${REQUEUE}, updated_at = ? WHERE batch_id = ? AND state = 'in_flight'`)
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
    return this.batchTx(batchId, () => {
      const now = this.now();
      const rows = this.db
        .prepare("SELECT id, msisdn FROM recipients WHERE batch_id = ? AND state = 'in_flight' ORDER BY id")
        .all(batchId) as { id: number; msisdn: string }[];
      if (rows.length === 0) return { failed: 0 }; // written already (a repeated write after a failed commit)
      const named = new Set(msisdns.map((m) => m.replace(/\D/g, '')));
      const hits = rows.filter((r) => named.has(r.msisdn));
      this.db
        .prepare("UPDATE batches SET state = 'split', error_code = ?, error = ? WHERE id = ?")
        .run(o.code, batchMessage(o.message), batchId);
      this.finishAttempt(attemptId, o);
      const fail = this.db.prepare("UPDATE recipients SET state = 'failed', error_code = ?, error = ?, updated_at = ? WHERE id = ?");
      if (hits.length > 0 || rows.length === 1) {
        const culprits = hits.length > 0 ? hits : rows;
        for (const r of culprits) fail.run(o.code, batchMessage(o.message), now, r.id);
        this.db.prepare(`UPDATE recipients SET ${REQUEUE}, updated_at = ? WHERE batch_id = ? AND state = 'in_flight'`).run(now, batchId);
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

  /**
   * A 200 that arrived after this process lost the lease (the batch was claimed under an older
   * epoch): the new holder's recovery called these recipients uncertain, but GatewayAPI's ids are
   * strictly better information. Only upgrades: a recipient the user already resent or marked as
   * sent is left alone. No lease check, by design.
   */
  markSubmittedFencedOut(batchId: number, attemptId: number, res: SendResponse, firstPollAt: number, scheduled: boolean): number {
    return this.db
      .transaction(() => {
        const state = scheduled ? 'scheduled' : 'submitted';
        const n = this.db
          .prepare(
            `UPDATE recipients SET state = ?, error_code = NULL, error = NULL, updated_at = ?
             WHERE batch_id = ? AND state IN ('in_flight', 'uncertain')`,
          )
          .run(state, this.now(), batchId).changes;
        this.db
          .prepare(
            `UPDATE batches SET state = ?, gateway_id = ?, submitted_at = ?, cost = ?, currency = ?,
               poll_next_at = ?, poll_step = 0, error_code = NULL, error = NULL WHERE id = ? AND state IN ('in_flight', 'uncertain')`,
          )
          .run(state, res.ids[0] ?? null, this.now(), res.usage?.total_cost ?? null, res.usage?.currency ?? null, firstPollAt, batchId);
        this.finishAttempt(attemptId, { outcome: 'submitted', httpStatus: 200, code: null, message: null, body: null });
        return n;
      })
      .immediate();
  }

  /**
   * 403 0x0217: GatewayAPI does not send to this country from this account. Every recipient of the
   * batch in that country fails at once (by its stored country, or, where none was stored, by the
   * calling code its number starts with); the rest go back to the queue. No bisection.
   */
  markCountryRefused(
    batchId: number,
    attemptId: number,
    country: string,
    callingCode: string | null,
    o: AttemptOutcome,
  ): { failed: number } {
    return this.batchTx(batchId, () => {
      const now = this.now();
      const inCountry = `batch_id = ? AND state = 'in_flight'
        AND (country = ? OR (country IS NULL AND ? IS NOT NULL AND substr(msisdn, 1, length(?)) = ?))`;
      const args = [batchId, country, callingCode, callingCode, callingCode];
      // Nobody of that country here (a country we cannot place): the whole batch fails, or the same
      // recipients would be claimed and refused again and again.
      const any = this.db.prepare(`SELECT 1 FROM recipients WHERE ${inCountry} LIMIT 1`).get(...args);
      const failed = this.db
        .prepare(
          `UPDATE recipients SET state = 'failed', error_code = ?, error = ?, updated_at = ? WHERE ${any ? inCountry : "batch_id = ? AND state = 'in_flight'"}`,
        )
        .run(o.code, batchMessage(o.message), now, ...(any ? args : [batchId])).changes;
      this.db
        .prepare("UPDATE batches SET state = 'split', error_code = ?, error = ? WHERE id = ?")
        .run(o.code, batchMessage(o.message), batchId);
      this.db.prepare(`UPDATE recipients SET ${REQUEUE}, updated_at = ? WHERE batch_id = ? AND state = 'in_flight'`).run(now, batchId);
      this.finishAttempt(attemptId, o);
      return { failed };
    });
  }

  /**
   * 403 0x0214: the number is blacklisted for a while. It stays in this batch and waits until
   * `nextAt`; the batch's other recipients go back to the queue. False when the number is not in
   * the batch (the caller then retries the whole batch).
   */
  markRecipientRetry(batchId: number, attemptId: number, msisdn: string, nextAt: number, o: AttemptOutcome): boolean {
    return this.batchTx(batchId, () => {
      const now = this.now();
      const hit = this.db
        .prepare("SELECT id FROM recipients WHERE batch_id = ? AND state = 'in_flight' AND msisdn = ?")
        .get(batchId, msisdn.replace(/\D/g, '')) as { id: number } | undefined;
      if (!hit) return false;
      this.db
        .prepare(`UPDATE recipients SET ${REQUEUE}, updated_at = ? WHERE batch_id = ? AND state = 'in_flight' AND id <> ?`)
        .run(now, batchId, hit.id);
      this.db
        .prepare("UPDATE recipients SET state = 'retry_wait', error_code = ?, error = ?, updated_at = ? WHERE id = ?")
        .run(o.code, batchMessage(o.message), now, hit.id);
      this.db
        .prepare("UPDATE batches SET state = 'retry_wait', size = 1, next_attempt_at = ?, error_code = ?, error = ? WHERE id = ?")
        .run(nextAt, o.code, batchMessage(o.message), batchId);
      this.finishAttempt(attemptId, o);
      return true;
    });
  }

  /** A claim that was never written (shutdown): back to where it came from. */
  releaseClaim(batchId: number): void {
    this.batchTx(batchId, () => {
      this.db.prepare(`UPDATE recipients SET ${REQUEUE}, updated_at = ? WHERE batch_id = ? AND state = 'claimed'`).run(this.now(), batchId);
      this.db.prepare("UPDATE batches SET state = 'abandoned' WHERE id = ? AND state = 'claimed'").run(batchId);
    });
  }

  /** Makes these waiting batches due now (the network is back: no need to wait out the backoff). */
  retryNow(batchIds: number[]): void {
    this.tx(() => {
      const stmt = this.db.prepare("UPDATE batches SET next_attempt_at = ? WHERE id = ? AND state = 'retry_wait' AND next_attempt_at > ?");
      const now = this.now();
      for (const id of batchIds) stmt.run(now, id, now);
    });
  }

  /**
   * Every retry wait ends now (`sms-outbox resume --now`: the user knows better than a long
   * Retry-After). Uncertain recipients are not touched. Returns how many batches were waiting.
   */
  retryAllNow(): number {
    const now = this.now();
    return this.db.prepare("UPDATE batches SET next_attempt_at = ? WHERE state = 'retry_wait' AND next_attempt_at > ?").run(now, now)
      .changes;
  }

  /** Earliest time a waiting retry becomes due, or null. */
  nextRetryAt(): number | null {
    const r = this.db
      .prepare(
        `SELECT MIN(b.next_attempt_at) AS t FROM batches b JOIN campaigns c ON c.id = b.campaign_id
         WHERE b.state = 'retry_wait' AND c.status = 'active'${this.scope}`,
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
        `SELECT 1 FROM recipients r JOIN campaigns c ON c.id = r.campaign_id WHERE r.state = 'queued' AND c.status = 'active'${this.scope} LIMIT 1`,
      )
      .get();
  }
}
