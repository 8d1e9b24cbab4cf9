// Every statement the outbox runs while storing and sending a campaign, and while the user cancels,
// resends or reads results, is looked up through an index: none reads the whole recipients table
// (at 100k recipients a scan per batch is what made sending slow). Guards dropping indexes
// (migration 8) and any new query on these paths.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { Lease } from './lease';
import { Queue } from './queue';
import { Campaigns } from './campaigns';
import { Polls } from './polls';
import { newCampaign, people } from '../testing';

let dir: string;
let db: Db;
let seen: Set<string>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-plans-'));
  db = openDatabase(dir);
  db.pragma('synchronous = OFF');
  seen = new Set();
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    if (!sql.startsWith('EXPLAIN')) seen.add(sql);
    return prepare(sql);
  }) as Db['prepare'];
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The statements seen that read recipients without an index, with their plans. */
function scans(): string[] {
  const out: string[] = [];
  for (const sql of [...seen]) {
    if (!/recipients/.test(sql) || /^\s*(PRAGMA|BEGIN|COMMIT)/i.test(sql)) continue;
    // The plan does not depend on the values: one null per placeholder (the code uses `?` only).
    const nulls = new Array<null>(sql.split('?').length - 1).fill(null);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...nulls) as { detail: string }[]).map((r) => r.detail);
    if (plan.some((d) => /^SCAN (recipients|r)\b/.test(d))) out.push(`${sql.replace(/\s+/g, ' ')}\n  ${plan.join('\n  ')}`);
  }
  return out;
}

describe('query plans', () => {
  it('storing, sending, cancelling, resending and reading results never scan the recipients table', async () => {
    const now = () => 1_000_000;
    const lease = new Lease(db, { holder: 'me', pid: process.pid, host: 'h' }, { staleMs: 60_000, now });
    lease.tryAcquire();
    const campaigns = new Campaigns(db, now, lease.me);
    const queue = new Queue(db, lease, now);
    const polls = new Polls(db, now);
    const { campaignId } = await campaigns.createInChunks(newCampaign({ people: people(30) }));
    queue.limitTo([campaignId]);
    queue.recover();
    const sent = queue.claimNext(10)!;
    const attempt = queue.markInFlight(sent.id, sent.recipients.length)!;
    queue.markSubmitted(sent.id, attempt, { ids: [1], usage: null }, 0, false);
    const failed = queue.claimNext(10)!;
    queue.markFailed(failed.id, queue.markInFlight(failed.id, failed.recipients.length), {
      outcome: 'failed',
      httpStatus: 400,
      code: null,
      message: 'no',
      body: null,
    });
    queue.hasQueued();
    queue.nextRetryAt();
    polls.campaignSettled(campaignId);
    for (const filter of ['all', 'delivered', 'failed', 'pending', 'uncertain'] as const) {
      campaigns.recipients({ campaignId, search: '', filter, offset: 0, limit: 50 });
    }
    campaigns.list(false);
    await campaigns.resendFailed(campaignId);
    await campaigns.cancel(campaignId);
    expect(seen.size).toBeGreaterThan(20);
    expect(scans()).toEqual([]);
  });
});
