// One page of the campaign list: search by name or message text, filter by state, newest first.
// Only the page's campaigns are then summarised (each with queries that read that campaign's rows
// alone), so the Outbox stays quick with hundreds of campaigns and millions of recipients.
import type { CampaignListQuery } from '../../shared/contract';
import type { Db } from '../db/open';
import { likePattern } from './sqlLike';

/** Recipients not yet written to GatewayAPI: while any exist an 'active' campaign is still sending. */
const OPEN =
  "SELECT 1 FROM recipient_counts r WHERE r.campaign_id = c.id AND r.state IN ('queued', 'claimed', 'in_flight', 'retry_wait') AND r.n > 0";

/** The stored status plus the derived one: 'done' is an active campaign with nothing left to send. */
function statusSql(status: CampaignListQuery['status']): string {
  switch (status) {
    case 'active':
      return `AND c.status = 'active' AND EXISTS (${OPEN})`;
    case 'done':
      return `AND c.status = 'active' AND NOT EXISTS (${OPEN})`;
    case 'paused':
      return "AND c.status = 'paused'";
    case 'cancelled':
      return "AND c.status = 'cancelled'";
    default:
      return '';
  }
}

export function campaignPage(db: Db, q: CampaignListQuery): { total: number; ids: number[] } {
  const search = q.search.trim();
  // A campaign still being stored in chunks is not shown until its last chunk is in.
  const where = `WHERE c.stored = 1 ${statusSql(q.status)} ${search ? "AND (c.name LIKE ? ESCAPE '\\' OR c.message LIKE ? ESCAPE '\\')" : ''}`;
  const args = search ? [likePattern(search), likePattern(search)] : [];
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM campaigns c ${where}`).get(...args) as { n: number }).n;
  const ids = (
    db.prepare(`SELECT c.id FROM campaigns c ${where} ORDER BY c.id DESC LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as {
      id: number;
    }[]
  ).map((r) => r.id);
  return { total, ids };
}
