// Campaigns as the user sees them: creating one from an import, the results views (all from SQLite,
// so they work offline) and the user's decisions (pause, cancel, resend, mark as sent).
import { unsynced, type Db } from '../db/open';
import type { AttemptRow, CampaignStatus, CampaignSummary, ParsedInput, RecipientRow } from '../../shared/contract';

/** The recipients query as the bridge contract has parsed it (defaults filled in). */
type RecipientsQuery = ParsedInput<'campaign.recipients'>;
import { FINAL_STATUSES, type Encoding, type RecipientState } from '../../shared/states';
import { BulkActions, type BulkOwner } from './bulkActions';
import { campaignTallies, countWhere, stateTotals } from './counts';
import { likePattern } from './sqlLike';

/**
 * A recipient's error: its own (a per-recipient refusal), else its batch's message for the states a
 * batch-wide outcome leaves (queue.ts stores that message once per batch, not per recipient).
 */
const RECIPIENT_ERROR = `COALESCE(error, CASE WHEN state IN ('failed', 'uncertain', 'retry_wait')
  THEN (SELECT b.error FROM batches b WHERE b.id = recipients.batch_id) END) AS error`;

export interface NewRecipient {
  rowNo: number;
  msisdn: string;
  country: string | null;
  name: string | null;
  tagvalues: string[] | null;
  encoding: Encoding;
  parts: number;
}

export interface NewCampaign {
  name: string;
  kind?: 'campaign' | 'test';
  sender: string;
  message: string;
  tags: string[];
  sendAt: number | null;
  fileName: string | null;
  fileHash: string | null;
  estimateCost: number | null;
  currency: string | null;
  recipients: NewRecipient[];
}

