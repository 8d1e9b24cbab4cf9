// Reading the counter table (recipient_counts, kept exact by triggers: see migration 6). Every count
// the window, the CLI and the exports show comes from here, so a refresh reads a few dozen rows
// instead of grouping every recipient.
import type { Db } from '../db/open';
import type { CampaignSummary } from '../../shared/contract';
import type { RecipientState } from '../../shared/states';

export interface CampaignTally {
  states: Partial<Record<RecipientState, number>>;
  /** Delivery statuses of submitted and scheduled recipients; PENDING = no report yet. */
  statuses: CampaignSummary['statuses'];
  total: number;
}

/** The counter rows as if they were recipients' (state, status), status NULL where none yet. */
export const COUNTS_AS_RECIPIENTS = "SELECT campaign_id, state, NULLIF(status, '') AS status, n FROM recipient_counts WHERE n <> 0";

/** Each campaign's tally (only `only`'s when given). */
export function campaignTallies(db: Db, only?: number): Map<number, CampaignTally> {
  const rows = db
    .prepare(`SELECT campaign_id AS c, state, status, n FROM recipient_counts WHERE n <> 0 ${only != null ? 'AND campaign_id = ?' : ''}`)
    .all(...(only != null ? [only] : [])) as { c: number; state: RecipientState; status: string; n: number }[];
  const out = new Map<number, CampaignTally>();
  for (const r of rows) {
    let t = out.get(r.c);
    if (!t) out.set(r.c, (t = { states: {}, statuses: {}, total: 0 }));
    t.states[r.state] = (t.states[r.state] ?? 0) + r.n;
    t.total += r.n;
    if (r.state === 'submitted' || r.state === 'scheduled') {
      const status = (r.status === '' ? 'PENDING' : r.status) as keyof CampaignTally['statuses'];
      t.statuses[status] = (t.statuses[status] ?? 0) + r.n;
    }
  }
  return out;
}

/** Recipients per state over every stored campaign (one still being stored does not count yet). */
export function stateTotals(db: Db): Partial<Record<RecipientState, number>> {
  const out: Partial<Record<RecipientState, number>> = {};
  const rows = db
    .prepare(
      `SELECT state, SUM(n) AS n FROM recipient_counts
       WHERE n <> 0 AND campaign_id NOT IN (SELECT id FROM campaigns WHERE stored = 0) GROUP BY state`,
    )
    .all() as { state: RecipientState; n: number }[];
  for (const r of rows) if (r.n) out[r.state] = r.n;
  return out;
}

/** How many of a campaign's recipients match `where` (SQL over state and status only). */
export function countWhere(db: Db, campaignId: number, where: string): number {
  return db
    .prepare(`SELECT COALESCE(SUM(n), 0) FROM (${COUNTS_AS_RECIPIENTS}) WHERE campaign_id = ? ${where}`)
    .pluck()
    .get(campaignId) as number;
}