const FINAL_SQL = FINAL_STATUSES.map((s) => `'${s}'`).join(',');
/** Recipients stored per transaction by createInChunks (~20 ms each). */
export const CREATE_CHUNK_ROWS = 4000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Recipients per INSERT statement (9 values each, far below SQLite's limit of 32,766). */
const INSERT_ROWS = 100;

/** The values of recipients[from, from + count) for insertStatement(count), in its column order. */
function recipientValues(campaignId: number, recipients: readonly NewRecipient[], from: number, count: number, now: number): unknown[] {
  const out: unknown[] = [];
  for (let k = from; k < from + count; k++) {
    const r = recipients[k];
    out.push(campaignId, r.rowNo, r.msisdn, r.country, r.name, r.tagvalues ? JSON.stringify(r.tagvalues) : null, r.encoding, r.parts, now);
  }
  return out;
}

export class Campaigns {
  /** Decisions on many recipients, applied in short transactions. */
  readonly bulk: BulkActions;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    owner?: BulkOwner,
  ) {
    this.bulk = new BulkActions(db, now, owner);
  }

  /** Stores the campaign and all its recipients in one transaction: all or nothing (small campaigns, tests). */
  create(c: NewCampaign): { campaignId: number; queued: number } {
    return this.db
      .transaction(() => {
        const campaignId = this.insertCampaign(c, true);
        return { campaignId, queued: this.insertRecipients(campaignId, c.recipients) };
      })
      .immediate();
  }

  /**
   * The same, in transactions of CREATE_CHUNK_ROWS recipients with a turn of the event loop between
   * them: one transaction of 98k rows held the main process (and every answer to the window) for
   * 360 ms. All or nothing is kept as the user sees it: until the last chunk is in, the campaign is
   * hidden (list, counts) and paused (never claimed); a failure removes what was stored. A campaign
   * left half-stored by a crash is reported by halfStored() and discarded when the user says so.
   */
  async createInChunks(c: NewCampaign): Promise<{ campaignId: number; queued: number }> {
    // One chunk's worth is one short transaction anyway: stored at once, sendable at once.
    if (c.recipients.length <= CREATE_CHUNK_ROWS) return this.create(c);
    const campaignId = this.db
      .transaction(() => {
        const id = this.insertCampaign(c, false);
        this.bulk.beginStore(id);
        return id;
      })
      .immediate();
    try {
      let queued = 0;
      for (let i = 0; i < c.recipients.length; i += CREATE_CHUNK_ROWS) {
        await yieldToEventLoop();
        const chunk = c.recipients.slice(i, i + CREATE_CHUNK_ROWS);
        // Not visible nor sendable until the last commit below, which is synchronous = FULL.
        queued += unsynced(this.db, () => this.db.transaction(() => this.insertRecipients(campaignId, chunk)).immediate());
      }
      this.db
        .transaction(() => {
          this.db.prepare("UPDATE campaigns SET stored = 1, status = 'active' WHERE id = ?").run(campaignId);
          this.bulk.endStore(campaignId);
        })
        .immediate();
      return { campaignId, queued };
    } catch (e) {
      await this.discard(campaignId).catch(() => {});
      throw e;
    }
  }

  private insertCampaign(c: NewCampaign, stored: boolean): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO campaigns (name, kind, sender, message, tags, created_at, send_at, file_name, file_hash, estimate_cost, currency, status, stored)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          c.name,
          c.kind ?? 'campaign',
          c.sender,
          c.message,
          JSON.stringify(c.tags),
          this.now(),
          c.sendAt,
          c.fileName,
          c.fileHash,
          c.estimateCost,
          c.currency,
          stored ? 'active' : 'paused',
          stored ? 1 : 0,
        ).lastInsertRowid,
    );
  }

  private insertRecipients(campaignId: number, recipients: readonly NewRecipient[]): number {
    const now = this.now();
    const full = this.insertStatement(INSERT_ROWS);
    let queued = 0;
    let i = 0;
    // Rows per statement: each statement run costs ~5 µs of its own (binding, stepping, resetting),
    // more than a row costs SQLite; 100k recipients stored in 0.8 s one by one, 0.3 s this way.
    for (; i + INSERT_ROWS <= recipients.length; i += INSERT_ROWS) {
      queued += full.run(recipientValues(campaignId, recipients, i, INSERT_ROWS, now)).changes;
    }
    if (i < recipients.length) {
      const rest = recipients.length - i;
      queued += this.insertStatement(rest).run(recipientValues(campaignId, recipients, i, rest, now)).changes;
    }
    return queued;
  }

  /** INSERT of `rows` recipients; a recipient already in the campaign (same number) is skipped. */
  private insertStatement(rows: number) {
    return this.db.prepare(
      `INSERT INTO recipients (campaign_id, row_no, msisdn, country, name, tagvalues, encoding, parts, state, updated_at)
       VALUES ${new Array<string>(rows).fill("(?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)").join(', ')}
       ON CONFLICT (campaign_id, msisdn) DO NOTHING`,
    );
  }

  /** Campaigns a crash left half-stored (never shown, never sent): the user is told and may discard them. */
  halfStored(): { id: number; name: string; createdAt: number; stored: number }[] {
    return this.bulk.halfStored();
  }

  /** Discards a campaign left half-stored; returns how many recipients were stored (0: no such campaign). */
  async discardHalfStored(campaignId: number): Promise<number> {
    const half = this.halfStored().find((h) => h.id === campaignId);
    if (!half) return 0;
    await this.discard(campaignId);
    return half.stored;
  }

  private async discard(campaignId: number): Promise<void> {
    const del = this.db.prepare('DELETE FROM recipients WHERE id IN (SELECT id FROM recipients WHERE campaign_id = ? LIMIT ?)');
    while (del.run(campaignId, CREATE_CHUNK_ROWS).changes > 0) await yieldToEventLoop();
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM bulk_actions WHERE campaign_id = ?').run(campaignId);
        this.db.prepare('DELETE FROM campaigns WHERE id = ? AND stored = 0').run(campaignId);
      })
      .immediate();
  }

  findByFileHash(hash: string): { campaignId: number; name: string; at: number } | null {
    const r = this.db
      .prepare('SELECT id, name, created_at FROM campaigns WHERE file_hash = ? AND stored = 1 ORDER BY id DESC LIMIT 1')
      .get(hash) as { id: number; name: string; created_at: number } | undefined;
    return r ? { campaignId: r.id, name: r.name, at: r.created_at } : null;
  }

  /** Every campaign's summary, or just `only`'s (then each query reads that campaign's rows alone). */
  list(demo: boolean, only?: number): CampaignSummary[] {
    const one = only != null;
    const args = one ? [only] : [];
    const rows = this.db
      .prepare(
        `SELECT id, name, sender, message, created_at, send_at, status, estimate_cost, currency FROM campaigns
         WHERE stored = 1 ${one ? 'AND id = ?' : ''} ORDER BY id DESC`,
      )
      .all(...args) as {
      id: number;
      name: string;
      sender: string;
      message: string;
      created_at: number;
      send_at: number | null;
      status: CampaignStatus;
      estimate_cost: number | null;
      currency: string | null;
    }[];
    const tallies = campaignTallies(this.db, only);
    const batches = this.db
      .prepare(
        `SELECT campaign_id AS c, COUNT(*) AS total, SUM(state IN ('submitted', 'scheduled')) AS submitted,
                SUM(cost) AS cost, MAX(currency) AS currency
         FROM batches WHERE state NOT IN ('abandoned', 'split', 'refused') ${one ? 'AND campaign_id = ?' : ''} GROUP BY campaign_id`,
      )
      .all(...args) as { c: number; total: number; submitted: number; cost: number | null; currency: string | null }[];
    return rows.map((r) => {
      const { states: st, statuses: ds, total } = tallies.get(r.id) ?? { states: {}, statuses: {}, total: 0 };
      const b = batches.find((x) => x.c === r.id);
      const open = (st.queued ?? 0) + (st.claimed ?? 0) + (st.in_flight ?? 0) + (st.retry_wait ?? 0);
      const status: CampaignStatus = r.status !== 'active' ? r.status : open === 0 ? 'done' : 'active';
      return {
        id: r.id,
        name: r.name,
        sender: r.sender,
        message: r.message,
        createdAt: r.created_at,
        sendAt: r.send_at,
        status,
        total,
        states: st,
        statuses: ds,
        estimateCost: r.estimate_cost,
        totalCost: b?.cost ?? null,
        currency: b?.currency ?? r.currency,
        batches: { total: b?.total ?? 0, submitted: b?.submitted ?? 0 },
        demo,
      };
    });
  }

  get(id: number, demo: boolean): CampaignSummary {
    const c = this.list(demo, id)[0];
    if (!c) throw new Error(`No campaign ${id}`);
    return c;
  }

  exists(id: number): boolean {
    return !!this.db.prepare('SELECT 1 FROM campaigns WHERE id = ? AND stored = 1').get(id);
  }

  private filterSql(filter: RecipientsQuery['filter']): string {
    switch (filter) {
      case 'delivered':
        return "AND status = 'DELIVERED'";
      case 'failed':
        return `AND (state = 'failed' OR (status IS NOT NULL AND status NOT IN ('DELIVERED', 'ACCEPTED', 'UNKNOWN', 'SCHEDULED', 'BUFFERED', 'ENROUTE')))`;
      case 'pending':
        return `AND state NOT IN ('failed', 'uncertain', 'cancelled', 'marked_sent') AND (status IS NULL OR status NOT IN (${FINAL_SQL}, 'NO_FINAL_REPORT'))`;
      case 'uncertain':
        return "AND state = 'uncertain'";
      case 'all':
        return '';
    }
  }

  recipients(q: RecipientsQuery): {
    total: number;
    rows: RecipientRow[];
  } {
    const search = q.search.trim();
    const where = `WHERE campaign_id = ? ${this.filterSql(q.filter)} ${
      search ? "AND (msisdn LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')" : ''
    }`;
    const like = likePattern(search);
    const params: unknown[] = search ? [q.campaignId, like, like] : [q.campaignId];
    // Without a search the filter is about state and status alone: the counter table answers it.
    const total = search
      ? (this.db.prepare(`SELECT COUNT(*) AS n FROM recipients ${where}`).get(...params) as { n: number }).n
      : countWhere(this.db, q.campaignId, this.filterSql(q.filter));
    const rows = this.db
      .prepare(
        `SELECT id, row_no AS rowNo, msisdn, name, state, status, status_at AS statusAt, error_code AS errorCode,
                ${RECIPIENT_ERROR}, batch_id AS batchId, encoding, parts, updated_at AS updatedAt
         FROM recipients ${where} ORDER BY id LIMIT ? OFFSET ?`,
      )
      .all(...params, q.limit, q.offset) as RecipientRow[];
    return { total, rows };
  }

  /**
   * How many recipients of a campaign are in `state` (of `ids` only, when given) and their SMS parts:
   * one aggregate, where paging through them with OFFSET took 7 s at 100,000 (bench/stall).
   */
  stateTotals(campaignId: number, state: 'failed' | 'uncertain', ids: readonly number[] | null): { recipients: number; parts: number } {
    const r = (
      ids
        ? this.db
            .prepare(
              `SELECT COUNT(*) AS recipients, COALESCE(SUM(parts), 0) AS parts FROM recipients
               WHERE campaign_id = ? AND state = ? AND id IN (SELECT value FROM json_each(?))`,
            )
            .get(campaignId, state, JSON.stringify(ids))
        : this.db
            .prepare('SELECT COUNT(*) AS recipients, COALESCE(SUM(parts), 0) AS parts FROM recipients WHERE campaign_id = ? AND state = ?')
            .get(campaignId, state)
    ) as { recipients: number; parts: number };
    return r;
  }

  /** Every recipient, for export; iterated so 100k rows do not sit in memory twice. */
  *allRecipients(campaignId: number): Generator<RecipientRow> {
    yield* this.db
      .prepare(
        `SELECT id, row_no AS rowNo, msisdn, name, state, status, status_at AS statusAt, error_code AS errorCode,
                ${RECIPIENT_ERROR}, batch_id AS batchId, encoding, parts, updated_at AS updatedAt
         FROM recipients WHERE campaign_id = ? ORDER BY id`,
      )
      .iterate(campaignId) as Iterable<RecipientRow>;
  }

  /** Up to `limit` recipients after id `afterId`, in id order: an export reads page by page between turns of the event loop. */
  recipientPage(campaignId: number, afterId: number, limit: number): RecipientRow[] {
    return this.db
      .prepare(
        `SELECT id, row_no AS rowNo, msisdn, name, state, status, status_at AS statusAt, error_code AS errorCode,
                ${RECIPIENT_ERROR}, batch_id AS batchId, encoding, parts, updated_at AS updatedAt
         FROM recipients WHERE campaign_id = ? AND id > ? ORDER BY id LIMIT ?`,
      )
      .all(campaignId, afterId, limit) as RecipientRow[];
  }

  attempts(campaignId: number): AttemptRow[] {
    return this.db
      .prepare(
        `SELECT a.id, a.batch_id AS batchId, a.started_at AS startedAt, a.finished_at AS finishedAt,
                a.http_status AS httpStatus, a.outcome, a.code, a.message, a.body, a.recipients
         FROM attempts a JOIN batches b ON b.id = a.batch_id WHERE b.campaign_id = ? ORDER BY a.id`,
      )
      .all(campaignId) as AttemptRow[];
  }

  setStatus(id: number, status: 'active' | 'paused' | 'cancelled'): void {
    this.db.prepare('UPDATE campaigns SET status = ? WHERE id = ?').run(status, id);
  }

  /** Cancels what has not been written to GatewayAPI yet (in steps: see bulkActions.ts). */
  cancel(id: number): Promise<number> {
    return this.bulk.cancel(id);
  }

  /** The user's decision on uncertain recipients. */
  resolveUncertain(campaignId: number, ids: number[] | null, action: 'resend' | 'mark_sent'): Promise<number> {
    return this.bulk.resolveUncertain(campaignId, ids, action);
  }

  /** A new attempt for recipients that failed (after the user fixed the cause). */
  resendFailed(campaignId: number): Promise<number> {
    return this.bulk.resendFailed(campaignId);
  }

  scheduledBatches(campaignId: number): { id: number; gatewayId: number }[] {
    return this.db
      .prepare("SELECT id, gateway_id AS gatewayId FROM batches WHERE campaign_id = ? AND state = 'scheduled' AND gateway_id IS NOT NULL")
      .all(campaignId) as { id: number; gatewayId: number }[];
  }

  markBatchCancelled(batchId: number): void {
    this.db
      .transaction(() => {
        this.db.prepare("UPDATE batches SET state = 'cancelled', poll_next_at = NULL WHERE id = ?").run(batchId);
        this.db
          .prepare("UPDATE recipients SET state = 'cancelled', updated_at = ? WHERE batch_id = ? AND state = 'scheduled'")
          .run(this.now(), batchId);
      })
      .immediate();
  }

  counts(): Partial<Record<RecipientState, number>> {
    return stateTotals(this.db);
  }
}
